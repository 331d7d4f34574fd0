/**
 * `samplingStrategy` with exactly the meaning of imbalanced-learn's `sampling_strategy`
 * (`imblearn.utils.check_sampling_strategy`, version 0.10), so a user can move between this app and
 * Python without surprises.
 */
import { ConfigError, DataError, got } from '../errors';

export type SamplerType = 'over-sampling' | 'under-sampling' | 'clean-sampling';

export type SamplingStrategyName = 'auto' | 'majority' | 'minority' | 'not minority' | 'not majority' | 'all';

/**
 * - a name (see `resolveSamplingStrategy`);
 * - a number: a ratio in (0, 1], binary targets only;
 * - an object {class: count} (keys are class indices, or class names when names are given);
 * - a list of classes (cleaning methods only).
 */
export type SamplingStrategy =
  | SamplingStrategyName
  | number
  | Readonly<Record<number | string, number>>
  | readonly (number | string)[];

export const SAMPLING_STRATEGY_NAMES: readonly SamplingStrategyName[] = ['auto', 'majority', 'minority', 'not minority', 'not majority', 'all'];

const FIELD = 'samplingStrategy';

/**
 * Resolves a sampling strategy against the class counts of the data to resample.
 *
 * The result maps each targeted class (ascending) to
 * - over-sampling: the number of samples to **generate**;
 * - under-sampling: the number of samples to **keep**;
 * - clean-sampling: the number of samples of the smallest class (imbalanced-learn's convention;
 *   cleaning methods only use the keys, i.e. which classes they may clean).
 *
 * With N_c the size of class c, N_max / N_min the largest / smallest, "majority" / "minority" the
 * lowest-indexed class of that size, and only classes present in the data (N_c > 0) considered:
 *
 * | strategy        | over-sampling                      | under- / clean-sampling          |
 * |-----------------|------------------------------------|----------------------------------|
 * | 'minority'      | {minority: N_max − N_c}            | error                            |
 * | 'majority'      | error                              | {majority: N_min}                |
 * | 'not minority'  | {c ≠ minority: N_max − N_c}        | {c ≠ minority: N_min}            |
 * | 'not majority'  | {c ≠ majority: N_max − N_c}        | {c ≠ majority: N_min}            |
 * | 'all'           | {c: N_max − N_c}                   | {c: N_min}                       |
 * | 'auto'          | = 'not majority'                   | = 'not minority'                 |
 * | ratio α (binary)| {minority: ⌊α·N_max − N_c⌋}, must be > 0 | {majority: ⌊N_min / α⌋}, must be <= N_c; clean: error |
 * | {c: n}          | {c: n − N_c}, requires n >= N_c    | {c: n}, requires n <= N_c; clean: error |
 * | [c, …]          | error                              | clean only: {c: N_min}           |
 *
 * ⌊·⌋ truncates toward zero like Python's `int()`.
 *
 * @param counts N_c for every class index (0 = absent).
 * @param classNames used to name classes in messages and accepted as keys of an object / list strategy.
 * @throws DataError when fewer than two classes are present.
 * @throws ConfigError (field 'samplingStrategy') for every invalid strategy, with imbalanced-learn's
 *   reason and "Got X instead.".
 * @see Lemaître, Nogueira & Aridas 2017, Imbalanced-learn: A Python Toolbox to Tackle the Curse of
 *   Imbalanced Datasets in Machine Learning, JMLR 18(17)
 */
