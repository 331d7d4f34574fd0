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
import { applyScaler } from './data/scaler';
import { CancelledError, ConfigError, DataError, TrainingDivergedError } from './errors';
import type { ExperimentConfig } from './config';
import { costMatrixFor, secondStageEpochs, trainingLossFor, trainingSchedule } from './lossMethods';
import { resamplers } from './resampling/registry';
import { classifierNorms, simplexEtf } from './training/decoupled';
import { augmentImage } from './data/images/augment';
import type { SamplingScheme } from './training/sampling';
import { runSecondStage, type SecondStageResult } from './training/twoStage';
import { applyThreshold, chooseThreshold, logitAdjustScores, type ThresholdObjective } from './posthoc/adjust';
import { METHODS, methodLabel, type MethodSpec } from './methods';
import { metricSpread, summarizeClassification, type MeanStd, type MetricSummary, type SpreadMetric } from './metrics';
import { createRng } from './random';
import { balancedReference, methodData, prepareExperiment, splitCount, toOriginalUnits, type LoadedData, type PreparedExperiment } from './protocol';
import { trainClassifier, type AbortSignalLike, type EpochEvent, type TrainedClassifier, type TrainOptions } from './training/train';
import { batchedOn, groupable as groupableLoss, trainClassifierGroup, type GroupOutcome } from './training/trainGroup';
import { countClasses, type Labels, type Matrix } from './types';

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

function gridFor(prep: PreparedExperiment, scaler: PreparedExperiment['scaler'], resolution: number): { grid: Omit<DecisionGrid, 'probs'>; X: Matrix } {
  const { X } = prep.dataset;
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  for (let i = 0; i < X.rows; i++) {
    const a = X.data[i * 2], b = X.data[i * 2 + 1];
    if (a < xMin) xMin = a;
    if (a > xMax) xMax = a;
    if (b < yMin) yMin = b;
    if (b > yMax) yMax = b;
  }
  const padX = (xMax - xMin) * 0.05 || 1, padY = (yMax - yMin) * 0.05 || 1;
  xMin -= padX; xMax += padX; yMin -= padY; yMax += padY;
  const pts = new Float32Array(resolution * resolution * 2);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const k = (r * resolution + c) * 2;
      pts[k] = xMin + ((c + 0.5) / resolution) * (xMax - xMin);
      pts[k + 1] = yMin + ((r + 0.5) / resolution) * (yMax - yMin);
    }
  }
  return { grid: { xMin, xMax, yMin, yMax, resolution }, X: applyScaler({ data: pts, rows: resolution * resolution, cols: 2 }, scaler) };
}

/**
 * The augmentation hook of the trainer (model.augment): un-standardise the row, augment the image
 * in pixel units, standardise again. 'tail': only rows of classes with fewer training rows than
 * the median class. Undefined when augmentation is off.
 */
function augmenterFor(prep: PreparedExperiment, train: { X: Matrix; y: Labels }, scaler: PreparedExperiment['scaler'], rng: ReturnType<typeof createRng>) {
  const m = prep.config.model;
  if (m.augment === 'none') return undefined;
  const shape = prep.source.imageShape;
  if (!shape) throw new ConfigError(`Image augmentation needs an image set; this dataset is ${prep.source.kind === 'synthetic' ? 'generated 2-D data' : 'a table'}. Set 'augment images' to none. Got '${m.augment}' instead.`, 'model.augment');
  const counts = countClasses(train.y, prep.nClasses);
  const sorted = [...counts].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const ops = { flip: m.flip, shift: m.shift, rotate: m.rotate, noise: m.noise };
  const d = train.X.cols;
  const raw = new Float64Array(d);
  const aug = new Float64Array(d);
  return (row: number, out: Float32Array) => {
    const src = train.X.data;
    const o = row * d;
    if (m.augment === 'tail' && counts[train.y[row]] >= median) {
      for (let j = 0; j < d; j++) out[j] = src[o + j];
      return;
    }
    for (let j = 0; j < d; j++) raw[j] = src[o + j] * scaler.scale[j] + scaler.mean[j];
    augmentImage(raw, shape, ops, rng, aug);
    for (let j = 0; j < d; j++) out[j] = (aug[j] - scaler.mean[j]) / (scaler.scale[j] || 1);
  };
}

/** The simplex ETF last layer for the config's MLP (its last hidden layer's width × C). */
function etfFor(prep: PreparedExperiment, rng: ReturnType<typeof createRng>) {
  const m = prep.config.model;
  if (m.kind !== 'mlp' || m.hiddenLayers < 1) {
    throw new ConfigError(`A fixed ETF classifier sits on a learned representation: use the MLP model with at least one hidden layer. Got model '${m.kind}' instead.`, 'model.kind');
  }
  return simplexEtf(m.width, prep.nClasses, rng.fork('etf'));
}

