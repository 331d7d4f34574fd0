/**
 * The contract battery every registered resampler passes (imbalanced-learn's
 * `utils/estimator_checks.py` in spirit): bad data is refused with DataError, the strategy is
 * honoured, inputs are never mutated, dtype is preserved, provenance is consistent, seeds reproduce.
 *
 * The battery is the same for every method; what differs between methods is *documented* (see the
 * doc comment of each resampler) and lives in one place, the PROFILES table below. Every entry that
 * relaxes a check says why; anything not listed there gets the strict default.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Labels, Matrix } from '../types';
import { adasynBudget } from './adasyn';
import { borderlineSets } from './borderlineSmote';
import { RESAMPLER_IDS, resamplers } from './registry';
import type { ResamplerId } from './registry';
import type { ResampleResult } from './types';
import { resolveSamplingStrategy } from './samplingStrategy';
import { majorityClass, minorityClass } from './selection';

// ---------------------------------------------------------------------------------------------
// Profiles: the documented, per-method differences the battery allows. One place, one reason each.
// ---------------------------------------------------------------------------------------------

/** Inputs a count rule sees: the data and the resolved 'auto' strategy. */
interface CountInput {
  X: Matrix;
  y: Int32Array;
  counts: readonly number[];
  /** resolveSamplingStrategy('auto', counts, samplerType). */
  targets: ReadonlyMap<number, number>;
}

/** Allowed [min, max] output size per class. */
type CountRule = (input: CountInput) => [number, number][];

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
type SyntheticRule =
  | 'none'
  | 'segment'
  | 'segment-or-half-step-out'
  | 'segment-or-extrapolation'
  | 'segment-continuous-vote-categorical'
  | 'vote'
  | 'centroid';

/** Kind of data the method is designed for: continuous floats, integer category codes, or both. */
type DataKind = 'continuous' | 'categorical' | 'mixed';

