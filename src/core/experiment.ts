/**
 * The experiment pipeline shared by the worker, the CLI and the tests:
 *
 *   protocol.ts (dataset → split → scaler → resample the training split only)
 *          → train → scores on the test split → metrics (+ a decision-region grid for 2-D data)
 *
 * Randomness: one root `createRng(config.seed)` with a fork per stage: 'data', 'split',
 * `resample:<method id>` and 'train'. Every method starts from the same initial weights and batch
 * order ('train'), so the comparison is paired: only the rebalancing differs. A method's results
 * never depend on which other methods are in the list, or in what order.
 */
import { CancelledError, DataError } from './errors';
import type { ExperimentConfig } from './config';
import { methodLabel, type MethodSpec } from './methods';
import { metricSpread, type MeanStd, type MetricSummary, type SpreadMetric } from './metrics';
import { balancedReference, prepareExperiment, splitCount, type LoadedData, type PreparedExperiment } from './protocol';
import { trainClassifier, type AbortSignalLike, type EpochEvent, type TrainedClassifier } from './training/train';
import { batchedOn, trainClassifierGroup, type GroupOutcome } from './training/trainGroup';
import { countClasses, type Labels } from './types';
import { describeError, emptyBase, failed, finishMethod, planMethod, type MethodPlan } from './methodPlan';

export { prepareExperiment, splitCount, type LoadedData, type PreparedExperiment } from './protocol';

/** Class-probability grid over the 2-D feature space, for decision-region maps. */
export interface DecisionGrid {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  resolution: number;
  /** resolution × resolution × nClasses, row 0 = yMin, column 0 = xMin. */
  probs: Float32Array;
}

export interface MethodError {
  name: string;
  message: string;
  /** An unexpected failure (likely the compute backend), not a data or config problem. */
  unexpected: boolean;
}

export interface MethodResult {
  index: number;
  method: MethodSpec;
  label: string;
  status: 'done' | 'error';
  error?: MethodError;
  trainCountsBefore: number[];
  trainCountsAfter: number[];
  history: EpochEvent[];
  /** test rows × nClasses probabilities. */
  testScores: Float32Array;
  testY: Labels;
  metrics?: MetricSummary;
  /** Synthetic training rows in original feature units (2 per row) and their parents' dataset rows. */
  synthetic?: { X: Float32Array; parents: Int32Array };
  grid?: DecisionGrid;
  /** trainMs: from the data being ready to the final model; for a method trained in a group, the group's run plus its own second stage. */
  timings: { resampleMs: number; trainMs: number };
  /**
   * Protocols with several splits (repeats, folds): the metrics and held-out predictions of every
   * split, and their mean ± std. The other fields (curves, scores, confusion matrix) are those of
   * split 0.
   */
  splits?: { splitIndex: number; metrics: MetricSummary; predictions: { testY: Labels; testScores: Float32Array } }[];
  /** Where the loss or the phase changes (DRW switch, second stage), to mark on the loss curve. */
  marker?: { epoch: number; label: string };
  /** Set when the model trained on another backend than the run's (the CNN on WASM trains on the CPU backend). */
  trainedOn?: string;
  /** The source rows of the test split, in the order of `testY` (absent for the leaky protocol, whose test rows are resampled ones). */
  testRows?: Int32Array;
  /**
   * Relative accuracy (split.relativeAccuracy; split 0): accuracy ÷ max(accuracy of plain
   * cross-entropy and of this method, both trained on a size-matched class-balanced training set),
   * or why it could not be computed.
   */
  relativeAccuracy?: { value: number; balancedVanilla: number; balancedMethod: number; trainRows: number } | { error: string };
  /**
   * How the first training run was shared (runMethodGroup): `batchedWith` lists the methods whose
   * models trained in the same batched computation (WebGL/WebGPU), `sharedWith` those that used
   * the very same trained model (same rows, seed and loss). Absent when it shared nothing.
   */
  training?: { batchedWith: number[]; sharedWith: number[] };
  /** ‖w_c‖ of the final classifier layer per class (head classes tend to grow larger weights). */
  classifierNorms?: number[];
  /** Threshold moving: the threshold chosen on the validation split (score of the minority class). */
  threshold?: number;
  spread?: Record<SpreadMetric, MeanStd>;
}

