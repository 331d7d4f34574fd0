import { useState } from 'react';
import { IMAGE_PARAM_SPECS } from '../../../core/datasetParams';
import type { ParamValue } from '../../../core/params';
import { ParamControl } from '../../components/ParamControl';
import { useLab } from '../../storeContext';
import { useSpecErrors } from './useSpecErrors';

type ImageOpts = { size: number; color: 'gray' | 'rgb' };

/**
 * Decoded size and colour of the images. Changing them decodes every image again, so the new
 * values are applied with a button rather than on every slider step.
 */
export function ImageOptions({ current }: { current: ImageOpts }) {
  const setImageOptions = useLab((s) => s.setImageOptions);
  const loading = useLab((s) => s.data.status === 'loading');
  const [draft, setDraft] = useState<ImageOpts>(current);
  const { errors, check, hasErrors } = useSpecErrors('dataset.image');
  const changed = draft.size !== current.size || draft.color !== current.color;
  return (
    <div className="image-options">
      {IMAGE_PARAM_SPECS.map((spec) => (
        <ParamControl
          key={spec.name}
          spec={spec}
          value={draft[spec.name as keyof ImageOpts] as ParamValue}
          error={errors[spec.name]}
          onChange={(raw) => {
            const v = check(spec, raw);
            if (v !== null) setDraft((d) => ({ ...d, [spec.name]: v }));
          }}
          testId={`image-${spec.name}`}
        />
      ))}
      <button type="button" disabled={!changed || hasErrors || loading} onClick={() => setImageOptions(draft.size, draft.color)} data-testid="image-apply">
        Decode again at {draft.size}×{draft.size} {draft.color === 'rgb' ? 'RGB' : 'gray'}
      </button>
    </div>
  );
}
