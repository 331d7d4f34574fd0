import { LONG_TAIL_PARAM_SPECS } from '../../../core/datasetParams';
import type { LoadedDatasetConfig } from '../../../core/config';
import { defaultParams } from '../../../core/params';
import { ParamControl } from '../../components/ParamControl';
import { useLab } from '../../storeContext';
import { useSpecErrors } from './useSpecErrors';

type LongTail = NonNullable<LoadedDatasetConfig['longTail']>;
const DEFAULTS = defaultParams(LONG_TAIL_PARAM_SPECS) as unknown as LongTail;

/** Turns any real dataset into a long-tailed training set scored on a balanced test set. */
export function LongTailBuilder() {
  const longTail = useLab((s) => (s.config.dataset.kind === 'synthetic' ? undefined : (s.config.dataset as LoadedDatasetConfig).longTail));
  const setLongTail = useLab((s) => s.setLongTail);
  const { errors, check } = useSpecErrors('dataset.longTail');
  return (
    <fieldset className="long-tail" data-testid="long-tail-builder">
      <legend>
        <label>
          <input type="checkbox" checked={Boolean(longTail)} onChange={(e) => setLongTail(e.target.checked ? { ...DEFAULTS } : null)} data-testid="longtail-toggle" /> Make
          the training set long-tailed
        </label>
      </legend>
      <p className="hint">
        First sets aside the same number of test rows from every class, so the test set stays balanced; then cuts each class of the rest to a
        long-tailed profile, the first class keeping the most (the CIFAR-LT protocol, Cao et al. 2019).
      </p>
      {longTail &&
        LONG_TAIL_PARAM_SPECS.map((spec) => (
          <ParamControl
            key={spec.name}
            spec={spec}
            value={longTail[spec.name as keyof LongTail]}
            error={errors[spec.name]}
            onChange={(raw) => {
              const v = check(spec, raw);
              if (v !== null) setLongTail({ ...longTail, [spec.name]: v });
            }}
            testId={`longtail-${spec.name}`}
          />
        ))}
    </fieldset>
  );
}
