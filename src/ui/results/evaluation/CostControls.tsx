import { useLab } from '../../storeContext';

/** The cost ratio and class prior that pick the best operating point (iso-performance lines, cost-optimal threshold). */
export function CostControls() {
  const { costRatio, prior } = useLab((s) => s.evaluation);
  const error = useLab((s) => s.evaluationError);
  const setEvaluation = useLab((s) => s.setEvaluation);
  return (
    <>
      <label title="How many false positives one false negative is worth (e.g. 10 for a missed fraud case).">
        cost FN : FP{' '}
        <input type="number" data-testid="cost-ratio" min={0.01} max={1000} step="any" defaultValue={costRatio} onChange={(e) => e.target.value !== '' && setEvaluation({ costRatio: Number(e.target.value) })} />
      </label>
      <label title="The positive class's share where the model will be used; empty = its share in the test split.">
        positive prior{' '}
        <input
          type="number"
          data-testid="class-prior"
          min={0.001}
          max={0.999}
          step="any"
          placeholder="test share"
          defaultValue={prior ?? ''}
          onChange={(e) => setEvaluation({ prior: e.target.value === '' ? null : Number(e.target.value) })}
        />
      </label>
      {error && /cost ratio|prior/.test(error) && (
        <span className="error-inline" data-testid="evaluation-error">
          {error}
        </span>
      )}
    </>
  );
}