export function resolveSamplingStrategy(
  strategy: SamplingStrategy,
  counts: readonly number[],
  samplerType: SamplerType,
  classNames?: readonly string[],
): Map<number, number> {
  const present: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0) present.push(c);
  if (present.length <= 1) {
    throw new DataError(`The target 'y' needs to have more than 1 class. Got ${present.length} class instead.`);
  }
  const ctx = new Ctx(counts, present, classNames);
  let out: Map<number, number>;
  if (typeof strategy === 'string') out = byName(strategy, samplerType, ctx);
  else if (typeof strategy === 'number') out = byRatio(strategy, samplerType, ctx);
  else if (Array.isArray(strategy)) out = byList(strategy as readonly (number | string)[], samplerType, ctx);
  else if (typeof strategy === 'object' && strategy !== null) out = byCounts(strategy as Readonly<Record<string, number>>, samplerType, ctx);
  else {
    throw new ConfigError(`samplingStrategy must be a name, a ratio, an object of per-class counts or a list of classes. Got ${got(strategy)} instead.`, FIELD);
  }
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/** Statistics of the present classes, with imbalanced-learn's tie rule (first class wins). */
class Ctx {
  readonly nMax: number;
  readonly nMin: number;
  readonly majority: number;
  readonly minority: number;
  constructor(
    readonly counts: readonly number[],
    readonly present: readonly number[],
    readonly classNames?: readonly string[],
  ) {
    let majority = present[0];
    let minority = present[0];
    for (const c of present) {
      if (counts[c] > counts[majority]) majority = c;
      if (counts[c] < counts[minority]) minority = c;
    }
    this.majority = majority;
    this.minority = minority;
    this.nMax = counts[majority];
    this.nMin = counts[minority];
  }
  name(c: number): string {
    return `'${this.classNames?.[c] ?? c}'`;
  }
  /** Class index of an object key / list entry, or -1 when it names no present class. */
  classOf(key: number | string): number {
    const c = classIndexOf(key, this.counts.length, this.classNames);
    return c >= 0 && this.counts[c] > 0 ? c : -1;
  }
}

/**
 * The class an object key or list entry refers to: a class index (number or digit string), or a
 * class name when `classNames` is given (names win over digit strings). -1 when it is neither.
 */
export function classIndexOf(key: number | string, nClasses: number, classNames?: readonly string[]): number {
  let c = -1;
  if (typeof key === 'number') c = key;
  else if (classNames?.includes(key)) c = classNames.indexOf(key);
  else if (/^\d+$/.test(key.trim())) c = Number(key);
  return Number.isInteger(c) && c >= 0 && c < nClasses ? c : -1;
}

function byName(name: string, type: SamplerType, ctx: Ctx): Map<number, number> {
  if (!(SAMPLING_STRATEGY_NAMES as readonly string[]).includes(name)) {
    const names = SAMPLING_STRATEGY_NAMES.map((s) => `'${s}'`).join(', ');
    throw new ConfigError(`When samplingStrategy is a string, it needs to be one of ${names}. Got ${got(name)} instead.`, FIELD);
  }
  const over = type === 'over-sampling';
  if (name === 'minority' && !over) {
    throw new ConfigError(
      `samplingStrategy='minority' cannot be used with under-sampler and clean-sampler. Use 'not minority', 'majority' or 'all'. Got 'minority' instead.`,
      FIELD,
    );
  }
  if (name === 'majority' && over) {
    throw new ConfigError(`samplingStrategy='majority' cannot be used with over-sampler. Use 'minority', 'not majority' or 'all'. Got 'majority' instead.`, FIELD);
  }
  const effective = name === 'auto' ? (over ? 'not majority' : 'not minority') : name;
  const targeted = ctx.present.filter((c) => {
    switch (effective) {
      case 'minority':
        return c === ctx.minority;
      case 'majority':
        return c === ctx.majority;
      case 'not minority':
        return c !== ctx.minority;
      case 'not majority':
        return c !== ctx.majority;
      default:
        return true; // 'all'
    }
  });
  return new Map(targeted.map((c) => [c, over ? ctx.nMax - ctx.counts[c] : ctx.nMin]));
}