/** Threshold moving needs two classes and a validation split to choose the threshold on. */
function assertThresholdable(prep: PreparedExperiment, validationY: Labels): void {
  if (prep.nClasses !== 2) {
    throw new ConfigError(`Threshold moving works on two classes; this data has ${prep.nClasses}. Use prior correction or logit adjustment for more classes. Got ${prep.nClasses} classes instead.`);
  }
  if (validationY.length === 0) {
    throw new ConfigError('Threshold moving chooses its threshold on the validation split, and it is empty. Set the validation fraction above 0. Got 0 validation rows instead.');
  }
}

function describeError(err: unknown): MethodError {
  if (err instanceof DataError || err instanceof ConfigError || err instanceof TrainingDivergedError) {
    return { name: err.name, message: err.message, unexpected: false };
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, unexpected: true };
}

/**
 * Everything a method decides before training: its data (resampled or not), loss, checks, the
 * training options of its first (or only) training run, and the result it fills in. Planning
 * throws the method's data / config problems; training is separate so that methods that differ
 * only in their loss can train as one group (training/trainGroup.ts).
 */
interface MethodPlan {
  index: number;
  method: MethodSpec;
  base: MethodResult;
  data: ReturnType<typeof methodData>;
  costs: number[][] | null;
  trainRng: ReturnType<typeof createRng>;
  /** The first training run (without signal and progress). */
  train: Omit<TrainOptions, 'signal' | 'onEpoch'>;
  /** Whether `train` can be a member of a group: an MLP / logistic regression on the split's own rows, a row-wise loss, no fixed layer, no augmentation. */
  groupable: boolean;
  /** When planning started, and when the data was ready (resampling time). */
  t1: number;
}

function planMethod(prep: PreparedExperiment, index: number, base: MethodResult, now: () => number): MethodPlan {
  const method = prep.config.methods[index];
  const t0 = now();
  const data = methodData(prep, method);
  const t1 = now();
  const { resampled } = data;
  base.trainCountsBefore = data.trainCountsBefore;
  base.trainCountsAfter = countClasses(data.train.y, prep.nClasses);
  base.testY = data.test.y;
  if (data.test === prep.test) base.testRows = prep.split.test;
  base.timings.resampleMs = t1 - t0;
  const rows: number[] = [];
  if (resampled) for (let i = 0; i < resampled.origin.length; i++) if (resampled.origin[i] < 0) rows.push(i);
  if (resampled && rows.length > 0 && prep.source.raw2d) {
    base.synthetic = {
      X: toOriginalUnits(resampled.X, rows, data.scaler),
      parents: Int32Array.from(rows.flatMap((r) => [resampled.parents[2 * r], resampled.parents[2 * r + 1]]), (p) => (p >= 0 ? data.inputRowToDataset(p) : -1)),
    };
  }
  const def = METHODS[method.id];
  const epochs = prep.config.model.epochs;
  const loss = def.loss ? trainingLossFor(method.id, method.params, base.trainCountsAfter, epochs) : null;
  base.marker = trainingSchedule(method, epochs).marker ?? undefined;
  if (def.posthoc === 'threshold') assertThresholdable(prep, data.validation.y);
  const costs = method.id === 'cost-matrix' ? costMatrixFor(method.params, base.trainCountsAfter, prep.dataset.classNames) : null;
  if (costs && method.params.use === 'decision-rule' && prep.nClasses !== 2) {
    throw new ConfigError(`The cost decision rule is implemented for two classes; this data has ${prep.nClasses}. Use the costs as loss weights instead. Got ${prep.nClasses} classes instead.`, 'use');
  }
  // Split 0 trains from the 'train' stream; every further split (repeat / fold) from its own
  // fork, so repeats are repeats over training seeds too, not only over data splits.
  const trainRng = prep.splitIndex === 0 ? createRng(prep.config.seed).fork('train') : createRng(prep.config.seed).fork('train').fork(`split:${prep.splitIndex}`);
  if (def.stage === 'two-phase' && prep.config.model.kind === 'cnn') {
    throw new ConfigError("Two-phase training fine-tunes the MLP; pick the MLP model (the CNN's fine-tuning is not available yet). Got model 'cnn' instead.", 'model.kind');
  }
  // Two-phase (Buda et al.): the first phase trains on a randomly over-sampled, balanced copy.
  const first = def.stage === 'two-phase' ? balancedCopy(prep, data.train) : data.train;
  const train: MethodPlan['train'] = {
    X: first.X,
    y: first.y,
    nClasses: prep.nClasses,
    model: prep.config.model,
    loss: loss ?? undefined,
    sampling: def.sampling ? (method.params.scheme as SamplingScheme) : undefined,
    fixedClassifier: def.fixedClassifier ? etfFor(prep, trainRng) : undefined,
    transformRow: augmenterFor(prep, first, data.scaler, trainRng.fork('augment')),
    imageShape: prep.source.imageShape,
    validation: data.validation.y.length > 0 ? data.validation : undefined,
    rng: trainRng,
  };
  const groupable = prep.config.model.kind !== 'cnn' && !train.fixedClassifier && !train.transformRow && groupableLoss(train.loss);
  return { index, method, base, data, costs, trainRng, train, groupable, t1 };
}

