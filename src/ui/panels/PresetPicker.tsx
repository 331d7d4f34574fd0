import { useState } from 'react';
import { PRESETS } from '../../core/presets';
import { useLab } from '../storeContext';

/** Ready-made experiments (data, methods, model, seeds) in one pick; what to look for is shown with it. */
export function PresetPicker() {
  const applyPreset = useLab((s) => s.applyPreset);
  const [chosen, setChosen] = useState<string>('');
  const preset = PRESETS.find((p) => p.id === chosen);
  return (
    <div className="preset-picker">
      <label>
        Ready-made experiment{' '}
        <select
          data-testid="preset-picker"
          value={chosen}
          onChange={(e) => {
            setChosen(e.target.value);
            if (e.target.value) applyPreset(e.target.value);
          }}
        >
          <option value="">— pick one —</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      {preset && (
        <p className="hint" data-testid="preset-description">
          {preset.description} {preset.expectation}
        </p>
      )}
    </div>
  );
}
