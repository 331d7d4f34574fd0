import { AUGMENT_PARAMS, CNN_PARAMS, MODEL_PARAM_SPECS } from '../../core/models/modelSpec';
import { ParamControl } from '../components/ParamControl';
import { useLab } from '../storeContext';

const MLP_ONLY = new Set(['hiddenLayers', 'width', 'activation']);

export function ModelPanel() {
  const model = useLab((s) => s.config.model) as unknown as Record<string, number | string>;
  const errors = useLab((s) => s.fieldErrors);
  const setParam = useLab((s) => s.setParam);
  const images = useLab((s) => s.data.loaded?.kind === 'images');
  return (
    <section className="panel" aria-labelledby="model-h">
      <h2 id="model-h">Model</h2>
      {MODEL_PARAM_SPECS.filter((s) => (model.kind === 'mlp' || !MLP_ONLY.has(s.name)) && (images || !AUGMENT_PARAMS.has(s.name)) && (model.kind === 'cnn' || !CNN_PARAMS.has(s.name)) && (model.augment !== 'none' || s.name === 'augment' || !AUGMENT_PARAMS.has(s.name))).map((spec) => (
        <ParamControl
          key={spec.name}
          spec={spec as never}
          value={model[spec.name]}
          error={errors[`model.${spec.name}`]}
          onChange={(v) => setParam('model', spec.name, v)}
          testId={`model-${spec.name}`}
        />
      ))}
    </section>
  );
}
