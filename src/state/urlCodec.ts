/**
 * Experiment config ⇄ URL query string (pure; no `window`). The whole experiment lives in the
 * URL, as in TensorFlow Playground, so copying the link reproduces the run. Results never go in
 * the URL. Readable on purpose: `?v=1&shape=moons&ir=20&…&method=smote(kNeighbors~5*samplingStrategy~auto)`.
 *
 * Keys: `v` (codec/config version), dataset and split fields by name (`imbalanceRatio` as `ir`),
 * model fields prefixed `model.`, `seed`, one `method` per method in order, and `backend`
 * (not part of the config: how to run it, not what to run).
 */
import { CONFIG_VERSION, isLoadedDataset, parseConfig, type ExperimentConfig } from '../core/config';
import { DATASET_PARAM_SPECS, LONG_TAIL_PARAM_SPECS, SPLIT_PARAM_SPECS } from '../core/datasetParams';
import { ConfigError } from '../core/errors';
import { MODEL_PARAM_SPECS } from '../core/models/modelSpec';
import type { ParamValue } from '../core/params';
import { isBackendRequest, type BackendRequest } from '../../workers/backendTypes';

const ALIASES: Record<string, string> = { imbalanceRatio: 'ir' };
const datasetKey = (name: string) => ALIASES[name] ?? name;

const enc = (v: ParamValue) => encodeURIComponent(String(v));

function encodeMethod(m: ExperimentConfig['methods'][number]): string {
  const params = Object.entries(m.params).map(([k, v]) => `${k}~${enc(v)}`);
  return params.length ? `${m.id}(${params.join('*')})` : m.id;
}

function decodeMethod(s: string): { id: string; params: Record<string, string> } {
  const match = /^([a-z0-9-]+)(?:\((.*)\))?$/.exec(s);
  if (!match) throw new ConfigError(`URL method must look like smote(kNeighbors~5). Got '${s}' instead.`, 'method');
  const params: Record<string, string> = {};
  for (const part of (match[2] ?? '').split('*').filter(Boolean)) {
    const [k, v = ''] = part.split('~');
    params[k] = decodeURIComponent(v);
  }
  return { id: match[1], params };
}

/** Encodes the config (and optionally a forced backend) as a query string starting with '?'. */
export function encodeConfig(config: ExperimentConfig, backend: BackendRequest = 'auto'): string {
  const parts: string[] = [`v=${CONFIG_VERSION}`];
  if (isLoadedDataset(config.dataset)) {
    const d = config.dataset;
    parts.push(`${d.kind === 'builtin' ? 'data' : 'file'}=${enc(d.name)}`);
    if (d.target !== undefined) parts.push(`target=${enc(d.target)}`);
    for (const [name, choice] of Object.entries(d.columns ?? {})) parts.push(`col.${enc(name)}=${choice}`);
    if (d.image) parts.push(`image.size=${d.image.size}`, `image.color=${d.image.color}`);
    if (d.longTail) for (const spec of LONG_TAIL_PARAM_SPECS) parts.push(`lt.${spec.name}=${enc(d.longTail[spec.name as keyof typeof d.longTail])}`);
  } else {
    const ds = config.dataset as unknown as Record<string, ParamValue>;
    for (const spec of DATASET_PARAM_SPECS) parts.push(`${datasetKey(spec.name)}=${enc(ds[spec.name])}`);
  }
  const split = config.split as unknown as Record<string, ParamValue>;
  for (const spec of SPLIT_PARAM_SPECS) parts.push(`${spec.name}=${enc(split[spec.name])}`);
  const model = config.model as unknown as Record<string, ParamValue>;
  for (const spec of MODEL_PARAM_SPECS) parts.push(`model.${spec.name}=${enc(model[spec.name])}`);
  parts.push(`seed=${config.seed}`);
  for (const m of config.methods) parts.push(`method=${encodeMethod(m)}`);
  if (backend !== 'auto') parts.push(`backend=${backend}`);
  return `?${parts.join('&')}`;
}

export interface DecodedUrl {
  /** null when the URL holds no experiment (then the app uses its defaults). */
  config: ExperimentConfig | null;
  backend: BackendRequest;
}

