/**
 * Significance tests for comparing two methods on the same splits (seeds, folds), plus the
 * special functions they need. Pure and deterministic: no DOM, no randomness.
 *
 *   wilcoxonSignedRank      paired Wilcoxon signed-rank test (matches SciPy, see its doc comment)
 *   correctedResampledTTest Nadeau & Bengio's t-test for scores from overlapping training sets
 *   pairedComparison        both of the above for "method vs baseline", and whether it is significant
 *   studentTCdf, regularizedIncompleteBeta, normalCdf   the distributions behind the p-values
 */
import { ConfigError, DataError, got } from '../errors';

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

// ─── Distributions ───────────────────────────────────────────────────────────────────────────

/**
 * Cumulative distribution function of Student's t with df degrees of freedom (Student 1908,
 * "The probable error of a mean", Biometrika 6(1)), through the incomplete beta function:
 *
 *   P(T ≤ t) = ½ · I_{df/(df+t²)}(df/2, ½)        for t ≤ 0,   1 − P(T ≤ −t) for t > 0
 *
 * (Abramowitz & Stegun 26.5.27 and 26.7.1). df may be any positive real; df = Infinity gives the
 * standard normal. NaN t gives NaN; df ≤ 0 or NaN throws ConfigError.
 */
export function studentTCdf(t: number, df: number): number {
  checkDegreesOfFreedom(df);
  if (Number.isNaN(t)) return NaN;
  const tail = studentTUpperTail(Math.abs(t), df);
  return t <= 0 ? tail : 1 - tail;
}

/** P(T > t) for t ≥ 0, computed without the cancellation of 1 − cdf. */
function studentTUpperTail(t: number, df: number): number {
  if (df === Infinity) return normalCdf(-t);
  const tSquared = t * t;
  if (tSquared === Infinity) return 0;
  const denominator = df + tSquared;
  // x and 1 − x are formed separately so that neither loses digits to the other.
  return 0.5 * incompleteBeta(df / denominator, tSquared / denominator, df / 2, 0.5);
}

function checkDegreesOfFreedom(df: number): void {
  if (typeof df !== 'number' || !(df > 0)) {
    throw new ConfigError(`Degrees of freedom must be a positive number. Got ${got(df)} instead.`, 'df');
  }
}

/**
 * Regularized incomplete beta function
 *
 *   I_x(a, b) = B(x; a, b) / B(a, b) = 1/B(a, b) · ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt,
 *
 * evaluated as x^a (1−x)^b / (a·B(a, b)) times a continued fraction (Abramowitz & Stegun 26.5.8),
 * summed with the modified Lentz method as in Numerical Recipes (Press et al., 3rd ed. 2007, §6.4),
 * using I_x(a, b) = 1 − I_{1−x}(b, a) where that converges faster. ln B(a, b) comes from the
 * Lanczos (1964) approximation of the gamma function. Against 30-digit mpmath the relative error
 * stays below 3e-12 for a, b up to a few thousand (the exponent a·ln x + b·ln(1 − x) − ln B grows
 * with them), and is far smaller for the shape parameters of everyday t-tests.
 *
 * Throws ConfigError unless 0 ≤ x ≤ 1 and a, b > 0.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (typeof a !== 'number' || typeof b !== 'number' || !(a > 0) || !(b > 0) || a === Infinity || b === Infinity) {
    throw new ConfigError(`The incomplete beta function needs finite shape parameters a, b > 0. Got ${got([a, b])} instead.`, 'a');
  }
  if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
    throw new ConfigError(`The incomplete beta function is defined for 0 ≤ x ≤ 1. Got ${got(x)} instead.`, 'x');
  }
  return incompleteBeta(x, 1 - x, a, b);
}

/** I_x(a, b) with y = 1 − x passed in, so callers can form it without cancellation. */
function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  // The continued fraction converges quickly for x < (a + 1)/(a + b + 2); otherwise use the symmetry.
  if (x * (a + b + 2) < a + 1) return betaPrefactor(x, y, a, b) * betaContinuedFraction(x, a, b) / a;
  return 1 - betaPrefactor(y, x, b, a) * betaContinuedFraction(y, b, a) / b;
}

/** x^a (1 − x)^b / B(a, b), in logs so that large a and b do not overflow. */
function betaPrefactor(x: number, y: number, a: number, b: number): number {
  return Math.exp(a * Math.log(x) + b * Math.log(y) - logBeta(a, b));
}

const CONTINUED_FRACTION_EPSILON = 1e-16;
const CONTINUED_FRACTION_MAX_ITERATIONS = 10_000;
/** Keeps Lentz's intermediate denominators away from zero. */
const TINY = 1e-300;

/** The continued fraction of A&S 26.5.8 by the modified Lentz method (Numerical Recipes `betacf`). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const awayFromZero = (v: number): number => (Math.abs(v) < TINY ? TINY : v);
  let c = 1;
  let d = 1 / awayFromZero(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= CONTINUED_FRACTION_MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    // Even step: d_{2m} = m (b − m) x / ((a + 2m − 1)(a + 2m)).
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 / awayFromZero(1 + even * d);
    c = awayFromZero(1 + even / c);
    h *= d * c;
    // Odd step: d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 / awayFromZero(1 + odd * d);
    c = awayFromZero(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < CONTINUED_FRACTION_EPSILON) break;
  }
  return h;
}

/** Lanczos approximation with g = 7, 9 terms (Godfrey's coefficients): relative error ~1e-15 for x ≥ 1/2. */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** The Lanczos series A(x) in Γ(x) = √(2π) (x + g − ½)^(x − ½) e^(−(x + g − ½)) A(x), for x ≥ 1/2. */
function lanczosSeries(x: number): number {
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += LANCZOS_COEFFICIENTS[i] / (x - 1 + i);
  return series;
}

