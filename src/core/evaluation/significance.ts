/**
 * Significance tests for comparing two methods on the same splits (seeds, folds), plus the
 * special functions they need. Pure and deterministic: no DOM, no randomness.
 *
 *   wilcoxonSignedRank      paired Wilcoxon signed-rank test (matches SciPy, see its doc comment)
 *   correctedResampledTTest Nadeau & Bengio's t-test for scores from overlapping training sets
 *   pairedComparison        both of the above for "method vs baseline", and whether it is significant
 *
 * The distributions behind the p-values (Student's t, the incomplete beta function, the normal)
 * are in distributions.ts.
 */
import { ConfigError, DataError, got } from '../errors';
import { normalCdf, studentTUpperTail } from './distributions';

export { normalCdf, regularizedIncompleteBeta, studentTCdf } from './distributions';

export type Alternative = 'two-sided' | 'greater' | 'less';

export interface WilcoxonResult {
  /** min(W+, W−) for the two-sided test, W+ (sum of the ranks of the positive differences) for one-sided ones. */
  statistic: number;
  pValue: number;
  /** Number of non-zero differences the test used. */
  n: number;
  /** Which null distribution gave the p-value. */
  method: 'exact' | 'normal';
}

export interface CorrectedTTestResult {
  t: number;
  /** Two-sided. */
  pValue: number;
  df: number;
}

/** Largest n for which the exact null distribution is used (SciPy's rule). */
const EXACT_MAX_N = 50;

const ALTERNATIVES: readonly Alternative[] = ['two-sided', 'greater', 'less'];

// ─── Wilcoxon signed-rank test ───────────────────────────────────────────────────────────────

/**
 * Paired Wilcoxon signed-rank test of d = a − b (Wilcoxon 1945, "Individual comparisons by
 * ranking methods", Biometrics Bulletin 1(6)).
 *
 * Zero differences are dropped (Wilcoxon's zero method), the n remaining |d| are ranked with
 * average ranks for ties, and
 *
 *   W+ = Σ rank(|dᵢ|) over dᵢ > 0,   W− = n(n+1)/2 − W+.
 *
 * statistic = min(W+, W−) for 'two-sided', W+ for 'greater' (a tends to be larger) and 'less'.
 *
 * Null distribution:
 * - exact when n ≤ 50 and there are no zero and no tied differences: each of the 2ⁿ sign patterns
 *   is equally likely, counted by dynamic programming over W+. Two-sided p = min(1, 2·min(P(W+ ≤ w),
 *   P(W+ ≥ w))), and p = 1 when w is the centre ⌊n(n+1)/4⌋;
 * - otherwise normal: z = (statistic − n(n+1)/4) / σ, σ² = [n(n+1)(2n+1) − ½ Σ t(t² − 1)] / 24
 *   with t the size of each group of tied |d| (no continuity correction). Two-sided p = 2·Φ(−|z|).
 *
 * This reproduces SciPy 1.10 `scipy.stats.wilcoxon(a, b, zero_method='wilcox', correction=False,
 * alternative, mode='auto')` (also for zeros: they force the normal approximation and are then
 * dropped), with one deliberate exception: with tied |d| but no zeros, SciPy 1.10 still uses the
 * no-ties exact distribution at int(W+), which truncates half-integer rank sums so that swapping
 * a and b changes the two-sided p (SciPy gh-19872, fixed since 1.13). Here ties take the normal
 * approximation, as SciPy's `mode='approx'` does, so the test is symmetric in a and b.
 *
 * Throws ConfigError for unequal or empty inputs or non-finite values, and DataError when every
 * difference is zero.
 */
