import { SEED_SPEC } from '../../../core/config';
import { ParamControl } from '../../components/ParamControl';
import { useLab } from '../../storeContext';

/** The experiment seed and a "next seed" step. */
export function SeedRow() {
  const seed = useLab((s) => s.config.seed);
  const error = useLab((s) => s.fieldErrors.seed);
  const setSeed = useLab((s) => s.setSeed);
  return (
    <div className="seed-row">
      <ParamControl spec={SEED_SPEC} value={seed} error={error} onChange={setSeed} testId="seed" />
      <button type="button" title="Next seed: new data, split and initial weights" onClick={() => setSeed(seed + 1)} disabled={seed >= (SEED_SPEC.max ?? Infinity)}>
        next seed
      </button>
    </div>
  );
}
