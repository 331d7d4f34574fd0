import { ClassHistogram } from '../../components/ClassHistogram';
import { DataScatter } from '../../components/DataScatter';
import { useLab } from '../../storeContext';
import { ratio } from './format';

/** Fewer training rows than this mark a class "few-shot" (Liu et al. 2019). */
const FEW_SHOT_BELOW = 20;

/** Whatever data is current: its size, class counts (few-shot classes marked) and a 2-D view. */
export function DataSummary() {
  const preview = useLab((s) => s.preview);
  const unit = useLab((s) => (s.config.dataset.kind === 'synthetic' ? 'points' : s.data.loaded?.kind === 'images' ? 'images' : 'rows'));
  const total = preview.counts.reduce((a, b) => a + b, 0);
  const shown = preview.points.length / 2;
  return (
    <div className="data-summary">
      {preview.error && (
        <div className="error-inline" role="alert" data-testid="dataset-error">
          {preview.error}
        </div>
      )}
      <div className="dataset-summary" data-testid="dataset-summary">
        {total} {unit} · {preview.classNames.length} classes · imbalance ratio {ratio(preview.imbalanceRatio)}
        {preview.fixedTestCounts && ` · plus a balanced test set of ${preview.fixedTestCounts.reduce((a, b) => a + b, 0)}`}
      </div>
      {preview.imputed.length > 0 && (
        <p className="hint" data-testid="imputation">
          Missing values are filled with the training rows' median (numeric) or most frequent value (categorical):{' '}
          {preview.imputed.map((m) => `${m.column} ${m.count} cell${m.count === 1 ? '' : 's'} (${m.trainCount} in training, ${m.strategy})`).join('; ')}.
        </p>
      )}
      <ClassHistogram classNames={preview.classNames} counts={preview.counts} trainCounts={preview.trainCounts} fewShotBelow={FEW_SHOT_BELOW} />
      <DataScatter points={preview.points} y={preview.y} counts={preview.counts} />
      {preview.projection.kind === 'pca' && (
        <p className="hint">
          Projected on the first two principal components ({(preview.projection.explainedVarianceRatio[0] * 100).toFixed(0)} % and{' '}
          {(preview.projection.explainedVarianceRatio[1] * 100).toFixed(0)} % of the variance)
          {shown < total ? `, ${shown} ${unit} drawn` : ''}.
        </p>
      )}
    </div>
  );
}