function byRatio(ratio: number, type: SamplerType, ctx: Ctx): Map<number, number> {
  if (!(ratio > 0 && ratio <= 1)) {
    throw new ConfigError(`When samplingStrategy is a number, it should be in the range (0, 1]. Got ${got(ratio)} instead.`, FIELD);
  }
  if (ctx.present.length !== 2) {
    throw new ConfigError(
      `samplingStrategy can be a number only when the target is binary; for multi-class data, use an object of per-class counts. Got ${ctx.present.length} classes instead.`,
      FIELD,
    );
  }
  if (type === 'over-sampling') {
    const out = new Map<number, number>();
    for (const c of ctx.present) if (c !== ctx.majority) out.set(c, Math.trunc(ctx.nMax * ratio - ctx.counts[c]));
    for (const [c, n] of out) {
      if (n <= 0) {
        throw new ConfigError(
          `The specified ratio required to remove samples from the minority class while trying to generate new samples: ${ctx.name(c)} already has ${ctx.counts[c]} samples, ratio × majority = ${ctx.nMax * ratio}. Please increase the ratio. Got ${got(ratio)} instead.`,
          FIELD,
        );
      }
    }
    return out;
  }
  if (type === 'under-sampling') {
    const out = new Map<number, number>();
    for (const c of ctx.present) if (c !== ctx.minority) out.set(c, Math.trunc(ctx.nMin / ratio));
    for (const [c, n] of out) {
      if (n > ctx.counts[c]) {
        throw new ConfigError(
          `The specified ratio required to generate new samples in the majority class while trying to remove samples: ${ctx.name(c)} has ${ctx.counts[c]} samples, minority / ratio = ${n}. Please increase the ratio. Got ${got(ratio)} instead.`,
          FIELD,
        );
      }
    }
    return out;
  }
  throw new ConfigError(`'clean-sampling' methods do not let the user specify the sampling ratio. Got ${got(ratio)} instead.`, FIELD);
}

function byCounts(spec: Readonly<Record<string, number>>, type: SamplerType, ctx: Ctx): Map<number, number> {
  const entries = Object.entries(spec);
  const missing = entries.filter(([key]) => ctx.classOf(key) < 0).map(([key]) => `'${key}'`);
  if (missing.length > 0) {
    throw new ConfigError(`The ${missing.join(', ')} target class is/are not present in the data. Got ${got(spec)} instead.`, FIELD);
  }
  if (entries.some(([, n]) => typeof n !== 'number' || !Number.isInteger(n) || n < 0)) {
    throw new ConfigError(
      `The number of samples in a class cannot be negative (and must be a whole number): samplingStrategy contains an invalid value. Got ${got(spec)} instead.`,
      FIELD,
    );
  }
  if (type === 'clean-sampling') {
    throw new ConfigError(
      `samplingStrategy as an object of counts is not supported for cleaning methods. Please give a list of the classes to be targeted by the sampling. Got ${got(spec)} instead.`,
      FIELD,
    );
  }
  const out = new Map<number, number>();
  for (const [key, n] of entries) {
    const c = ctx.classOf(key);
    const have = ctx.counts[c];
    if (type === 'over-sampling') {
      if (n < have) {
        throw new ConfigError(
          `With over-sampling methods, the number of samples in a class should be greater or equal to the original number of samples. Originally, there are ${have} samples in class ${ctx.name(c)} and ${n} samples are asked. Got ${n} instead.`,
          FIELD,
        );
      }
      out.set(c, n - have);
    } else {
      if (n > have) {
        throw new ConfigError(
          `With under-sampling methods, the number of samples in a class should be less or equal to the original number of samples. Originally, there are ${have} samples in class ${ctx.name(c)} and ${n} samples are asked. Got ${n} instead.`,
          FIELD,
        );
      }
      out.set(c, n);
    }
  }
  return out;
}

function byList(list: readonly (number | string)[], type: SamplerType, ctx: Ctx): Map<number, number> {
  if (type !== 'clean-sampling') {
    throw new ConfigError(`samplingStrategy cannot be a list for samplers which are not cleaning methods. Got ${got(list)} instead.`, FIELD);
  }
  const missing = list.filter((key) => ctx.classOf(key) < 0).map((key) => `'${key}'`);
  if (missing.length > 0) {
    throw new ConfigError(`The ${missing.join(', ')} target class is/are not present in the data. Got ${got(list)} instead.`, FIELD);
  }
  return new Map(list.map((key) => [ctx.classOf(key), ctx.nMin]));
}
