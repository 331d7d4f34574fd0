/**
 * `imbalance-lab resample --method <id> --input data.csv --out out.csv [method flags]`: runs one
 * registry resampler on a CSV and writes the resampled CSV (input columns + `origin`).
 */
import { ConfigError } from '../core/errors';
import type { ParamSpec } from '../core/params';
import { validateParam } from '../core/params';
import { createRng } from '../core/random';
import { resamplers } from '../core/resampling/registry';
import type { Resampler } from '../core/resampling/types';
import { countClasses } from '../core/types';
import { readCsvFile, writeCsvFile } from './csv';
import { asTyped, CATEGORICAL_PARAM, categoricalMode, COMMON_FLAGS, formatMethodsHelp, parseMethodFlags, takesCategorical } from './methodFlags';
import type { Registry, RegistryEntry } from './methodFlags';

const SEED_SPEC: ParamSpec = { name: 'seed', kind: 'int', label: 'seed', help: 'random seed', default: 0, min: 0, max: 4294967295 };

export const RESAMPLE_USAGE = `Usage:
  imbalance-lab resample --method <id> --input data.csv --out out.csv [--label label] [--seed 0]
                         [--categorical col1,col2] [method flags, e.g. --k-neighbors 5 --sampling-strategy auto]

${COMMON_FLAGS.map((f) => `  --${`${f.flag} ${f.value}`.padEnd(24)} ${f.help}`).join('\n')}

--sampling-strategy takes imbalanced-learn's names, a ratio (binary data, e.g. 0.5) or JSON counts
per class name, e.g. '{"positive": 400}'. Exit codes: 0 done, 2 bad usage or data.`;

/** The full `resample --help` text: usage plus every registry method with its flags and citation. */
export function resampleHelp(registry: Registry = resamplers): string {
  return `${RESAMPLE_USAGE}\n\n${formatMethodsHelp(registry)}`;
}

function requireString(flags: Record<string, string | true>, name: string, what: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || v.trim() === '') throw new ConfigError(`resample needs --${name} <${what}>. Got ${v === true ? 'no value' : 'nothing'} instead.`, name);
  return v;
}

/** Refuses categorical columns for a method that would treat them as numbers, pointing to one that does not. */
function assertCategoricalSupport(entry: RegistryEntry, columns: readonly string[], registry: Registry): void {
  const mode = categoricalMode(entry);
  if (mode === 'indices' && columns.length === 0) {
    throw new ConfigError(
      `Method '${entry.id}' needs the categorical feature columns: --categorical col1,col2 (the other columns must be numeric). Got no --categorical instead.`,
      'categorical',
    );
  }
  if (columns.length === 0 || mode !== 'none') return;
  const alternatives = Object.values(registry).filter(takesCategorical);
  const advice =
    alternatives.length > 0
      ? `Use ${alternatives.map((e) => `--method ${e.id} (${e.label})`).join(' or ')}, or drop --categorical.`
      : 'No method in this build handles categorical features yet: encode them as numbers (e.g. one-hot) and drop --categorical.';
  throw new ConfigError(
    `Method '${entry.id}' treats every feature as a number and cannot take categorical columns. ${advice} Got --categorical ${columns.join(',')} instead.`,
    'categorical',
  );
}

/**
 * Runs the command. `registry` is injectable for tests; the default is the app's registry.
 * @returns the exit code (0). Usage, config and data problems throw ConfigError / DataError (exit 2).
 */
export function resampleCommand(flags: Record<string, string | true>, out: (s: string) => void, registry: Registry = resamplers): number {
  if (flags.help !== undefined) {
    out(resampleHelp(registry));
    return 0;
  }
  const ids = Object.keys(registry);
  const methodId = requireString(flags, 'method', 'id');
  const entry = registry[methodId];
  if (!entry || !Object.hasOwn(registry, methodId)) throw new ConfigError(`Unknown method '${methodId}'. Methods: ${ids.join(', ')}. Got '${methodId}' instead.`, 'method');
  const input = requireString(flags, 'input', 'file.csv');
  const outPath = requireString(flags, 'out', 'file.csv');
  const label = flags.label === undefined ? 'label' : requireString(flags, 'label', 'column');
  const seed = validateParam(SEED_SPEC, flags.seed === undefined ? undefined : asTyped(SEED_SPEC, flags.seed === true ? '' : flags.seed), 'seed') as number;
  const categorical =
    flags.categorical === undefined
      ? []
      : requireString(flags, 'categorical', 'col1,col2')
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== '');

  const own: Record<string, string | true> = {};
  const common = new Set(COMMON_FLAGS.map((f) => f.flag));
  for (const [k, v] of Object.entries(flags)) if (!common.has(k)) own[k] = v;
  const options: Record<string, unknown> = parseMethodFlags(entry, own);
  assertCategoricalSupport(entry, categorical, registry);

  const ds = readCsvFile(input, { label, categorical });
  options.classNames = ds.classNames;
  if (categoricalMode(entry) === 'indices') options[CATEGORICAL_PARAM] = ds.categoricalFeatures;

  const t0 = performance.now();
  const resample = entry.resample as unknown as Resampler<Record<string, unknown>>;
  const result = resample(ds.X, ds.y, options, createRng(seed));
  const ms = performance.now() - t0;
  writeCsvFile(outPath, ds, result);

  const nClasses = ds.classNames.length;
  const counts = (y: Int32Array) => countClasses(y, nClasses).map((n, c) => `${ds.classNames[c]} ${n}`).join(', ');
  let synthetic = 0;
  for (let i = 0; i < result.origin.length; i++) if (result.origin[i] < 0) synthetic++;
  out(
    `${entry.id}: ${counts(ds.y)} → ${counts(result.y)} (${ds.X.rows} → ${result.X.rows} rows, ${synthetic} synthetic) in ${ms.toFixed(1)} ms; written to ${outPath}`,
  );
  return 0;
}
