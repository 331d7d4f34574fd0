import { DATASET_PARAM_SPECS } from '../../../core/datasetParams';
import { ParamControl } from '../../components/ParamControl';
import { useLab } from '../../storeContext';

/** The synthetic 2-D generator's controls (only while the generated data is in use). */
export function GeneratorControls() {
  const dataset = useLab((s) => s.config.dataset) as unknown as Record<string, number | string>;
  const errors = useLab((s) => s.fieldErrors);
  const setParam = useLab((s) => s.setParam);
  const multi = Number(dataset.classes) > 2;
  return (
    <div className="source-body" data-testid="generator-controls">
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
    </div>
  );
}