export function wilcoxonSignedRank(a: readonly number[], b: readonly number[], alternative: Alternative = 'two-sided'): WilcoxonResult {
  checkPairs(a, b, 1);
  if (!ALTERNATIVES.includes(alternative)) {
    throw new ConfigError(`alternative must be 'two-sided', 'greater' or 'less'. Got ${got(alternative)} instead.`, 'alternative');
  }
  const differences = pairedDifferences(a, b);
  const nonZero = differences.filter((d) => d !== 0);
  if (nonZero.length === 0) {
    throw new DataError(
      'All paired differences are zero: the two methods scored identically on every split, so there is nothing to test. ' +
        `Got ${differences.length} zero differences instead.`,
    );
  }
  const n = nonZero.length;
  const { ranks, tieGroupSizes } = averageRanks(nonZero.map(Math.abs));
  const rankSumPositive = sumWhere(ranks, nonZero, (d) => d > 0);
  const rankSumNegative = sumWhere(ranks, nonZero, (d) => d < 0);
  const statistic = alternative === 'two-sided' ? Math.min(rankSumPositive, rankSumNegative) : rankSumPositive;

  const hasZeros = n < differences.length;
  const hasTies = tieGroupSizes.length > 0;
  if (n <= EXACT_MAX_N && !hasZeros && !hasTies) {
    return { statistic, pValue: exactSignedRankPValue(rankSumPositive, n, alternative), n, method: 'exact' };
  }
  return { statistic, pValue: normalSignedRankPValue(statistic, n, tieGroupSizes, alternative), n, method: 'normal' };
}

/**
 * Ranks 1..n of the values, tied values sharing the average of their positions (as
 * scipy.stats.rankdata 'average'), and the size of every group of ≥ 2 tied values.
 */
function averageRanks(values: readonly number[]): { ranks: number[]; tieGroupSizes: number[] } {
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Array<number>(values.length);
  const tieGroupSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    // Positions start+1 .. end share their mean rank.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    if (end - start > 1) tieGroupSizes.push(end - start);
    start = end;
  }
  return { ranks, tieGroupSizes };
}

function sumWhere(ranks: readonly number[], differences: readonly number[], keep: (d: number) => boolean): number {
  let sum = 0;
  for (let i = 0; i < ranks.length; i++) if (keep(differences[i])) sum += ranks[i];
  return sum;
}

/**
 * How many of the 2ⁿ sign patterns give each W+ = 0..n(n+1)/2 when the ranks are 1..n.
 * Adding rank k either leaves W+ (k negative) or shifts it by k (k positive). The counts stay
 * below 2⁵⁰ for n ≤ 50, so doubles hold them (and their cumulative sums) exactly.
 */
function signedRankCounts(n: number): Float64Array {
  let counts = new Float64Array([1]);
  for (let k = 1; k <= n; k++) {
    const next = new Float64Array(counts.length + k);
    for (let w = 0; w < counts.length; w++) {
      next[w] += counts[w];
      next[w + k] += counts[w];
    }
    counts = next;
  }
  return counts;
}

/** p-value of W+ = rankSumPositive (an integer: no ties) under the exact null distribution. */
function exactSignedRankPValue(rankSumPositive: number, n: number, alternative: Alternative): number {
  const counts = signedRankCounts(n);
  const w = Math.round(rankSumPositive);
  const patterns = 2 ** n;
  let atMost = 0;
  for (let v = 0; v <= w; v++) atMost += counts[v];
  let atLeast = 0;
  for (let v = w; v < counts.length; v++) atLeast += counts[v];
  const pLess = atMost / patterns;
  const pGreater = atLeast / patterns;
  if (alternative === 'greater') return pGreater;
  if (alternative === 'less') return pLess;
  // SciPy returns exactly 1 at the centre, where 2·min(...) would exceed 1 anyway.
  const centre = Math.floor((counts.length - 1) / 2);
  if (w === centre) return 1;
  return Math.min(1, 2 * Math.min(pLess, pGreater));
}

/** p-value from the normal approximation with the tie-corrected variance, no continuity correction. */
function normalSignedRankPValue(statistic: number, n: number, tieGroupSizes: readonly number[], alternative: Alternative): number {
  const mean = n * (n + 1) * 0.25;
  let variance24 = n * (n + 1) * (2 * n + 1);
  for (const t of tieGroupSizes) variance24 -= 0.5 * t * (t * t - 1);
  const z = (statistic - mean) / Math.sqrt(variance24 / 24);
  if (alternative === 'two-sided') return 2 * normalCdf(-Math.abs(z));
  if (alternative === 'greater') return normalCdf(-z);
  return normalCdf(z);
}

