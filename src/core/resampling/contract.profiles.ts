/**
 * The contract battery's per-method profiles (contract.test.ts): what each resampler documents
 * differently — count rules, synthetic-row shapes, refusals — one place, one reason each, and the
 * random data the battery runs on. Imported by the battery only; pure TypeScript.
 */
import { DataError } from '../errors';
import type { Matrix } from '../types';
import { adasynBudget } from './adasyn';
import { borderlineSets } from './borderlineSmote';
import type { ResamplerId } from './registry';
import { majorityClass, minorityClass } from './selection';
import { labelledData } from './testSupport';

// ---------------------------------------------------------------------------------------------
// Profiles: the documented, per-method differences the battery allows. One place, one reason each.
// ---------------------------------------------------------------------------------------------

/** Inputs a count rule sees: the data and the resolved 'auto' strategy. */
export interface CountInput {
  X: Matrix;
  y: Int32Array;
  counts: readonly number[];
  /** resolveSamplingStrategy('auto', counts, samplerType). */
  targets: ReadonlyMap<number, number>;
}

/** Allowed [min, max] output size per class. */
export type CountRule = (input: CountInput) => [number, number][];

/**
 * What a synthetic row (origin −1) with parents (a, b) must look like.
 * - 'none': the method never makes synthetic rows (with its example options);
 * - 'segment': x = a + u·(b − a), u ∈ [0, 1], a and b of the row's class (SMOTE);
 * - 'segment-or-half-step-out': as 'segment', or b of another class and u ∈ [0, 0.5] (Borderline-SMOTE 2);
 * - 'segment-or-extrapolation': x = a + u·(b − a), u ∈ [−outStep, 1] = [−0.5, 1] (SVM-SMOTE's safe vectors);
 * - 'segment-continuous-vote-categorical': SMOTE-NC: continuous columns on the segment, categorical
 *   columns one of the values the class has in that column;
 * - 'vote': SMOTEN: b = −1, every column one of the values the class has in that column;
 * - 'centroid': ClusterCentroids soft voting: b = −1, a the class's row nearest to the centroid,
 *   x inside the bounding box of the class.
 */
export type SyntheticRule =
  | 'none'
  | 'segment'
  | 'segment-or-half-step-out'
  | 'segment-or-extrapolation'
  | 'segment-continuous-vote-categorical'
  | 'vote'
  | 'centroid';

/** Kind of data the method is designed for: continuous floats, integer category codes, or both. */
export type DataKind = 'continuous' | 'categorical' | 'mixed';

export interface Profile {
  data: DataKind;
  /** Options every test passes (merged under the test's own options). */
  options: Record<string, unknown>;
  counts: CountRule;
  synthetic: SyntheticRule;
  /**
   * How the input rows appear in the output:
   * - 'all-first': rows 0..n−1 of the output are the input rows in order (over-samplers never remove real rows);
   * - 'subset-ascending': a subset of the input rows, each at most once, ascending (cleaning and
   *   selection methods: origin is imbalanced-learn's sample_indices_);
   * - 'subset': input rows at most once, any order (combinations: kept real rows, then synthetic ones);
   * - 'any': rows may repeat (random under-sampling draws without replacement per class but groups
   *   by class; cluster centroids with hard voting may keep a row twice).
   */
  realRows: 'all-first' | 'subset-ascending' | 'subset' | 'any';
  /** Error message of the "class smaller than k" test, or null when the method has no such k. */
  smallClass: { option: 'kNeighbors' | 'nNeighbors'; method: string } | null;
  /** A DataError the method may raise on random overlapping data (documented refusal). */
  mayRefuse?: RegExp;
  /**
   * When the refusal is predictable from the documented rule: exactly when it happens. Without it,
   * refusals are only bounded in frequency (at most a third of the property runs).
   */
  refuses?: (input: CountInput) => boolean;
  /** A DataError the method raises on the perfectly separated duplicate-rows data set. */
  refusesSeparated?: RegExp;
  /** Whether the spec lists samplingStrategy (false only for methods without the parameter). */
  hasSamplingStrategy: boolean;
  /** Property-test runs (lower for slow methods). */
  numRuns: number;
}

// --- count rules ---------------------------------------------------------------------------

const same = (n: number): [number, number] => [n, n];

/** Over-sampling: exactly N_c + targets[c] (imbalanced-learn's promise for SMOTE and random over-sampling). */
const exactOver: CountRule = ({ counts, targets }) => counts.map((n, c) => same(n + (targets.get(c) ?? 0)));

/** Under-sampling: exactly targets[c] for targeted classes, the others unchanged. */
const exactUnder: CountRule = ({ counts, targets }) => counts.map((n, c) => same(targets.get(c) ?? n));

/**
 * Cleaning methods (Tomek, ENN, RENN, All-k-NN, NCR, OSS, CNN): how many rows go is data-dependent;
 * only targeted classes may shrink (possibly to nothing: ENN 'all' can empty a small class, OSS's
 * Tomek step can remove the seeds — imbalanced-learn does the same), never grow; the others are untouched.
 */
