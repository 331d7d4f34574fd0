/**
 * Registry parameters as CLI flags (house rule 4: the registry's ParamSpecs are the only source).
 * camelCase parameter → kebab-case flag (`kNeighbors` → `--k-neighbors`), values checked with
 * `validateParam`; `--sampling-strategy` also takes imbalanced-learn's ratio and JSON forms.
 */
import { ConfigError, got } from '../core/errors';
import type { ParamSpec, ParamValue } from '../core/params';
import { validateParam } from '../core/params';
import type { ResamplerEntry } from '../core/resampling/registry';
import type { SamplingStrategy } from '../core/resampling/samplingStrategy';

export type RegistryEntry = ResamplerEntry<never>;
export type Registry = Readonly<Record<string, RegistryEntry>>;

/** Flags every `resample` call understands, whatever the method. */
export const COMMON_FLAGS: readonly { flag: string; value: string; help: string }[] = [
  { flag: 'method', value: '<id>', help: 'resampling method (see the list below)' },
  { flag: 'input', value: '<file.csv>', help: 'input CSV with a header row' },
  { flag: 'label', value: '<column>', help: "label column (default 'label')" },
  { flag: 'out', value: '<file.csv>', help: 'output CSV: the input columns plus origin (input row, -1 = synthetic)' },
  { flag: 'seed', value: '<int>', help: 'random seed (default 0)' },
  { flag: 'categorical', value: '<col,…>', help: 'categorical feature columns (text values, mapped to codes and back)' },
  { flag: 'help', value: '', help: 'this text' },
];

/** The parameter name a method uses for categorical column indices (imbalanced-learn categorical_features). */
export const CATEGORICAL_PARAM = 'categoricalFeatures';

