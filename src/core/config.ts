/**
 * The experiment config: one plain, versioned JSON object that the URL, the CLI, saved
 * experiments and the worker all speak. Unknown fields are an error, so a typo never silently
 * runs a different experiment.
 */
import { ConfigError, got } from './errors';
import { DATASET_PARAM_SPECS, IMAGE_PARAM_SPECS, LONG_TAIL_PARAM_SPECS, SPLIT_PARAM_SPECS, type SplitConfig } from './datasetParams';
import { findBuiltin } from './data/builtins';
import { METHODS, type MethodId, type MethodSpec } from './methods';
import { MODEL_PARAM_SPECS, type ModelSpec } from './models/modelSpec';
import { defaultParams, validateParam, validateParams, type ParamSpec } from './params';
import type { SyntheticSpec } from './data/generators';

export const CONFIG_VERSION = 1;

export interface SyntheticDatasetConfig extends SyntheticSpec {
  kind: 'synthetic';
}

/** What the user may set a table column to (its inferred type, another type, or left out). */
export type ColumnChoice = 'numeric' | 'categorical' | 'boolean' | 'ignored';
export const COLUMN_CHOICES: readonly ColumnChoice[] = ['numeric', 'categorical', 'boolean', 'ignored'];

/**
 * Real data: a built-in dataset (`name` = its id) or a file the user loaded (`name` = the file
 * name; the data itself never leaves the browser, so a shared link asks the receiver to load the
 * same file). The loaded rows travel beside the config (see `LoadedData`), never inside it.
 */
export interface LoadedDatasetConfig {
  kind: 'builtin' | 'upload';
  name: string;
  /** Tables: the target column; absent = the guessed one (label, class, target, y, or the last column). */
  target?: string;
  /** Tables: user overrides of inferred column types, by column name. */
  columns?: Record<string, ColumnChoice>;
  /** Image sets: side length in pixels and colour after decoding. */
  image?: { size: number; color: 'gray' | 'rgb' };
  /** Long-tail builder: sub-sample the training pool to a long-tailed profile, test set balanced. */
  longTail?: { profile: 'exponential' | 'step'; imbalanceFactor: number; testPerClass: number };
}

export type DatasetConfig = SyntheticDatasetConfig | LoadedDatasetConfig;

export const isLoadedDataset = (d: DatasetConfig): d is LoadedDatasetConfig => d.kind !== 'synthetic';

export interface ExperimentConfig {
  version: typeof CONFIG_VERSION;
  dataset: DatasetConfig;
  split: SplitConfig;
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
    split: defaultParams(SPLIT_PARAM_SPECS) as unknown as SplitConfig,
    methods: [
      { id: 'none', params: {} },
      { id: 'random-over', params: defaultParams(METHODS['random-over'].params) },
      { id: 'random-under', params: defaultParams(METHODS['random-under'].params) },
      { id: 'smote', params: defaultParams(METHODS.smote.params) },
      { id: 'class-weight', params: defaultParams(METHODS['class-weight'].params) },
    ],
    model: defaultParams(MODEL_PARAM_SPECS) as unknown as ModelSpec,
    seed: SEED_SPEC.default as number,
  };
}

function parseDataset(ds: Record<string, unknown>): DatasetConfig {
  const kind = ds.kind ?? 'synthetic';
  if (kind === 'synthetic') {
    const { kind: _kind, ...dsParams } = ds;
    return { kind: 'synthetic', ...validateParams(DATASET_PARAM_SPECS, dsParams, 'dataset') } as SyntheticDatasetConfig;
  }
  if (kind !== 'builtin' && kind !== 'upload') {
    throw new ConfigError(`dataset.kind must be 'synthetic', 'builtin' or 'upload'. Got ${got(kind)} instead.`, 'dataset.kind');
  }
  rejectUnknown(ds, ['kind', 'name', 'target', 'columns', 'image', 'longTail'], 'dataset');
  if (typeof ds.name !== 'string' || ds.name.length === 0 || ds.name.length > 255) {
    throw new ConfigError(`dataset.name must be a built-in dataset id or a file name. Got ${got(ds.name)} instead.`, 'dataset.name');
  }
  const builtin = kind === 'builtin' ? findBuiltin(ds.name) : undefined;
  if (kind === 'builtin' && !builtin) {
    throw new ConfigError(`dataset.name must be the id of a built-in dataset. Got ${got(ds.name)} instead.`, 'dataset.name');
  }
  const out: LoadedDatasetConfig = { kind, name: ds.name };
  if (ds.target !== undefined) {
    if (typeof ds.target !== 'string' || ds.target.length === 0) throw new ConfigError(`dataset.target must be a column name. Got ${got(ds.target)} instead.`, 'dataset.target');
    out.target = ds.target;
  }
  if (ds.columns !== undefined) {
    const cols = asObject(ds.columns, 'dataset.columns');
    for (const [name, choice] of Object.entries(cols)) {
      if (!COLUMN_CHOICES.includes(choice as ColumnChoice)) {
        throw new ConfigError(`dataset.columns.${name} must be one of ${COLUMN_CHOICES.join(', ')}. Got ${got(choice)} instead.`, `dataset.columns.${name}`);
      }
    }
    out.columns = cols as Record<string, ColumnChoice>;
  }
  if (ds.image !== undefined) out.image = validateParams(IMAGE_PARAM_SPECS, ds.image, 'dataset.image') as unknown as LoadedDatasetConfig['image'];
  if (ds.longTail !== undefined) out.longTail = validateParams(LONG_TAIL_PARAM_SPECS, ds.longTail, 'dataset.longTail') as unknown as LoadedDatasetConfig['longTail'];
  return out;
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

  const dataset = parseDataset(asObject(obj.dataset ?? { kind: 'synthetic' }, 'dataset'));

  const split = validateParams(SPLIT_PARAM_SPECS, obj.split, 'split') as unknown as SplitConfig;
  if (split.protocol === 'holdout' && split.test + split.validation > 0.9) {
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
