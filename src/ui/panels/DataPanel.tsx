import { DATASET_PARAM_SPECS, SPLIT_PARAM_SPECS } from '../../core/datasetParams';
import { SEED_SPEC } from '../../core/config';
import { ParamControl } from '../components/ParamControl';
import { ClassHistogram } from '../components/ClassHistogram';
import { DataScatter } from '../components/DataScatter';
import { useLab } from '../storeContext';

export function DataPanel() {
  const dataset = useLab((s) => s.config.dataset) as unknown as Record<string, number | string>;
  const split = useLab((s) => s.config.split);
  const seed = useLab((s) => s.config.seed);
  const errors = useLab((s) => s.fieldErrors);
  const preview = useLab((s) => s.preview);
  const setParam = useLab((s) => s.setParam);
  const setSeed = useLab((s) => s.setSeed);
  const multi = Number(dataset.classes) > 2;
  return (
    <section className="panel" aria-labelledby="data-h">
      <h2 id="data-h">Data</h2>
      {DATASET_PARAM_SPECS.filter((s) => s.name !== 'profile' || multi).map((spec) => (
        <ParamControl
          key={spec.name}
          spec={spec}
          value={dataset[spec.name]}
          error={errors[`dataset.${spec.name}`]}
          onChange={(v) => setParam('dataset', spec.name, v)}
          testId={`dataset-${spec.name}`}
        />
      ))}
      {SPLIT_PARAM_SPECS.map((spec) => (
        <ParamControl key={spec.name} spec={spec} value={split[spec.name as 'test']} error={errors[`split.${spec.name}`]} onChange={(v) => setParam('split', spec.name, v)} testId={`split-${spec.name}`} />
      ))}
      <div className="seed-row">
        <ParamControl spec={SEED_SPEC} value={seed} error={errors.seed} onChange={setSeed} testId="seed" />
        <button type="button" title="Next seed: new data, split and initial weights" onClick={() => setSeed(seed + 1)} disabled={seed >= (SEED_SPEC.max ?? Infinity)}>
          next seed
        </button>
      </div>
      {preview.error && (
        <div className="error-inline" role="alert" data-testid="dataset-error">
          {preview.error}
        </div>
      )}
      <div className="dataset-summary" data-testid="dataset-summary">
        {preview.counts.reduce((a, b) => a + b, 0)} points · {preview.classNames.length} classes · imbalance ratio 1:
        {Number.isFinite(preview.imbalanceRatio) ? preview.imbalanceRatio.toFixed(1) : '—'}
      </div>
      <ClassHistogram classNames={preview.classNames} counts={preview.counts} />
      <DataScatter points={preview.points} y={preview.y} counts={preview.counts} />
      {preview.projection.kind === 'pca' && (
        <p className="hint">
          Projected on the first two principal components ({(preview.projection.explainedVarianceRatio[0] * 100).toFixed(0)} % and{' '}
          {(preview.projection.explainedVarianceRatio[1] * 100).toFixed(0)} % of the variance).
        </p>
      )}
    </section>
  );
}
