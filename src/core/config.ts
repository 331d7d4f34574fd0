/**
 * The experiment config: one plain, versioned JSON object that the URL, the CLI, saved
 * experiments and the worker all speak. Unknown fields are an error, so a typo never silently
 * runs a different experiment.
 */
import { ConfigError, got } from './errors';
import { DATASET_PARAM_SPECS, SPLIT_PARAM_SPECS } from './datasetParams';
import { METHODS, type MethodId, type MethodSpec } from './methods';
import { MODEL_PARAM_SPECS, type ModelSpec } from './models/modelSpec';
import { defaultParams, validateParam, validateParams, type ParamSpec } from './params';
import type { SyntheticSpec } from './data/generators';

export const CONFIG_VERSION = 1;

export interface SyntheticDatasetConfig extends SyntheticSpec {
  kind: 'synthetic';
}

export type DatasetConfig = SyntheticDatasetConfig;

export interface ExperimentConfig {
  version: typeof CONFIG_VERSION;
  dataset: DatasetConfig;
  split: { test: number; validation: number };
  methods: MethodSpec[];
  model: ModelSpec;
  seed: number;
}

export const SEED_SPEC: ParamSpec = {
  name: 'seed',
  kind: 'int',
  label: 'seed',
  help: 'Seeds the data, the split, the resamplers and the weight initialisation: the same seed on the same backend gives the same numbers.',
  default: 42,
  min: 0,
  max: 2 ** 31 - 1,
};

export const MAX_METHODS = 8;

export function defaultConfig(): ExperimentConfig {
  return {
    version: CONFIG_VERSION,
    dataset: { kind: 'synthetic', ...(defaultParams(DATASET_PARAM_SPECS) as unknown as SyntheticSpec) },
    split: defaultParams(SPLIT_PARAM_SPECS) as ExperimentConfig['split'],
    methods: [
      { id: 'none', params: {} },
      { id: 'random-over', params: defaultParams(METHODS['random-over'].params) },
      { id: 'random-under', params: defaultParams(METHODS['random-under'].params) },
      { id: 'smote', params: defaultParams(METHODS.smote.params) },
      { id: 'class-weight', params: {} },
    ],
    model: defaultParams(MODEL_PARAM_SPECS) as unknown as ModelSpec,
    seed: SEED_SPEC.default as number,
  };
}

function asObject(raw: unknown, path: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${path} must be an object. Got ${got(raw)} instead.`, path);
  }
  return raw as Record<string, unknown>;
}

function rejectUnknown(obj: Record<string, unknown>, allowed: string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw new ConfigError(`${path} has no field '${key}'. Allowed fields: ${allowed.join(', ')}. Got '${key}' instead.`, `${path}.${key}`);
    }
  }
}

/**
 * Validates a config from JSON (file, URL or worker message) and fills defaults for missing
 * fields. Throws ConfigError with the path of the first bad field.
 */
export function parseConfig(raw: unknown): ExperimentConfig {
  const obj = asObject(raw, 'config');
  rejectUnknown(obj, ['version', 'dataset', 'split', 'methods', 'model', 'seed'], 'config');
  const version = obj.version ?? CONFIG_VERSION;
  if (version !== CONFIG_VERSION) {
    throw new ConfigError(`config.version must be ${CONFIG_VERSION}. Got ${got(version)} instead.`, 'config.version');
  }

  const ds = asObject(obj.dataset ?? { kind: 'synthetic' }, 'dataset');
  const kind = ds.kind ?? 'synthetic';
  if (kind !== 'synthetic') {
    throw new ConfigError(`dataset.kind must be 'synthetic' (CSV and image datasets come with the upload feature). Got ${got(kind)} instead.`, 'dataset.kind');
  }
  const { kind: _kind, ...dsParams } = ds;
  const dataset = { kind: 'synthetic', ...validateParams(DATASET_PARAM_SPECS, dsParams, 'dataset') } as DatasetConfig;

  const split = validateParams(SPLIT_PARAM_SPECS, obj.split, 'split') as ExperimentConfig['split'];
  if (split.test + split.validation > 0.9) {
    throw new ConfigError(
      `split.test + split.validation must leave at least 10 % of the data for training. Got ${split.test} + ${split.validation} instead.`,
      'split',
    );
  }

  const rawMethods = obj.methods ?? defaultConfig().methods;
  if (!Array.isArray(rawMethods) || rawMethods.length === 0 || rawMethods.length > MAX_METHODS) {
    throw new ConfigError(`methods must be a list of 1 to ${MAX_METHODS} methods. Got ${got(rawMethods)} instead.`, 'methods');
  }
  const methods = rawMethods.map((m, i): MethodSpec => {
    const path = `methods[${i}]`;
    const mo = typeof m === 'string' ? { id: m } : asObject(m, path);
    rejectUnknown(mo, ['id', 'params'], path);
    const id = mo.id;
    if (typeof id !== 'string' || !(id in METHODS)) {
      throw new ConfigError(`${path}.id must be one of ${Object.keys(METHODS).map((k) => `'${k}'`).join(', ')}. Got ${got(id)} instead.`, `${path}.id`);
    }
    return { id: id as MethodId, params: validateParams(METHODS[id as MethodId].params, mo.params, `${path}.params`) };
  });

  const model = validateParams(MODEL_PARAM_SPECS, obj.model, 'model') as unknown as ModelSpec;
  const seed = validateParam(SEED_SPEC, obj.seed, 'seed') as number;
  return { version: CONFIG_VERSION, dataset, split, methods, model, seed };
}