// ─── Corrected resampled t-test ──────────────────────────────────────────────────────────────

/**
 * Corrected resampled t-test (Nadeau & Bengio 2003, "Inference for the generalization error",
 * Machine Learning 52(3)) for k paired scores from repeated hold-out or (repeated) k-fold
 * cross-validation, where the training sets overlap and the plain paired t-test is far too
 * liberal. With d = a − b,
 *
 *   t = mean(d) / sqrt((1/k + n_test/n_train) · s²),   s² = Σ (dᵢ − mean(d))² / (k − 1),
 *
 * df = k − 1 and the two-sided p = 2·P(T_df > |t|). testFraction f = n_test / (n_train + n_test),
 * so n_test/n_train = f / (1 − f); for k-fold cross-validation f = 1/k_folds (Bouckaert & Frank
 * 2004 use the same correction for r × k-fold cross-validation with k·r scores).
 *
 * When all differences are equal, s² = 0: t = 0 and p = 1 if they are all zero, otherwise
 * t = ±Infinity and p = 0.
 *
 * Throws ConfigError for fewer than 2 pairs, unequal lengths, non-finite values, or a
 * testFraction outside (0, 1).
 */
export function correctedResampledTTest(a: readonly number[], b: readonly number[], testFraction: number): CorrectedTTestResult {
  checkPairs(a, b, 2);
  checkTestFraction(testFraction);
  const differences = pairedDifferences(a, b);
  const k = differences.length;
  const df = k - 1;
  const mean = sum(differences) / k;
  const variance = sampleVariance(differences, mean);
  if (variance === 0) {
    if (mean === 0) return { t: 0, pValue: 1, df };
    return { t: mean > 0 ? Infinity : -Infinity, pValue: 0, df };
  }
  const trainTestRatio = testFraction / (1 - testFraction);
  const t = mean / Math.sqrt((1 / k + trainTestRatio) * variance);
  return { t, pValue: Math.min(1, 2 * studentTUpperTail(Math.abs(t), df)), df };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Sample variance (k − 1 denominator); exactly 0 when all values are equal, whatever the rounding of the mean. */
function sampleVariance(values: readonly number[], mean: number): number {
  if (values.every((v) => v === values[0])) return 0;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return squares / (values.length - 1);
}

// ─── Method vs baseline ──────────────────────────────────────────────────────────────────────

export interface ComparisonProtocol {
  /** How the paired scores were produced: one score per seed (hold-out) or per fold and repeat. */
  kind: 'holdout' | 'cross-validation';
  /** n_test / (n_train + n_test) of each split: the hold-out fraction, or 1/k for k-fold cross-validation. */
  testFraction: number;
}

export interface PairedComparison {
  /** Mean of other − baseline over the splits (positive: `other` scored higher). */
  meanDifference: number;
  /** Number of paired scores. */
  n: number;
  /** Two-sided Wilcoxon signed-rank test of other − baseline, or null (see wilcoxonSkipped). */
  wilcoxon: WilcoxonResult | null;
  /** Why the Wilcoxon test was not run; null when it was. */
  wilcoxonSkipped: string | null;
  /** Corrected resampled t-test of other − baseline, or null (see tTestSkipped). */
  tTest: CorrectedTTestResult | null;
  /** Why the t-test was not run; null when it was. */
  tTestSkipped: string | null;
  /** Whether the corrected resampled t-test rejects "no difference" at SIGNIFICANCE_LEVEL. */
  significant: boolean;
}

/** The level at which pairedComparison calls a difference significant. */
export const SIGNIFICANCE_LEVEL = 0.05;

/**
 * Compares one method's per-split scores with the baseline's, split by split (same seed, same
 * fold, so baseline[i] and other[i] must come from the same split), for the UI's "significantly
 * different from the baseline" mark.
 *
 * Both tests are reported on d = other − baseline; `significant` is p < 0.05 by the corrected
 * resampled t-test (Nadeau & Bengio 2003), which is the one that fits both protocols: the splits
 * of repeated hold-out and of cross-validation share training data, so the scores are correlated
 * and the plain paired t-test (and, to a lesser degree, the Wilcoxon test) understate the variance.
 *
 * The Wilcoxon signed-rank test is reported alongside as a distribution-free check, but with few
 * repeats it cannot reject anything: with 3 seeds there are only 2³ = 8 sign patterns, so even
 * when the method wins on every seed the exact two-sided p is 2 · 1/8 = 0.25; it takes n ≥ 6
 * splits to get below 0.05 at all. The t-test is the informative one for few repeats.
 *
 * Tests that cannot run come back as null with the reason: both need 2 or more pairs, and the
 * Wilcoxon test needs at least one non-zero difference (the t-test then gives t = 0, p = 1).
 */
export function pairedComparison(baseline: readonly number[], other: readonly number[], protocol: ComparisonProtocol): PairedComparison {
  checkPairs(other, baseline, 1);
  if (protocol.kind !== 'holdout' && protocol.kind !== 'cross-validation') {
    throw new ConfigError(`protocol.kind must be 'holdout' or 'cross-validation'. Got ${got(protocol.kind)} instead.`, 'protocol.kind');
  }
  checkTestFraction(protocol.testFraction);
  const n = other.length;
  const meanDifference = sum(pairedDifferences(other, baseline)) / n;
  const tooFew = `Only ${n} paired score: a test needs at least 2 splits (seeds, folds or repeats).`;

  let wilcoxon: WilcoxonResult | null = null;
  let wilcoxonSkipped: string | null = null;
  if (n < 2) wilcoxonSkipped = tooFew;
  else if (other.every((v, i) => v === baseline[i])) wilcoxonSkipped = 'The two methods scored identically on every split, so there is no difference to rank.';
  else wilcoxon = wilcoxonSignedRank(other, baseline, 'two-sided');

  const tTest = n < 2 ? null : correctedResampledTTest(other, baseline, protocol.testFraction);
  const tTestSkipped = n < 2 ? tooFew : null;
  return { meanDifference, n, wilcoxon, wilcoxonSkipped, tTest, tTestSkipped, significant: tTest !== null && tTest.pValue < SIGNIFICANCE_LEVEL };
}

// ─── Input checks ────────────────────────────────────────────────────────────────────────────

function checkPairs(a: readonly number[], b: readonly number[], minLength: number): void {
  if (!Array.isArray(a) || !Array.isArray(b)) {
    throw new ConfigError(`The scores must be two arrays of numbers, one score per split. Got ${got(a)} and ${got(b)} instead.`);
  }
  if (a.length !== b.length) {
    throw new ConfigError(
      'The two score lists must pair up split by split, so they need the same length. Pass one score per split for each method. ' +
        `Got lengths ${a.length} and ${b.length} instead.`,
    );
  }
  if (a.length < minLength) {
    throw new ConfigError(`This test needs at least ${minLength} paired scores (one per split). Got ${a.length} instead.`);
  }
  for (const [name, values] of [['first', a], ['second', b]] as const) {
    const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0) {
      throw new ConfigError(
        `Every score must be a finite number; drop or re-run the split that produced it. Got ${got(values[bad])} at index ${bad} of the ${name} list instead.`,
      );
    }
  }
}

function checkTestFraction(testFraction: number): void {
  if (typeof testFraction !== 'number' || !(testFraction > 0 && testFraction < 1)) {
    throw new ConfigError(
      `testFraction must be n_test / (n_train + n_test), strictly between 0 and 1 (1/k for k-fold cross-validation). Got ${got(testFraction)} instead.`,
      'testFraction',
    );
  }
}

function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  return a.map((v, i) => v - b[i]);
}
