import { isLoadedDataset } from '../../../core/config';
import { SPLIT_PARAM_SPECS, type SplitConfig } from '../../../core/datasetParams';
import { ParamControl } from '../../components/ParamControl';
import { useLab } from '../../storeContext';

/** The parameters each evaluation protocol uses, in the order they are shown after the protocol. */
const RELEVANT: Record<SplitConfig['protocol'], (keyof SplitConfig)[]> = {
  holdout: ['test', 'validation', 'repeats'],
  'cross-validation': ['folds', 'validation', 'repeats'],
  'balanced-test': ['testPerClass', 'validation', 'repeats'],
};
const spec = (name: string) => SPLIT_PARAM_SPECS.find((s) => s.name === name)!;

/**
 * How the data is divided for evaluation: the protocol first, then only its parameters. Where the
 * test set is fixed (the long-tail builder's balanced test set, or one shipped with the data), the
 * protocol does not choose it: only the validation share and the repeats apply.
 */
export function SplitControls() {
  const split = useLab((s) => s.config.split);
  const errors = useLab((s) => s.fieldErrors);
  const setParam = useLab((s) => s.setParam);
  const fixedTest = useLab((s) => fixedTestReason(isLoadedDataset(s.config.dataset) && Boolean(s.config.dataset.longTail), s.data.loaded?.kind === 'images' && Boolean(s.data.loaded.test)));
  // Relative accuracy is an extra run on any protocol (it needs spare rows of every class; see its help).
  const names: (keyof SplitConfig)[] = ['protocol', ...(fixedTest ? (['validation', 'repeats'] as const) : RELEVANT[split.protocol]), 'relativeAccuracy'];
  return (
    <fieldset className="split-controls" data-testid="evaluation-controls">
      <legend>Evaluation</legend>
      {fixedTest && (
        <p className="hint" data-testid="fixed-test-note">
          The test set is fixed ({fixedTest}), so the evaluation protocol does not choose it: validation rows come from the training pool.
        </p>
      )}
      {names.map((name) => (
        <ParamControl
          key={name}
          spec={spec(name)}
          value={split[name]}
          error={errors[`split.${name}`]}
          onChange={(v) => setParam('split', name, v)}
          testId={`split-${name}`}
        />
      ))}
    </fieldset>
  );
}

function fixedTestReason(longTail: boolean, shipped: boolean): string | null {
  if (longTail) return 'the long-tail builder’s balanced test set';
  if (shipped) return 'the balanced test set that comes with the data';
  return null;
}
