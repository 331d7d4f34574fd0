import { useState } from 'react';
import { MAX_METHODS } from '../../core/config';
import { FAMILY_LABELS, METHOD_IDS, METHODS, methodLabel, type MethodFamily, type MethodId } from '../../core/methods';
import { ParamControl } from '../components/ParamControl';
import { methodColor } from '../palette';
import { useLab } from '../storeContext';
import { PresetPicker } from './PresetPicker';

export function MethodsPanel() {
  const methods = useLab((s) => s.config.methods);
  const errors = useLab((s) => s.fieldErrors);
  const addMethod = useLab((s) => s.addMethod);
  const removeMethod = useLab((s) => s.removeMethod);
  const setMethodParam = useLab((s) => s.setMethodParam);
  const [toAdd, setToAdd] = useState<MethodId>('smote');
  return (
    <section className="panel" aria-labelledby="methods-h">
      <h2 id="methods-h">Methods</h2>
      <PresetPicker />
      <ol className="method-list">
        {methods.map((m, i) => {
          const def = METHODS[m.id];
          return (
            <li key={i} className="method-card" data-testid={`method-card-${i}`} style={{ borderLeftColor: methodColor(i) }}>
              <div className="method-head">
                <strong>{methodLabel(m)}</strong>
                <span className="family">{FAMILY_LABELS[def.family]}</span>
                <button type="button" className="icon" aria-label={`Remove ${methodLabel(m)}`} disabled={methods.length <= 1} onClick={() => removeMethod(i)}>
                  ×
                </button>
              </div>
              <details>
                <summary>How it works</summary>
                <p>{def.summary}</p>
              </details>
              <p className="citation">{def.citation}</p>
              {def.params.map((spec) => (
                <ParamControl
                  key={spec.name}
                  spec={spec}
                  value={m.params[spec.name]}
                  error={errors[`methods[${i}].params.${spec.name}`]}
                  onChange={(v) => setMethodParam(i, spec.name, v)}
                  testId={`method-${i}-${spec.name}`}
                />
              ))}
            </li>
          );
        })}
      </ol>
      <div className="add-method">
        <select aria-label="Method to add" value={toAdd} onChange={(e) => setToAdd(e.target.value as MethodId)} data-testid="method-picker">
          {(Object.keys(FAMILY_LABELS) as MethodFamily[]).map((family) => (
            <optgroup key={family} label={FAMILY_LABELS[family]}>
              {/* Methods for categorical columns wait for datasets that have them (CSV upload). */}
              {METHOD_IDS.filter((id) => METHODS[id].family === family && !METHODS[id].requires).map((id) => (
                <option key={id} value={id}>
                  {METHODS[id].label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="button" onClick={() => addMethod(toAdd)} disabled={methods.length >= MAX_METHODS}>
          Add method
        </button>
      </div>
    </section>
  );
}
