/**
 * Random over-sampling, optionally with a smoothed bootstrap (ROSE).
 */
import { ConfigError, got } from '../errors';
import { sampleWithReplacement } from '../data/indices';
import type { ParamSpec } from '../params';
import type { Matrix } from '../types';
import { allocateResult, copyAllRows, copyRow, defineResampler } from './defineResampler';
import type { BaseResamplerOptions, ResampleContext } from './defineResampler';
import { classIndexOf } from './samplingStrategy';
import { samplingStrategyParam } from './strategyParam';

export interface RandomOverOptions extends BaseResamplerOptions {
  /**
   * Smoothed-bootstrap shrinkage factor s >= 0, one for all classes or one per over-sampled class
   * (keys: class index or name). Absent or 0: plain bootstrap (exact copies).
   */
  shrinkage?: number | Readonly<Record<number | string, number>>;
}

export const RANDOM_OVER_CITATION =
  'imbalanced-learn RandomOverSampler (Lemaître et al. 2017); smoothed bootstrap: Menardi & Torelli 2014, Training and assessing classification rules with imbalanced data, Data Mining and Knowledge Discovery 28';

export const randomOverParams: readonly ParamSpec[] = [
  samplingStrategyParam('over-sampling'),
  {
    name: 'shrinkage',
    kind: 'float',
    label: 'shrinkage',
    help: 'Smoothed bootstrap (ROSE): 0 duplicates rows exactly; s > 0 adds Gaussian jitter with per-feature standard deviation s · h · σ_class, h = (4 / ((d + 2) n))^(1 / (d + 4)).',
    default: 0,
    min: 0,
    max: 10,
    step: 0.1,
    citation: 'Menardi & Torelli 2014, Data Mining and Knowledge Discovery 28',
  },
];

/**
 * Random over-sampling (imbalanced-learn `RandomOverSampler`). The output is the input rows
 * followed, class by class (ascending), by `targets[c]` rows of class c drawn uniformly with
 * replacement from the class (bootstrap).
 *
 * With shrinkage s_c > 0 each drawn row a becomes synthetic (smoothed bootstrap, ROSE):
 *   x_new = x_a + s_c · h · σ_c ⊙ z,   z ~ N(0, I_d),   h = (4 / ((d + 2) · n))^(1 / (d + 4)),
 * where σ_c is the per-feature population standard deviation of class c and n the number of input
 * rows (imbalanced-learn uses the whole n here, not the class size); origin = −1, parents = (a, −1).
 *
 * Options: samplingStrategy (over-sampling semantics), shrinkage (number or per-class object, >= 0).
 * @throws ConfigError when shrinkage is negative, or an object that lacks a class being over-sampled.
 * @throws DataError / ConfigError from the template (one class, NaN, invalid samplingStrategy, …).
 * @see Menardi & Torelli 2014, Training and assessing classification rules with imbalanced data
 */
export const randomOverSampler = defineResampler<RandomOverOptions>({
  id: 'random-over',
  samplerType: 'over-sampling',
  params: randomOverParams,
  body(X, y, options, ctx, rng) {
    const shrink = shrinkageByClass(options, ctx);
    let total = X.rows;
    for (const n of ctx.targets.values()) total += n;
    const out = allocateResult(X, total);
    copyAllRows(X, y, out);
    const d = X.cols;
    const h = Math.pow(4 / ((d + 2) * X.rows), 1 / (d + 4));
    let row = X.rows;
    for (const [c, num] of ctx.targets) {
      const drawn = sampleWithReplacement(ctx.classRows[c], num, rng);
      const s = shrink.get(c) ?? 0;
      if (s === 0) {
        for (let t = 0; t < num; t++) copyRow(X, y, drawn[t], out, row++);
        continue;
      }
      const sd = classStd(X, ctx.classRows[c]);
      for (let t = 0; t < num; t++, row++) {
        const a = drawn[t];
        for (let j = 0; j < d; j++) out.X.data[row * d + j] = X.data[a * d + j] + s * h * sd[j] * rng.normal();
        out.y[row] = c;
        out.parents[2 * row] = a;
      }
    }
    return out;
  },
});

/** Resolves the shrinkage option to a factor per over-sampled class. */
function shrinkageByClass(options: RandomOverOptions, ctx: ResampleContext): Map<number, number> {
  const out = new Map<number, number>();
  const raw = options.shrinkage;
  if (raw === undefined || typeof raw === 'number') {
    for (const c of ctx.targets.keys()) out.set(c, raw ?? 0);
    return out;
  }
  for (const [key, value] of Object.entries(raw)) {
    const c = classIndexOf(key, ctx.nClasses, options.classNames);
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
      throw new ConfigError(`The shrinkage factor needs to be >= 0. Got ${got(value)} for class '${key}' instead.`, 'shrinkage');
    }
    if (c >= 0) out.set(c, value);
  }
  const missing = [...ctx.targets.keys()].filter((c) => !out.has(c));
  if (missing.length > 0) {
    throw new ConfigError(
      `shrinkage should contain a shrinkage factor for each class that will be resampled; missing ${missing.map((c) => ctx.className(c)).join(', ')}. Got ${got(raw)} instead.`,
      'shrinkage',
    );
  }
  return out;
}

/** Per-feature population standard deviation (ddof = 0) of the given rows. */
function classStd(X: Matrix, rows: Int32Array): Float64Array {
  const d = X.cols;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (const i of rows) for (let j = 0; j < d; j++) mean[j] += X.data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= rows.length;
  for (const i of rows) {
    for (let j = 0; j < d; j++) {
      const e = X.data[i * d + j] - mean[j];
      sd[j] += e * e;
    }
  }
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j] / rows.length);
  return sd;
}