/** ln Γ(x) for x > 0 (Lanczos 1964), shifting small x up with Γ(x) = Γ(x + 1)/x. */
function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const base = x + LANCZOS_G - 0.5;
  return HALF_LOG_TWO_PI + (x - 0.5) * Math.log(base) - base + Math.log(lanczosSeries(x));
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). For a large next to b the three log-gammas nearly
 * cancel, so the Lanczos forms are combined first: with c = a + b and h(z) = z + g − ½,
 *
 *   ln B = ½ ln 2π + ln(A(a) A(b) / A(c)) + (a − ½) ln(1 − b/h(c)) − b ln h(c) + (b − ½) ln h(b) − (g − ½).
 */
function logBeta(a: number, b: number): number {
  const large = Math.max(a, b);
  const small = Math.min(a, b);
  if (small < 0.5) return logBeta(large, small + 1) + Math.log((large + small) / small);
  if (large < 10) return logGamma(large) + logGamma(small) - logGamma(large + small);
  const hSum = large + small + LANCZOS_G - 0.5;
  const hSmall = small + LANCZOS_G - 0.5;
  return (
    HALF_LOG_TWO_PI +
    Math.log((lanczosSeries(large) * lanczosSeries(small)) / lanczosSeries(large + small)) +
    (large - 0.5) * Math.log1p(-small / hSum) -
    small * Math.log(hSum) +
    (small - 0.5) * Math.log(hSmall) -
    (LANCZOS_G - 0.5)
  );
}

/**
 * Standard normal CDF Φ(z) = ½ erfc(−z/√2), with erf near 0 and erfc in the tails (as Cephes'
 * `ndtr`, which SciPy uses) so both tails keep their relative accuracy; NaN gives NaN.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const x = z * Math.SQRT1_2;
  if (Math.abs(x) < Math.SQRT1_2) return 0.5 + 0.5 * erf(x);
  const tail = 0.5 * erfc(Math.abs(x));
  return x > 0 ? 1 - tail : tail;
}

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
// 631-638, as in his CALERF (netlib specfun): erf on |x| ≤ 0.46875, erfc on (0.46875, 4] and
// beyond 4, each a near-minimax rational function accurate to ~1e-18 in exact arithmetic.
const ERF_A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const ERF_B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const ERFC_C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909, 1712.04761263407058,
  2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
];
const ERFC_D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963, 4362.61909014324716,
  3439.36767414372164, 1230.33935480374942,
];
const ERFC_P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4, 0.0163153871373020978];
const ERFC_Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const ONE_OVER_SQRT_PI = 0.56418958354775628695;
const ERF_SMALL = 0.46875;
/** erfc(x) underflows to 0 beyond this. */
const ERFC_BIG = 26.543;

/** erf(x) for |x| ≤ 0.46875. */
function erfSmall(x: number): number {
  const z = x * x;
  const numerator = (((ERF_A[4] * z + ERF_A[0]) * z + ERF_A[1]) * z + ERF_A[2]) * z + ERF_A[3];
  const denominator = (((z + ERF_B[0]) * z + ERF_B[1]) * z + ERF_B[2]) * z + ERF_B[3];
  return (x * numerator) / denominator;
}

/** erfc(y) for y > 0.46875. */
function erfcLarge(y: number): number {
  if (y >= ERFC_BIG) return 0;
  let scaled: number; // exp(y²) · erfc(y)
  if (y <= 4) {
    let numerator = ERFC_C[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + ERFC_C[i]) * y;
      denominator = (denominator + ERFC_D[i]) * y;
    }
    scaled = (numerator + ERFC_C[7]) / (denominator + ERFC_D[7]);
  } else {
    const z = 1 / (y * y);
    let numerator = ERFC_P[5] * z;
    let denominator = z;
    for (let i = 0; i < 4; i++) {
      numerator = (numerator + ERFC_P[i]) * z;
      denominator = (denominator + ERFC_Q[i]) * z;
    }
    scaled = (ONE_OVER_SQRT_PI - (z * (numerator + ERFC_P[4])) / (denominator + ERFC_Q[4])) / y;
  }
  // exp(−y²) split as exp(−r²)·exp(−(y − r)(y + r)) with r = y rounded down to 1/16: y² itself
  // would round, and the rounding error is multiplied by y² in the exponent.
  const rounded = Math.trunc(y * 16) / 16;
  return Math.exp(-rounded * rounded) * Math.exp(-(y - rounded) * (y + rounded)) * scaled;
}

function erf(x: number): number {
  if (Math.abs(x) <= ERF_SMALL) return erfSmall(x);
  const complement = erfcLarge(Math.abs(x));
  return x < 0 ? complement - 1 : 1 - complement;
}

function erfc(x: number): number {
  if (Math.abs(x) <= ERF_SMALL) return 1 - erfSmall(x);
  const tail = erfcLarge(Math.abs(x));
  return x < 0 ? 2 - tail : tail;
}