/**
 * Decodes a query string. Missing fields take their defaults (short links stay valid); unknown
 * keys and bad values throw ConfigError naming the key.
 */
export function decodeConfig(search: string): DecodedUrl {
  const q = search.startsWith('?') ? search.slice(1) : search;
  const pairs = q.split('&').filter(Boolean).map((p) => {
    const i = p.indexOf('=');
    return i < 0 ? [p, ''] : [decodeURIComponent(p.slice(0, i)), p.slice(i + 1)];
  });
  let backend: BackendRequest = 'auto';
  const dataset: Record<string, string> = { kind: 'synthetic' };
  const loaded: { kind?: 'builtin' | 'upload'; name?: string; target?: string; columns: Record<string, string>; image: Record<string, string>; longTail: Record<string, string> } = { columns: {}, image: {}, longTail: {} };
  const split: Record<string, string> = {};
  const model: Record<string, string> = {};
  const methods: { id: string; params: Record<string, string> }[] = [];
  const raw: Record<string, unknown> = {};
  const datasetNames = new Map(DATASET_PARAM_SPECS.map((s) => [datasetKey(s.name), s.name]));
  const splitNames = new Set(SPLIT_PARAM_SPECS.map((s) => s.name));
  const modelNames = new Set<string>(MODEL_PARAM_SPECS.map((s) => s.name));
  let any = false;
  for (const [key, rawValue] of pairs) {
    const value = key === 'method' ? rawValue : decodeURIComponent(rawValue.replace(/\+/g, ' '));
    if (key === 'backend') {
      if (!isBackendRequest(value)) throw new ConfigError(`backend must be one of auto, webgpu, webgl, wasm, cpu. Got '${value}' instead.`, 'backend');
      backend = value;
      continue;
    }
    any = true;
    if (key === 'data' || key === 'file') {
      loaded.kind = key === 'data' ? 'builtin' : 'upload';
      loaded.name = value;
    } else if (key === 'target') loaded.target = value;
    else if (key.startsWith('col.')) loaded.columns[key.slice(4)] = value;
    else if (key === 'image.size' || key === 'image.color') loaded.image[key.slice(6)] = value;
    else if (key.startsWith('lt.')) loaded.longTail[key.slice(3)] = value;
    else if (key === 'v') raw.version = Number(value);
    else if (key === 'seed') raw.seed = value;
    else if (key === 'method') methods.push(decodeMethod(value));
    else if (datasetNames.has(key)) dataset[datasetNames.get(key)!] = value;
    else if (splitNames.has(key)) split[key] = value;
    else if (key.startsWith('model.') && modelNames.has(key.slice(6))) model[key.slice(6)] = value;
    else throw new ConfigError(`The link has an unknown setting '${key}'. Got '${key}=${value}' instead.`, key);
  }
  if (!any) return { config: null, backend };
  if (loaded.kind) {
    const extraSynthetic = Object.keys(dataset).filter((k) => k !== 'kind');
    if (extraSynthetic.length) throw new ConfigError(`The link mixes a real dataset with generator settings (${extraSynthetic.join(', ')}). Got both instead.`, 'dataset');
    raw.dataset = {
      kind: loaded.kind,
      name: loaded.name,
      ...(loaded.target !== undefined ? { target: loaded.target } : {}),
      ...(Object.keys(loaded.columns).length ? { columns: loaded.columns } : {}),
      ...(Object.keys(loaded.image).length ? { image: loaded.image } : {}),
      ...(Object.keys(loaded.longTail).length ? { longTail: loaded.longTail } : {}),
    };
  } else if (loaded.target !== undefined || Object.keys(loaded.columns).length || Object.keys(loaded.image).length || Object.keys(loaded.longTail).length) {
    throw new ConfigError(`The link sets column, image or long-tail options but names no dataset (data=… or file=…). Got none instead.`, 'dataset');
  } else raw.dataset = dataset;
  raw.split = split;
  raw.model = model;
  if (methods.length) raw.methods = methods;
  return { config: parseConfig(raw), backend };
}