/** `kNeighbors` → `k-neighbors`. */
export function toFlag(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The flags a method takes from its registry params (without the leading `--`), by flag. */
export function methodFlags(entry: RegistryEntry): Map<string, ParamSpec> {
  return new Map(entry.params.filter((p) => p.name !== CATEGORICAL_PARAM).map((p) => [toFlag(p.name), p]));
}

/**
 * Methods that take `categoricalFeatures` (column indices) as an object-valued option outside their
 * ParamSpecs (a list of indices has no ParamSpec kind), and so require `--categorical`.
 */
const INDEX_CATEGORICAL = new Set(['smote-nc']);
/** Methods that treat every feature as categorical (codes): `--categorical` only maps text to codes. */
const ALL_CATEGORICAL = new Set(['smoten']);

/**
 * How a method handles categorical columns: 'indices' = it takes `categoricalFeatures` (and needs
 * it), 'all' = every feature is categorical, 'none' = every feature is a number.
 */
export function categoricalMode(entry: RegistryEntry): 'indices' | 'all' | 'none' {
  if (INDEX_CATEGORICAL.has(entry.id) || entry.params.some((p) => p.name === CATEGORICAL_PARAM)) return 'indices';
  return ALL_CATEGORICAL.has(entry.id) ? 'all' : 'none';
}

/** Whether the method accepts categorical columns. */
export function takesCategorical(entry: RegistryEntry): boolean {
  return categoricalMode(entry) !== 'none';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** `--sampling-strategy`: a name (checked against the spec), a ratio, or JSON (object of counts, list of classes). */
export function parseSamplingStrategy(spec: ParamSpec, raw: string): SamplingStrategy {
  const s = raw.trim();
  if (NUMBER.test(s)) return Number(s);
  if (s.startsWith('{') || s.startsWith('[')) {
    let v: unknown;
    try {
      v = JSON.parse(s);
    } catch (e) {
      throw new ConfigError(
        `samplingStrategy as JSON must parse, e.g. '{"minority": 100}' (${e instanceof Error ? e.message : String(e)}). Got ${got(raw)} instead.`,
        'samplingStrategy',
      );
    }
    return v as SamplingStrategy;
  }
  return validateParam(spec, s, 'samplingStrategy') as SamplingStrategy;
}

/**
 * Turns the method's flags into resampler options. `flags` holds only the method's own flags (the
 * common ones removed).
 *
 * @throws ConfigError for an unknown flag (listing the method's flags), a flag without a value, or
 *   a value outside its spec ("kNeighbors must be an integer between 1 and 50. Got 0 instead.").
 */
export function parseMethodFlags(entry: RegistryEntry, flags: Record<string, string | true>): Record<string, ParamValue | SamplingStrategy> {
  const specs = methodFlags(entry);
  const options: Record<string, ParamValue | SamplingStrategy> = {};
  for (const [flag, raw] of Object.entries(flags)) {
    const spec = specs.get(flag);
    if (!spec) {
      const known = [...COMMON_FLAGS.map((f) => f.flag), ...specs.keys()].map((f) => `--${f}`).join(', ');
      throw new ConfigError(`Method '${entry.id}' has no flag --${flag}. Its flags: ${known}. Got '--${flag}' instead.`, flag);
    }
    if (raw === true && spec.kind !== 'bool') {
      throw new ConfigError(`--${flag} needs a value (${describeKind(spec)}). Got no value instead.`, spec.name);
    }
    if (spec.name === 'samplingStrategy' && typeof raw === 'string') options[spec.name] = parseSamplingStrategy(spec, raw);
    else options[spec.name] = validateParam(spec, asTyped(spec, raw), spec.name);
  }
  return options;
}

/** A numeric flag that reads as a number is passed as one, so messages say "Got 0 instead." (not '0'). */
export function asTyped(spec: ParamSpec, raw: string | true): unknown {
  if ((spec.kind === 'int' || spec.kind === 'float') && typeof raw === 'string' && NUMBER.test(raw.trim())) return Number(raw.trim());
  return raw;
}

function describeKind(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int':
      return `an integer between ${spec.min} and ${spec.max}`;
    case 'float':
      return `a number between ${spec.min} and ${spec.max}`;
    case 'enum':
      return `one of ${(spec.options ?? []).join(', ')}`;
    case 'bool':
      return 'true or false';
    case 'matrix':
      return "a square matrix 'c00,c01;c10,c11' of non-negative costs";
  }
}

/** One help line per parameter: flag, type, default, range. */
function paramLine(spec: ParamSpec, width: number): string {
  const flag = `--${toFlag(spec.name)}`.padEnd(width);
  let range = '';
  if (spec.kind === 'int' || spec.kind === 'float') range = `  range [${spec.min ?? '-∞'}, ${spec.max ?? '∞'}]`;
  if (spec.kind === 'enum') range = `  one of ${(spec.options ?? []).map((o) => `'${o}'`).join(', ')}`;
  if (spec.name === 'samplingStrategy') range += `, a ratio in (0, 1] or JSON counts '{"class": n}'`;
  return `      ${flag}  ${spec.kind.padEnd(5)}  default ${typeof spec.default === 'string' ? `'${spec.default}'` : String(spec.default)}${range}`;
}

/** The method list of `resample --help`, generated from the registry so new methods appear by themselves. */
export function formatMethodsHelp(registry: Registry): string {
  const lines: string[] = ['Methods (--method <id>) and their flags:'];
  for (const entry of Object.values(registry)) {
    lines.push('', `  ${entry.id}  —  ${entry.label} (${entry.samplerType})`);
    const params = entry.params.filter((p) => p.name !== CATEGORICAL_PARAM);
    const width = Math.max(0, ...params.map((p) => toFlag(p.name).length + 2));
    for (const spec of params) lines.push(paramLine(spec, width));
    const mode = categoricalMode(entry);
    if (mode === 'indices') lines.push(`      --categorical  required: the categorical columns (passed as ${CATEGORICAL_PARAM}); the others must be numeric`);
    if (mode === 'all') lines.push('      --categorical  every column is treated as categorical; list the text columns to map them to codes');
    if (params.length === 0) lines.push('      (no parameters)');
    lines.push(`      Citation: ${entry.citation}`);
  }
  return lines.join('\n');
}