export interface ExperimentResult {
  config: ExperimentConfig;
  classNames: string[];
  trainCounts: number[];
  testCounts: number[];
  minorityClass: number;
  methods: MethodResult[];
}

export interface RunMethodOptions {
  signal?: AbortSignalLike;
  onEpoch?: (ev: EpochEvent) => void | Promise<void>;
  /** Cells per side of the decision-region grid (2-D data only); 0 disables it. */
  gridResolution?: number;
  now?: () => number;
}

/**
 * Runs one method of a prepared experiment. Data, config and divergence problems become a
 * result with `status: 'error'` (so the rest of a comparison still finishes); cancellation
 * is rethrown.
 */
export async function runMethod(prep: PreparedExperiment, index: number, opts: RunMethodOptions = {}): Promise<MethodResult> {
  return (await runMethodGroup(prep, [index], { ...opts, onEpoch: opts.onEpoch && ((_, ev) => opts.onEpoch!(ev)) }))[0];
}

export interface RunGroupOptions extends Omit<RunMethodOptions, 'onEpoch'> {
  onEpoch?: (index: number, ev: EpochEvent) => void | Promise<void>;
  /** How a group of loss-level methods trains (trainGroup.ts `mode`); default 'auto'. */
  groupMode?: 'auto' | 'batched' | 'sequential';
}

/**
 * Runs methods `indices` of a prepared experiment, each with exactly the result `runMethod` gives
 * it alone. Methods whose first training run differs only in its loss (plain, loss-level,
 * post-hoc and decoupled methods on the same rows with the same batch sampling) train as one
 * group — one batched computation per step (training/trainGroup.ts) — and methods whose first
 * run is identical (e.g. cross-entropy, cRT and τ-norm all start from the same cross-entropy
 * model: same data, same seed, same loss) share that run. Everything else trains alone.
 * Results come back in the order of `indices`.
 */
export async function runMethodGroup(prep: PreparedExperiment, indices: readonly number[], opts: RunGroupOptions = {}): Promise<MethodResult[]> {
  const now = opts.now ?? (() => Date.now());
  const results = new Map<number, MethodResult>();
  const plans: MethodPlan[] = [];
  for (const index of indices) {
    const base = emptyBase(prep, index);
    try {
      plans.push(planMethod(prep, index, base, now));
    } catch (err) {
      results.set(index, failed(base, err));
    }
  }
  // A method's first-run epoch: into its history, then to the caller's progress.
  const record = (plan: MethodPlan, ev: EpochEvent) => {
    plan.base.history.push(ev);
    return opts.onEpoch?.(plan.index, ev);
  };
  for (const group of groupPlans(plans)) {
    // Plans with the same loss (e.g. cross-entropy, cRT and τ-norm: same rows, seed and loss) share one run.
    const byLoss = new Map<string, MethodPlan[]>();
    for (const plan of group) {
      const key = JSON.stringify(plan.train.loss ?? null);
      byLoss.set(key, [...(byLoss.get(key) ?? []), plan]);
    }
    const members = [...byLoss.values()];
    // Every sharing method receives each epoch event of the shared run.
    const fanOut = (sharing: MethodPlan[]) => async (ev: EpochEvent) => {
      for (const plan of sharing) await record(plan, { ...ev });
    };
    let outcomes: GroupOutcome[];
    try {
      if (members.length === 1) {
        const sharing = members[0];
        outcomes = [{ ok: true, classifier: await trainClassifier({ ...sharing[0].train, signal: opts.signal, onEpoch: fanOut(sharing) }) }];
      } else {
        const first = group[0].train;
        outcomes = await trainClassifierGroup({
          X: first.X,
          y: first.y,
          nClasses: first.nClasses,
          model: first.model,
          sampling: first.sampling,
          validation: first.validation,
          rng: first.rng,
          signal: opts.signal,
          mode: opts.groupMode,
          members: members.map((sharing) => ({ loss: sharing[0].train.loss, onEpoch: fanOut(sharing) })),
        });
      }
    } catch (err) {
      // A problem of the shared inputs fails every method of the group alike (cancellation is rethrown).
      for (const plan of group) results.set(plan.index, failed(plan.base, err));
      continue;
    }
    for (let k = 0; k < members.length; k++) {
      const outcome = outcomes[k];
      const sharing = members[k];
      for (const plan of sharing) {
        const others = (ps: MethodPlan[]) => ps.map((p) => p.index).filter((i) => i !== plan.index);
        const batchedWith = members.length > 1 && batchedOn(opts.groupMode ?? 'auto') ? others(group.filter((p) => !sharing.includes(p))) : [];
        const sharedWith = others(sharing);
        if (batchedWith.length + sharedWith.length > 0) plan.base.training = { batchedWith, sharedWith };
        if (!outcome.ok) {
          results.set(plan.index, failed(plan.base, outcome.error));
          continue;
        }
        try {
          const own = sharing.length === 1 ? outcome.classifier : sharedView(outcome.classifier);
          results.set(plan.index, await finishMethod(prep, plan, own, stageOptions(opts, plan), now));
        } catch (err) {
          results.set(plan.index, failed(plan.base, err));
        }
      }
      if (outcome.ok && sharing.length > 1) outcome.classifier.dispose();
    }
  }
  return indices.map((i) => results.get(i)!);
}

