/**
 * Experiment config ⇄ URL query string (pure; no `window`). The whole experiment lives in the
 * URL, as in TensorFlow Playground, so copying the link reproduces the run. Results never go in
 * the URL. Readable on purpose: `?v=1&shape=moons&ir=20&…&method=smote(kNeighbors~5*samplingStrategy~auto)`.
 *
 * Keys: `v` (codec/config version), dataset and split fields by name (`imbalanceRatio` as `ir`),
 * model fields prefixed `model.`, `seed`, one `method` per method in order, and `backend`
 * (not part of the config: how to run it, not what to run).
 */
import { CONFIG_VERSION, parseConfig, type ExperimentConfig } from '../core/config';
import { DATASET_PARAM_SPECS, SPLIT_PARAM_SPECS } from '../core/datasetParams';
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
  const ds = config.dataset as unknown as Record<string, ParamValue>;
  for (const spec of DATASET_PARAM_SPECS) parts.push(`${datasetKey(spec.name)}=${enc(ds[spec.name])}`);
  for (const spec of SPLIT_PARAM_SPECS) parts.push(`${spec.name}=${enc(config.split[spec.name as 'test' | 'validation'])}`);
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
    if (key === 'v') raw.version = Number(value);
    else if (key === 'seed') raw.seed = value;
    else if (key === 'method') methods.push(decodeMethod(value));
    else if (datasetNames.has(key)) dataset[datasetNames.get(key)!] = value;
    else if (splitNames.has(key)) split[key] = value;
    else if (key.startsWith('model.') && modelNames.has(key.slice(6))) model[key.slice(6)] = value;
    else throw new ConfigError(`The link has an unknown setting '${key}'. Got '${key}=${value}' instead.`, key);
  }
  if (!any) return { config: null, backend };
  raw.dataset = dataset;
  raw.split = split;
  raw.model = model;
  if (methods.length) raw.methods = methods;
  return { config: parseConfig(raw), backend };
}
