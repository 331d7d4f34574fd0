import { selectEvaluationContext } from '../../../state/evaluation';
import { useLab } from '../../storeContext';

/** Which class the ROC / PR views treat as positive (one-vs-rest for more than two classes). */
export function ClassPicker({ testId }: { testId: string }) {
  const ctx = useLab(selectEvaluationContext);
  const setEvaluation = useLab((s) => s.setEvaluation);
  if (!ctx) return null;
  return (
    <label>
      {ctx.nClasses === 2 ? 'positive class' : 'class (one vs rest)'}{' '}
      <select data-testid={testId} value={ctx.positiveClass} onChange={(e) => setEvaluation({ rocClass: Number(e.target.value) })}>
        {ctx.classNames.map((name, c) => (
          <option key={c} value={c}>
            {name} ({ctx.trainCounts[c]} training rows{c === ctx.minorityClass ? ', minority' : ''})
          </option>
        ))}
      </select>
    </label>
  );
}