/** The options of a method's second stage: its progress events go to that method. */
function stageOptions(opts: RunGroupOptions, plan: MethodPlan): RunMethodOptions {
  return { ...opts, onEpoch: opts.onEpoch && ((ev) => opts.onEpoch!(plan.index, ev)) };
}

/**
 * Plans that can train as one group: same rows (the same training split object), same batch
 * sampling, same model. Each non-groupable plan is a group of its own.
 */
function groupPlans(plans: readonly MethodPlan[]): MethodPlan[][] {
  const groups: MethodPlan[][] = [];
  for (const plan of plans) {
    const g = plan.groupable ? groups.find((g) => g[0].groupable && g[0].train.X === plan.train.X && g[0].train.sampling === plan.train.sampling) : undefined;
    if (g) g.push(plan);
    else groups.push([plan]);
  }
  return groups;
}

/** A classifier trained once for several methods: each method's view leaves disposal to the owner. */
function sharedView(c: TrainedClassifier): TrainedClassifier {
  return {
    history: c.history.slice(),
    arch: c.arch,
    theta: c.theta,
    head: c.head,
    trainedOn: c.trainedOn,
    features: (X) => c.features(X),
    predictProba: (X) => c.predictProba(X),
    dispose: () => {},
  };
}


/**
 * Runs method `index` on every split of the protocol (`prepare(s)` gives split s; callers cache
 * it across methods). Returns split 0's full result with every split's metrics and their mean ±
 * std; the first split that fails makes the whole result that failure.
 */
export async function runMethodOverSplits(
  config: ExperimentConfig,
  prepare: (splitIndex: number) => PreparedExperiment,
  index: number,
  opts: RunMethodOptions & { onSplit?: (splitIndex: number, count: number) => void } = {},
): Promise<MethodResult> {
  const onEpoch = opts.onEpoch;
  return (await runMethodsOverSplits(config, prepare, [index], { ...opts, onEpoch: onEpoch && ((_, ev) => onEpoch(ev)) }))[0];
}

/**
 * {@link runMethodOverSplits} for several methods at once: on each split they run as one
 * {@link runMethodGroup} (grouped and shared training where the methods allow it). A method that
 * fails on a split is not run on the later ones.
 */
export async function runMethodsOverSplits(
  config: ExperimentConfig,
  prepare: (splitIndex: number) => PreparedExperiment,
  indices: readonly number[],
  opts: RunGroupOptions & { onSplit?: (splitIndex: number, count: number) => void } = {},
): Promise<MethodResult[]> {
  const count = splitCount(config);
  const first = new Map<number, MethodResult>();
  const done = new Map<number, MethodResult>();
  const splits = new Map<number, NonNullable<MethodResult['splits']>>(indices.map((i) => [i, []]));
  for (let s = 0; s < count; s++) {
    const pending = indices.filter((i) => !done.has(i));
    if (pending.length === 0) break;
    opts.onSplit?.(s, count);
    let results: MethodResult[];
    try {
      results = await runMethodGroup(prepare(s), pending, s === 0 ? opts : { ...opts, gridResolution: 0 });
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      // Preparing the split itself failed (a class too small for the folds, …): a data problem.
      for (const i of pending) done.set(i, { ...(first.get(i) ?? emptyResult(config, i)), status: 'error', error: describeError(err) });
      continue;
    }
    results.forEach((result, k) => {
      const i = pending[k];
      if (result.status === 'error') {
        done.set(i, count > 1 ? { ...result, error: { ...result.error!, message: `Split ${s + 1} of ${count}: ${result.error!.message}` } } : result);
        return;
      }
      if (!first.has(i)) first.set(i, result);
      splits.get(i)!.push({ splitIndex: s, metrics: result.metrics!, predictions: { testY: result.testY, testScores: result.testScores } });
    });
  }
  const finished = indices.filter((i) => !done.has(i) && first.has(i));
  if (config.split.relativeAccuracy && finished.length > 0) await addRelativeAccuracy(prepare(0), finished, first, opts);
  return indices.map((i) => {
    const failure = done.get(i);
    if (failure) return failure;
    const result = first.get(i)!;
    return count === 1 ? result : { ...result, splits: splits.get(i)!, spread: metricSpread(splits.get(i)!.map((x) => x.metrics)) };
  });
}