const cleaning: CountRule = ({ counts, targets }) => counts.map((n, c) => (targets.has(c) ? [0, n] : same(n)));

/** Repeated ENN / All-k-NN: every class may shrink (see the table), none grows. */
const iteratedCleaning: CountRule = ({ counts }) => counts.map((n) => [0, n]);

/**
 * Borderline-SMOTE (doc comment, step 1 and 3): a class without danger samples gets nothing; kind 1
 * makes exactly n; kind 2 makes ⌊f(n+1)⌋ + ⌊(1−f)n⌋ ∈ {n − 1, n}, as imbalanced-learn.
 */
const borderline =
  (kind: 1 | 2): CountRule =>
  ({ X, y, counts, targets }) =>
    counts.map((n, c) => {
      const num = targets.get(c) ?? 0;
      if (num === 0 || borderlineSets(X, y, c, 10).danger.length === 0) return same(n);
      return kind === 1 ? same(n + num) : [n + num - 1, n + num];
    });

/** ADASYN's documented budget per class, Σ_i rint(r̂_i · G) (nNeighbors 5); throws where ADASYN refuses. */
function adasynTotals({ X, y, counts, targets }: CountInput): number[] {
  return counts.map((_, c) => {
    const num = targets.get(c) ?? 0;
    if (num === 0) return 0;
    const rows = Int32Array.from(Array.from(y.keys()).filter((i) => y[i] === c));
    return adasynBudget(X, y, rows, c, 5, num).reduce((a, b) => a + b, 0);
  });
}

/** ADASYN: exactly Σ_i rint(r̂_i · G) per class (may differ from G by rounding, as imbalanced-learn). */
const adasynCounts: CountRule = (input) => {
  const totals = adasynTotals(input);
  return input.counts.map((n, c) => same(n + totals[c]));
};

/** ADASYN refuses exactly when some targeted class has every r_i = 0 or every g_i rounds to 0. */
function adasynRefuses(input: CountInput): boolean {
  try {
    return adasynTotals(input).some((t, c) => t === 0 && (input.targets.get(c) ?? 0) > 0);
  } catch (e) {
    if (e instanceof DataError) return true;
    throw e;
  }
}

/**
 * NearMiss-3 keeps all of its short list when it is shorter than the target, so a class may keep
 * fewer rows (imbalanced-learn warns); the short list holds at least nNeighborsVer3 = 3 rows.
 */
const nearMiss3Counts: CountRule = ({ counts, targets }) =>
  counts.map((n, c) => {
    const t = targets.get(c);
    return t === undefined ? same(n) : [Math.min(t, 3), t];
  });

/** Instance hardness threshold keeps every row tied at the percentile, so at least the target, at most all. */
const ihtCounts: CountRule = ({ counts, targets }) =>
  counts.map((n, c) => {
    const t = targets.get(c);
    return t === undefined ? same(n) : [t, n];
  });

/**
 * SMOTE + Tomek / SMOTE + ENN: SMOTE to N_c + targets[c], then cleaning with every class targeted
 * (imbalanced-learn's 'all'), so every class ends anywhere in [0, N_c + targets[c]].
 */
const smoteThenClean: CountRule = ({ counts, targets }) => counts.map((n, c) => [0, n + (targets.get(c) ?? 0)]);

/**
 * SMOTE + RUS (Chawla et al. §5, defaults N = 200, U = 100): minority m gets round(2·N_m) synthetic
 * rows, the majority M is cut to min(N_M, max(1, round(N'_m))), the other classes stay. Exact.
 */
const smoteRusCounts: CountRule = ({ counts }) => {
  const m = minorityClass(counts);
  const M = majorityClass(counts);
  const minority = counts[m] + Math.round(2 * counts[m]);
  return counts.map((n, c) => (c === m ? same(minority) : c === M ? same(Math.min(n, Math.max(1, minority))) : same(n)));
};

// --- the table -------------------------------------------------------------------------------

const smoteLike = (method: string): Pick<Profile, 'smallClass'> => ({ smallClass: { option: 'kNeighbors', method } });

const defaults: Profile = {
  data: 'continuous',
  options: {},
  counts: exactOver,
  synthetic: 'segment',
  realRows: 'all-first',
  smallClass: null,
  hasSamplingStrategy: true,
  numRuns: 40,
};

const cleaner: Partial<Profile> = { counts: cleaning, synthetic: 'none', realRows: 'subset-ascending' };
const selector: Partial<Profile> = { counts: exactUnder, synthetic: 'none', realRows: 'subset-ascending' };

