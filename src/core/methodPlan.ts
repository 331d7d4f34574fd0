/**
 * One method of an experiment, before and after its training: planning (its data, loss, checks
 * and the options of its first training run) and finishing (second stage, post-hoc adjustment,
 * test scores, metrics, decision grid). experiment.ts trains the plans — alone, in batched groups,
 * or sharing an identical first run — between the two.
 */
import { applyScaler } from './data/scaler';
import { CancelledError, ConfigError, DataError, TrainingDivergedError } from './errors';
import { costMatrixFor, secondStageEpochs, trainingLossFor, trainingSchedule } from './lossMethods';
import { resamplers } from './resampling/registry';
import { classifierNorms, simplexEtf } from './training/decoupled';
import { augmentImage } from './data/images/augment';
import type { SamplingScheme } from './training/sampling';
import { runSecondStage, type SecondStageResult } from './training/twoStage';
import { applyThreshold, chooseThreshold, logitAdjustScores, type ThresholdObjective } from './posthoc/adjust';
import { METHODS, methodLabel, type MethodSpec } from './methods';
import { summarizeClassification } from './metrics';
import { createRng } from './random';
import { methodData, toOriginalUnits, type PreparedExperiment } from './protocol';
import { trainClassifier, type EpochEvent, type TrainedClassifier, type TrainOptions } from './training/train';
import { groupable as groupableLoss } from './training/trainGroup';
import { countClasses, type Labels, type Matrix } from './types';
import type { DecisionGrid, MethodError, MethodResult, RunMethodOptions } from './experiment';

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

export function describeError(err: unknown): MethodError {
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
export interface MethodPlan {
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

export function planMethod(prep: PreparedExperiment, index: number, base: MethodResult, now: () => number): MethodPlan {
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

export function emptyBase(prep: PreparedExperiment, index: number): MethodResult {
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
export async function finishMethod(prep: PreparedExperiment, plan: MethodPlan, trained: TrainedClassifier, opts: RunMethodOptions, now: () => number): Promise<MethodResult> {
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
export function failed(base: MethodResult, err: unknown): MethodResult {
  if (err instanceof CancelledError) throw err;
  return { ...base, status: 'error', error: describeError(err) };
}

/** A randomly over-sampled, class-balanced copy of the training split (two-phase training's first phase). */
function balancedCopy(prep: PreparedExperiment, train: { X: Matrix; y: Labels }): { X: Matrix; y: Labels } {
  const r = resamplers['random-over'].resample(train.X, train.y, { samplingStrategy: 'not majority' } as never, createRng(prep.config.seed).fork('two-phase'));
  return { X: r.X, y: r.y };
}