/**
 * Relative accuracy A_t / max(A_v, A_b) of each finished method on split 0 (Zhang et al. 2023,
 * §5.1): A_v is plain cross-entropy and A_b the method itself, both trained on the size-matched
 * balanced training set of `balancedReference` (the extra runs, grouped and shared like any
 * others; no progress events). Written into each result; a reference that cannot be built or a
 * method that fails on it is reported on the result, not thrown.
 */
async function addRelativeAccuracy(prep: PreparedExperiment, indices: number[], results: Map<number, MethodResult>, opts: RunGroupOptions): Promise<void> {
  let reference: PreparedExperiment;
  try {
    reference = balancedReference(prep);
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    for (const i of indices) results.get(i)!.relativeAccuracy = { error: err.message };
    return;
  }
  const vanilla = prep.config.methods.length;
  const withVanilla: PreparedExperiment = { ...reference, config: { ...reference.config, methods: [...reference.config.methods, { id: 'none', params: {} } as MethodSpec] } };
  const balanced = await runMethodGroup(withVanilla, [...indices, vanilla], { signal: opts.signal, now: opts.now, gridResolution: 0, groupMode: opts.groupMode });
  const av = balanced[balanced.length - 1].metrics?.accuracy;
  indices.forEach((i, k) => {
    const ab = balanced[k].metrics?.accuracy;
    const at = results.get(i)!.metrics!.accuracy;
    results.get(i)!.relativeAccuracy =
      av === undefined || ab === undefined
        ? { error: `The balanced reference run failed: ${(av === undefined ? balanced[balanced.length - 1] : balanced[k]).error?.message ?? 'no metrics'}` }
        : { value: at / Math.max(av, ab), balancedVanilla: av, balancedMethod: ab, trainRows: reference.train.y.length };
  });
}

function emptyResult(config: ExperimentConfig, index: number): MethodResult {
  const method = config.methods[index];
  return {
    index,
    method,
    label: methodLabel(method),
    status: 'error',
    trainCountsBefore: [],
    trainCountsAfter: [],
    history: [],
    testScores: new Float32Array(0),
    testY: new Int32Array(0),
    timings: { resampleMs: 0, trainMs: 0 },
  };
}

/** Runs every method of the config in turn over every split (the CLI path; the browser runs methods in parallel workers). */
export async function runExperiment(
  config: ExperimentConfig,
  opts: RunMethodOptions & { onMethodDone?: (r: MethodResult) => void; data?: LoadedData | null } = {},
): Promise<ExperimentResult> {
  const preps = new Map<number, PreparedExperiment>();
  const prepare = (s: number) => {
    if (!preps.has(s)) preps.set(s, prepareExperiment(config, opts.data, s));
    return preps.get(s)!;
  };
  const prep = prepare(0);
  const methods = await runMethodsOverSplits(config, prepare, config.methods.map((_, i) => i), {
    ...opts,
    onEpoch: opts.onEpoch && ((_, ev) => opts.onEpoch!(ev)),
  });
  for (const r of methods) opts.onMethodDone?.(r);
  return summarizePrepared(prep, methods);
}

export function summarizePrepared(prep: PreparedExperiment, methods: MethodResult[]): ExperimentResult {
  return {
    config: prep.config,
    classNames: prep.dataset.classNames,
    trainCounts: prep.trainCounts,
    testCounts: countClasses(prep.test.y, prep.nClasses),
    minorityClass: prep.minorityClass,
    methods,
  };
}