export const PROFILES: Record<ResamplerId, Partial<Profile>> = {
  // Strict defaults: exact counts, copies first. (Default shrinkage 0: copies only, no synthetic rows.)
  'random-over': { synthetic: 'none' },
  // Random under-sampling: exact counts; kept rows grouped by class.
  'random-under': { ...selector, realRows: 'subset' },
  smote: smoteLike('SMOTE'),
  // SMOTE-NC needs categoricalFeatures and mixed data (column 0 = integer category codes).
  'smote-nc': { ...smoteLike('SMOTE-NC'), data: 'mixed', options: { categoricalFeatures: [0] }, synthetic: 'segment-continuous-vote-categorical' },
  // SMOTEN: every column categorical; a new row is a vote over k + 1 rows, so its second parent is −1.
  smoten: { ...smoteLike('SMOTEN'), data: 'categorical', synthetic: 'vote' },
  // Borderline-SMOTE: counts per `borderline`; kind 2's half-steps go towards other-class rows with u < 0.5.
  'borderline-smote-1': { ...smoteLike('Borderline-SMOTE'), counts: borderline(1) },
  'borderline-smote-2': { ...smoteLike('Borderline-SMOTE'), counts: borderline(2), synthetic: 'segment-or-half-step-out' },
  // SVM-SMOTE: exact counts (both groups fill N); safe support vectors extrapolate up to outStep. Fits an SVM: fewer runs.
  'svm-smote': { ...smoteLike('SVM-SMOTE'), synthetic: 'segment-or-extrapolation', numRuns: 15 },
  // KMeans-SMOTE: exact counts (largest-remainder apportionment), but it refuses when no cluster
  // qualifies — imbalanced-learn's RuntimeError, which happens on overlapping random data (~9 %).
  'kmeans-smote': { ...smoteLike('KMeans-SMOTE'), mayRefuse: /^No clusters found with sufficient samples of class/ },
  // ADASYN: counts per `adasynCounts`; its k is nNeighbors; perfectly separated classes have r_i = 0
  // for every sample, which imbalanced-learn refuses too ("Not any neigbours belong to the majority class").
  // It also refuses (as imbalanced-learn's ValueError) when rounding leaves nothing to generate,
  // e.g. a class that needs one more sample whose r̂_i are all < 0.5.
  adasyn: {
    smallClass: { option: 'nNeighbors', method: 'ADASYN' },
    counts: adasynCounts,
    mayRefuse: /^ADASYN would generate no sample for class|^ADASYN needs samples of class .* with neighbours of another class/,
    refuses: adasynRefuses,
    refusesSeparated: /^ADASYN needs samples of class '1' with neighbours of another class/,
  },
  'near-miss-1': selector,
  'near-miss-2': selector,
  'near-miss-3': { ...selector, counts: nearMiss3Counts },
  // Soft voting (the default) replaces a class by its k-means centroids: new rows in an under-sampler.
  'cluster-centroids': { counts: exactUnder, synthetic: 'centroid', realRows: 'subset' },
  'tomek-links': cleaner,
  'edited-nearest-neighbours': cleaner,
  // The iterated ENNs re-resolve samplingStrategy on the current counts before every pass, as
  // imbalanced-learn (its inner EditedNearestNeighbours gets the raw sampling_strategy): once a
  // cleaned class ties with or drops to the original minority's size, that minority can be
  // cleaned in a later pass too. So every class may shrink, none may grow.
  'repeated-edited-nearest-neighbours': { ...cleaner, counts: iteratedCleaning },
  'all-knn': { ...cleaner, counts: iteratedCleaning },
  'neighbourhood-cleaning-rule': cleaner,
  'one-sided-selection': cleaner,
  'condensed-nearest-neighbour': cleaner,
  'instance-hardness-threshold': { ...selector, counts: ihtCounts },
  // Combinations: SMOTE's synthetic rows survive a cleaning step over all classes.
  'smote-tomek': { ...smoteLike('SMOTE'), counts: smoteThenClean, realRows: 'subset' },
  'smote-enn': { ...smoteLike('SMOTE'), counts: smoteThenClean, realRows: 'subset' },
  // SMOTE + RUS has no samplingStrategy parameter (the SMOTE paper's percentages instead).
  'smote-rus': { ...smoteLike('SMOTE'), counts: smoteRusCounts, realRows: 'subset', hasSamplingStrategy: false },
};

export function profileOf(id: ResamplerId): Profile {
  return { ...defaults, ...PROFILES[id] };
}


/**
 * Random data: class c centred at c in every column, plus N(0, 1) noise. Categorical columns hold
 * integer codes (the rounded value clamped to [−1, 4]). 'mixed': column 0 categorical, at least 2 columns.
 */
export function dataset(counts: number[], cols: number, f64: boolean, seed: number, kind: DataKind = 'continuous'): { X: Matrix; y: Int32Array } {
  const d = kind === 'mixed' ? Math.max(cols, 2) : cols;
  const isCat = (j: number) => kind === 'categorical' || (kind === 'mixed' && j === 0);
  const { X, y } = labelledData(counts, d, f64, seed, (k, y, rng) => {
    const v = y[Math.floor(k / d)] + rng.normal();
    return isCat(k % d) ? Math.min(4, Math.max(-1, Math.round(v))) : v;
  });
  return { X, y };
}
