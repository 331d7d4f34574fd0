/**
 * One parameter spec per plug-in parameter (house rule 4): the same object drives validation,
 * the URL codec, the CLI and the UI controls, so they can never disagree about a range.
 */
import { ConfigError, got } from './errors';

export type ParamValue = number | string | boolean;

export interface ParamSpec {
  name: string;
  /** 'matrix': a square matrix of non-negative numbers written 'a,b;c,d' (rows separated by ';'). */
  kind: 'int' | 'float' | 'enum' | 'bool' | 'matrix';
  label: string;
  help: string;
  default: ParamValue;
  min?: number;
  max?: number;
  /** Allowed values of an enum. */
  options?: readonly string[];
  /** The UI should use a logarithmic slider. */
  log?: boolean;
  step?: number;
  /** A number parameter that also accepts the string 'auto' (imbalanced-learn's data-driven default). */
  allowAuto?: boolean;
  citation?: string;
}

/**
 * Checks one value against its spec and returns it normalised (numbers from strings, as the URL
 * and CLI deliver them). Throws ConfigError naming the field and the allowed range.
 */
export function validateParam(spec: ParamSpec, raw: unknown, path: string): ParamValue {
  if (raw === undefined) return spec.default;
  switch (spec.kind) {
    case 'int':
    case 'float': {
      if (spec.allowAuto && raw === 'auto') return 'auto';
      const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      const range = `between ${spec.min} and ${spec.max}${spec.allowAuto ? ", or 'auto'" : ''}`;
      const what = spec.kind === 'int' ? 'an integer' : 'a number';
      if (typeof v !== 'number' || !Number.isFinite(v) || (spec.kind === 'int' && !Number.isInteger(v))) {
        throw new ConfigError(`${path} must be ${what} ${range}. Got ${got(raw)} instead.`, path);
      }
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
        throw new ConfigError(`${path} must be ${what} ${range}. Got ${got(raw)} instead.`, path);
      }
      return v;
    }
    case 'enum': {
      if (typeof raw !== 'string' || !spec.options?.includes(raw)) {
        const opts = (spec.options ?? []).map((o) => `'${o}'`).join(', ');
        throw new ConfigError(`${path} must be one of ${opts}. Got ${got(raw)} instead.`, path);
      }
      return raw;
    }
    case 'matrix': {
      if (spec.allowAuto && raw === 'auto') return 'auto';
      return formatMatrix(parseMatrix(raw, path));
    }
    case 'bool': {
      if (raw === true || raw === 'true' || raw === '1' || raw === 1) return true;
      if (raw === false || raw === 'false' || raw === '0' || raw === 0) return false;
      throw new ConfigError(`${path} must be true or false. Got ${got(raw)} instead.`, path);
    }
  }
}

/**
 * A square matrix of finite numbers ≥ 0 (at least 2 × 2) from 'a,b;c,d' text or a nested array.
 * @throws ConfigError naming the row and the value.
 */
export function parseMatrix(raw: unknown, path = 'matrix'): number[][] {
  const rows: unknown[][] | null = Array.isArray(raw)
    ? raw.map((r) => (Array.isArray(r) ? r : [r]))
    : typeof raw === 'string'
      ? raw.split(';').map((r) => r.split(',').map((v) => (v.trim() === '' ? NaN : Number(v.trim()))))
      : null;
  const format = `a square matrix of costs ≥ 0, rows separated by ';' and entries by ',' (e.g. '0,1;5,0')`;
  if (!rows) throw new ConfigError(`${path} must be ${format}. Got ${got(raw)} instead.`, path);
  const n = rows.length;
  if (n < 2) throw new ConfigError(`${path} must be ${format}, with at least 2 rows. Got ${got(raw)} instead.`, path);
  rows.forEach((r, i) => {
    if (r.length !== n) throw new ConfigError(`${path} must be ${format}: row ${i + 1} has ${r.length} entries but there are ${n} rows. Got ${got(raw)} instead.`, path);
    r.forEach((v) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new ConfigError(`${path} must be ${format}: row ${i + 1} holds ${got(v)}, and costs cannot be negative or missing. Got ${got(raw)} instead.`, path);
      }
    });
  });
  return rows as number[][];
}

export const formatMatrix = (m: number[][]): string => m.map((r) => r.join(',')).join(';');

/**
 * Validates a whole parameter object: fills defaults, rejects unknown names (a typo must not be
 * silently ignored) and out-of-range values.
 */
export function validateParams(
  specs: readonly ParamSpec[],
  raw: unknown,
  path: string,
): Record<string, ParamValue> {
  const input = raw ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new ConfigError(`${path} must be an object of parameters. Got ${got(raw)} instead.`, path);
  }
  const known = new Set(specs.map((s) => s.name));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      const names = specs.map((s) => s.name).join(', ') || '(none)';
      throw new ConfigError(`${path} has no parameter '${key}'. Known parameters: ${names}. Got '${key}' instead.`, `${path}.${key}`);
    }
  }
  const out: Record<string, ParamValue> = {};
  for (const spec of specs) out[spec.name] = validateParam(spec, (input as Record<string, unknown>)[spec.name], `${path}.${spec.name}`);
  return out;
}

/** Default values of a spec list as an object. */
export function defaultParams(specs: readonly ParamSpec[]): Record<string, ParamValue> {
  return Object.fromEntries(specs.map((s) => [s.name, s.default]));
}