interface Profile {
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

const PROFILES: Record<ResamplerId, Partial<Profile>> = {
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

function profileOf(id: ResamplerId): Profile {
  return { ...defaults, ...PROFILES[id] };
}

// ---------------------------------------------------------------------------------------------
// Data and checks
// ---------------------------------------------------------------------------------------------

/**
 * Random data: class c centred at c in every column, plus N(0, 1) noise. Categorical columns hold
 * integer codes (the rounded value clamped to [−1, 4]). 'mixed': column 0 categorical, at least 2 columns.
 */
function dataset(counts: number[], cols: number, f64: boolean, seed: number, kind: DataKind = 'continuous'): { X: Matrix; y: Int32Array } {
  const rng = createRng(seed);
  const d = kind === 'mixed' ? Math.max(cols, 2) : cols;
  const n = counts.reduce((a, b) => a + b, 0);
  const y = rng.shuffle(Int32Array.from(counts.flatMap((m, c) => Array<number>(m).fill(c))));
  const isCat = (j: number) => kind === 'categorical' || (kind === 'mixed' && j === 0);
  const values = Array.from({ length: n * d }, (_, k) => {
    const v = y[Math.floor(k / d)] + rng.normal();
    return isCat(k % d) ? Math.min(4, Math.max(-1, Math.round(v))) : v;
  });
  return { X: { data: f64 ? Float64Array.from(values) : Float32Array.from(values), rows: n, cols: d }, y };
}

/** The values class c takes in column j. */
function columnValues(X: Matrix, y: Labels, c: number, j: number): Set<number> {
  const s = new Set<number>();
  for (let i = 0; i < X.rows; i++) if (y[i] === c) s.add(X.data[i * X.cols + j]);
  return s;
}

/**
 * Checks x = a + u·(b − a) on the given columns with u ∈ [lo, hi] (tolerance for float32 storage).
 * Returns u (0 when a and b coincide on those columns).
 */
function expectOnLine(X: Matrix, out: ResampleResult, i: number, a: number, b: number, cols: readonly number[], lo: number, hi: number): number {
  const d = X.cols;
  let jMax = cols[0];
  for (const j of cols) if (Math.abs(X.data[b * d + j] - X.data[a * d + j]) > Math.abs(X.data[b * d + jMax] - X.data[a * d + jMax])) jMax = j;
  const span = X.data[b * d + jMax] - X.data[a * d + jMax];
  const u = span === 0 ? 0 : (out.X.data[i * d + jMax] - X.data[a * d + jMax]) / span;
  expect(u).toBeGreaterThanOrEqual(lo - 1e-4);
  expect(u).toBeLessThanOrEqual(hi + 1e-4);
  for (const j of cols) {
    const xa = X.data[a * d + j];
    const xb = X.data[b * d + j];
    const tol = 1e-4 * (1 + Math.abs(xa) + Math.abs(xb));
    expect(Math.abs(out.X.data[i * d + j] - (xa + u * (xb - xa)))).toBeLessThanOrEqual(tol);
  }
  return u;
}

function checkProvenance(X: Matrix, y: Int32Array, out: ResampleResult, profile: Profile): void {
  const d = X.cols;
  const allCols = Array.from({ length: d }, (_, j) => j);
  expect(out.X.cols).toBe(d);
  expect(out.X.data.length).toBe(out.X.rows * d);
  expect(out.y).toHaveLength(out.X.rows);
  expect(out.origin).toHaveLength(out.X.rows);
  expect(out.parents).toHaveLength(2 * out.X.rows);
  const origins: number[] = [];
  for (let i = 0; i < out.X.rows; i++) {
    const o = out.origin[i];
    for (let j = 0; j < d; j++) expect(Number.isFinite(out.X.data[i * d + j])).toBe(true);
    if (o >= 0) {
      origins.push(o);
      expect(o).toBeLessThan(X.rows);
      expect(out.y[i]).toBe(y[o]);
      for (let j = 0; j < d; j++) expect(out.X.data[i * d + j]).toBe(X.data[o * d + j]);
      expect([out.parents[2 * i], out.parents[2 * i + 1]]).toEqual([-1, -1]);
      continue;
    }
    expect(o).toBe(-1);
    expect(profile.synthetic).not.toBe('none');
    const c = out.y[i];
    const a = out.parents[2 * i];
    const b = out.parents[2 * i + 1];
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(X.rows);
    expect(y[a]).toBe(c);
    if (profile.synthetic === 'vote' || profile.synthetic === 'centroid') {
      expect(b).toBe(-1);
      for (let j = 0; j < d; j++) {
        const values = [...columnValues(X, y, c, j)];
        if (profile.synthetic === 'vote') expect(values).toContain(out.X.data[i * d + j]);
        else {
          expect(out.X.data[i * d + j]).toBeGreaterThanOrEqual(Math.min(...values));
          expect(out.X.data[i * d + j]).toBeLessThanOrEqual(Math.max(...values));
        }
      }
      continue;
    }
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(X.rows);
    if (profile.synthetic === 'segment-or-half-step-out' && y[b] !== c) {
      // Borderline-SMOTE 2's half-step towards another class: closer to a than to b.
      expectOnLine(X, out, i, a, b, allCols, 0, 0.5);
      continue;
    }
    expect(y[b]).toBe(c);
    if (profile.synthetic === 'segment-continuous-vote-categorical') {
      const categorical = (profile.options.categoricalFeatures as number[]) ?? [];
      expectOnLine(X, out, i, a, b, allCols.filter((j) => !categorical.includes(j)), 0, 1);
      for (const j of categorical) expect([...columnValues(X, y, c, j)]).toContain(out.X.data[i * d + j]);
    } else {
      expectOnLine(X, out, i, a, b, allCols, profile.synthetic === 'segment-or-extrapolation' ? -0.5 : 0, 1);
    }
  }
  switch (profile.realRows) {
    case 'all-first':
      for (let i = 0; i < X.rows; i++) expect(out.origin[i]).toBe(i);
      break;
    case 'subset-ascending':
      for (let t = 1; t < origins.length; t++) expect(origins[t]).toBeGreaterThan(origins[t - 1]);
      break;
    case 'subset':
      expect(new Set(origins).size).toBe(origins.length);
      break;
    case 'any':
      break;
  }
}

function checkCounts(X: Matrix, y: Int32Array, counts: number[], out: ResampleResult, profile: Profile, id: ResamplerId): void {
  const targets = resolveSamplingStrategy('auto', counts, resamplers[id].samplerType);
  const bounds = profile.counts({ X, y, counts, targets });
  const got = countClasses(out.y, counts.length);
  got.forEach((n, c) => {
    const [lo, hi] = bounds[c];
    if (n < lo || n > hi) expect.fail(`class ${c}: ${n} rows, expected ${lo === hi ? lo : `[${lo}, ${hi}]`} (input counts ${counts.join(', ')}; got ${got.join(', ')})`);
  });
}

// ---------------------------------------------------------------------------------------------
// The battery
// ---------------------------------------------------------------------------------------------

describe.each(RESAMPLER_IDS)('resampler contract: %s', (id) => {
  const entry = resamplers[id];
  const run = entry.resample as (X: Matrix, y: Labels, options: Record<string, unknown>, rng: ReturnType<typeof createRng>) => ResampleResult;
  const profile = profileOf(id);
  const opts = (extra: Record<string, unknown> = {}) => ({ ...profile.options, ...extra });
  const data = (counts: number[], cols: number, f64: boolean, seed: number) => dataset(counts, cols, f64, seed, profile.data);

  it('has a parameter spec for every option with a default, a help text and a citation', () => {
    expect(entry.id).toBe(id);
    expect(entry.citation.length).toBeGreaterThan(10);
    for (const p of entry.params) {
      expect(p.help.length).toBeGreaterThan(10);
      expect(p.default).toBeDefined();
      if (p.kind === 'int' || p.kind === 'float') expect(p.min).toBeDefined();
    }
    const names = entry.params.map((p) => p.name);
    if (profile.hasSamplingStrategy) expect(names).toContain('samplingStrategy');
    else expect(names).not.toContain('samplingStrategy');
  });

  it('honours the resolved strategy, preserves dtype, never mutates inputs, reproduces with a seed', () => {
    let refusals = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 6, max: 60 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.integer(),
        (counts, cols, f64, seed) => {
          runs++;
          const { X, y } = data(counts, cols, f64, seed);
          const Xcopy = X.data.slice();
          const ycopy = y.slice();
          const targets = resolveSamplingStrategy('auto', counts, entry.samplerType);
          const expectRefusal = profile.refuses?.({ X, y, counts, targets });
          let out: ResampleResult;
          try {
            out = run(X, y, opts(), createRng(seed));
          } catch (e) {
            expect(X.data).toEqual(Xcopy);
            if (profile.mayRefuse && e instanceof DataError && profile.mayRefuse.test(e.message) && expectRefusal !== false) {
              refusals++;
              return;
            }
            throw e;
          }
          expect(expectRefusal ?? false).toBe(false);
          expect(X.data).toEqual(Xcopy);
          expect(y).toEqual(ycopy);
          expect(out.X.data).toBeInstanceOf(f64 ? Float64Array : Float32Array);
          checkProvenance(X, y, out, profile);
          checkCounts(X, y, counts, out, profile, id);
          expect(run(X, y, opts(), createRng(seed))).toEqual(out);
        },
      ),
      { numRuns: profile.numRuns },
    );
    // A documented refusal must stay the exception, not become the rule (unless it is predicted exactly).
    if (!profile.refuses) expect(refusals).toBeLessThanOrEqual(runs / 3);
  });

  if (profile.mayRefuse) {
    it('succeeds on well-separated classes (the refusal is data-dependent only)', () => {
      const counts = [60, 20, 12];
      const rng = createRng(5);
      const y = Int32Array.from(counts.flatMap((m, c) => Array<number>(m).fill(c)));
      const X: Matrix = { data: Float64Array.from({ length: y.length * 2 }, (_, k) => 3 * y[k >> 1] + rng.normal()), rows: y.length, cols: 2 };
      const out = run(X, y, opts(), createRng(1));
      checkProvenance(X, y, out, profile);
      checkCounts(X, y, counts, out, profile, id);
    });
  }

  it('refuses a single class with DataError', () => {
    const { X } = data([10, 10], 2, false, 1);
    expect(() => run(X, new Int32Array(20), opts(), createRng(1))).toThrow(DataError);
    expect(() => run(X, new Int32Array(20), opts({ classNames: ['ERL', 'other'] }), createRng(1))).toThrow(
      "The dataset has only one class ('ERL'); a classifier needs at least two. Got 1 class instead.",
    );
  });

  it('refuses NaN, infinite values, mismatched lengths and labels out of range with DataError', () => {
    const { X, y } = data([10, 10], 2, false, 1);
    const nan = { ...X, data: X.data.slice() };
    nan.data[7] = Number.NaN;
    expect(() => run(nan, y, opts(), createRng(1))).toThrow(DataError);
    expect(() => run(nan, y, opts(), createRng(1))).toThrow('row 3, column 1');
    const inf = { ...X, data: X.data.slice() };
    inf.data[0] = Infinity;
    expect(() => run(inf, y, opts(), createRng(1))).toThrow(DataError);
    expect(() => run(X, y.subarray(0, 19), opts(), createRng(1))).toThrow(DataError);
    expect(() => run(X, y, opts({ classNames: ['only'] }), createRng(1))).toThrow(DataError);
    expect(() => run({ ...X, rows: 21 }, y, opts(), createRng(1))).toThrow(DataError);
  });

  it('refuses an invalid samplingStrategy with ConfigError', () => {
    const { X, y } = data([20, 8], 2, false, 1);
    expect(() => run(X, y, opts({ samplingStrategy: 'sideways' }), createRng(1))).toThrow(ConfigError);
    expect(() => run(X, y, opts({ samplingStrategy: 2 }), createRng(1))).toThrow(ConfigError);
    expect(() => run(X, y, opts({ samplingStrategy: { 9: 3 } }), createRng(1))).toThrow(ConfigError);
  });

  it('handles duplicate rows', () => {
    const n0 = 20;
    const n1 = 7;
    const X: Matrix = { data: Float32Array.from({ length: (n0 + n1) * 2 }, (_, k) => (k < n0 * 2 ? 1 : 3)), rows: n0 + n1, cols: 2 };
    const y = Int32Array.from({ length: n0 + n1 }, (_, i) => (i < n0 ? 0 : 1));
    if (profile.refusesSeparated) {
      expect(() => run(X, y, opts(), createRng(3))).toThrow(DataError);
      expect(() => run(X, y, opts(), createRng(3))).toThrow(profile.refusesSeparated);
      return;
    }
    const out = run(X, y, opts(), createRng(3));
    checkProvenance(X, y, out, profile);
    checkCounts(X, y, [n0, n1], out, profile, id);
    for (let i = 0; i < out.X.rows; i++) expect(out.X.data[2 * i]).toBe(out.y[i] === 0 ? 1 : 3);
  });

  it('class smaller than k + 1: DataError naming the class and a k that works (SMOTE family), fine for the others', () => {
    const { X, y } = data([15, 5], 2, false, 2);
    const k = profile.smallClass?.option ?? 'kNeighbors';
    const options = opts({ classNames: ['majority', 'minority'], [k]: 5 });
    if (profile.smallClass === null) {
      expect(() => run(X, y, options, createRng(1))).not.toThrow();
      return;
    }
    expect(() => run(X, y, options, createRng(1))).toThrow(DataError);
    expect(() => run(X, y, options, createRng(1))).toThrow(
      `${k} must be < the number of samples in class 'minority' (5). Got 5 instead. Lower ${k} to at most 4 or pick random over-sampling.`,
    );
    // The advised k is accepted (KMeans-SMOTE / ADASYN may still refuse for their documented, data-dependent reasons).
    try {
      run(X, y, opts({ classNames: ['majority', 'minority'], [k]: 4 }), createRng(1));
    } catch (e) {
      if (!(profile.mayRefuse && e instanceof DataError && profile.mayRefuse.test(e.message))) throw e;
    }
  });
});

describe('resampler contract: registry', () => {
  it('has a profile for exactly the registered resamplers', () => {
    expect(Object.keys(PROFILES).sort()).toEqual([...RESAMPLER_IDS].sort());
  });
});

describe('resampler options are range-checked by their specs', () => {
  it('kNeighbors must be an integer in range', () => {
    const { X, y } = dataset([30, 10], 2, false, 1);
    for (const kNeighbors of [0, 2.5, 51, Number.NaN]) {
      expect(() => resamplers.smote.resample(X, y, { kNeighbors }, createRng(1))).toThrow(ConfigError);
    }
  });
});