function emptyBase(prep: PreparedExperiment, index: number): MethodResult {
  const method = prep.config.methods[index];
  return {
    index,
    method,
    label: methodLabel(method),
    status: 'done',
    trainCountsBefore: prep.trainCounts,
    trainCountsAfter: prep.trainCounts,
    history: [],
    testScores: new Float32Array(0),
    testY: prep.test.y,
    timings: { resampleMs: 0, trainMs: 0 },
  };
}

/**
 * After the first training run: the method's second stage (two-phase fine-tuning or a decoupled
 * classifier), its post-hoc adjustment, test scores, metrics and decision grid. Takes ownership
 * of `trained` (disposes it).
 */
async function finishMethod(prep: PreparedExperiment, plan: MethodPlan, trained: TrainedClassifier, opts: RunMethodOptions, now: () => number): Promise<MethodResult> {
  const { base, data, method, costs, trainRng } = plan;
  const def = METHODS[method.id];
  const epochs = prep.config.model.epochs;
  let model = trained;
  let second: SecondStageResult | null = null;
  const record = (ev: EpochEvent) => {
    base.history.push(ev);
    return opts.onEpoch?.(ev);
  };
  try {
    let predict = (X: Matrix) => model.predictProba(X);
    if (model.trainedOn) base.trainedOn = model.trainedOn;
    base.classifierNorms = classifierNorms(model.head.arch, model.head.theta);
    if (def.stage === 'two-phase') {
      if (!model.theta) throw new Error('Two-phase training needs the MLP parameters of its first phase.');
      const offset = model.history.length;
      const tuned = await trainClassifier({
        X: data.train.X,
        y: data.train.y,
        nClasses: prep.nClasses,
        model: { ...prep.config.model, epochs: secondStageEpochs(method, epochs), learningRate: prep.config.model.learningRate / 10 },
        initialParams: model.theta,
        validation: data.validation.y.length > 0 ? data.validation : undefined,
        rng: trainRng.fork('fine-tune'),
        signal: opts.signal,
        onEpoch: (ev) => record({ ...ev, epoch: ev.epoch + offset }),
      });
      model.dispose();
      model = tuned;
      base.classifierNorms = classifierNorms(model.head.arch, model.head.theta);
    } else if (def.stage) {
      second = await runSecondStage(def.stage, model, {
        train: data.train,
        validation: data.validation,
        nClasses: prep.nClasses,
        model: prep.config.model,
        epochs: secondStageEpochs(method, epochs),
        tau: Number(method.params.tau ?? 1),
        rng: trainRng.fork('second-stage'),
        signal: opts.signal,
        onEpoch: record,
      });
      const stage2 = second;
      predict = (X) => stage2.predictProba(X);
      base.classifierNorms = stage2.norms;
    }
    base.timings.trainMs = now() - plan.t1;
    base.testScores = predict(data.test.X);
    if (def.posthoc === 'logit-adjust') {
      base.testScores = logitAdjustScores(base.testScores, base.trainCountsAfter, method.id === 'prior-correction' ? 1 : Number(method.params.tau));
    } else if (def.posthoc === 'cost' && costs && method.params.use === 'decision-rule') {
      // Predict class 1 when p₁·cost₁₀ ≥ p₀·cost₀₁, i.e. p₁ ≥ cost₀₁ / (cost₀₁ + cost₁₀).
      const t = costs[0][1] + costs[1][0] > 0 ? costs[0][1] / (costs[0][1] + costs[1][0]) : 0.5;
      base.threshold = t;
      base.testScores = applyThreshold(base.testScores, 1, t);
    } else if (def.posthoc === 'threshold') {
      const chosen = chooseThreshold(predict(data.validation.X), data.validation.y, prep.minorityClass, method.params.objective as ThresholdObjective);
      base.threshold = chosen.threshold;
      base.testScores = applyThreshold(base.testScores, prep.minorityClass, chosen.threshold);
    }
    base.metrics = summarizeClassification(data.test.y, base.testScores, prep.nClasses, { minorityClass: prep.minorityClass });
    const resolution = opts.gridResolution ?? 64;
    if (resolution > 0 && prep.source.raw2d) {
      const { grid, X: gridX } = gridFor(prep, data.scaler, resolution);
      base.grid = { ...grid, probs: predict(gridX) };
    }
    return base;
  } finally {
    model.dispose();
    second?.dispose();
  }
}

/** A method's failure as its result (data, config and divergence problems); cancellation is rethrown. */
function failed(base: MethodResult, err: unknown): MethodResult {
  if (err instanceof CancelledError) throw err;
  return { ...base, status: 'error', error: describeError(err) };
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

/** A randomly over-sampled, class-balanced copy of the training split (two-phase training's first phase). */
function balancedCopy(prep: PreparedExperiment, train: { X: Matrix; y: Labels }): { X: Matrix; y: Labels } {
  const r = resamplers['random-over'].resample(train.X, train.y, { samplingStrategy: 'not majority' } as never, createRng(prep.config.seed).fork('two-phase'));
  return { X: r.X, y: r.y };
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
