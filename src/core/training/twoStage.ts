/**
 * The second stage of the decoupled methods, run on a classifier trained by the first stage
 * (instance sampling, cross-entropy). Every variant keeps the representation and returns the
 * classifier the test set is scored with:
 *   crt:             a fresh softmax layer trained on the frozen features with class-balanced sampling
 *   feature-augment: the same, on the features plus virtual tail features (decoupled.ts featureAugment)
 *   tau-norm:        the last layer τ-normalised (no training)
 *   lws:             the last layer's logits rescaled per class, f learned (decoupled.ts)
 * @see Kang, Xie, Rohrbach, Yan, Gordo, Feng & Kalantidis 2020, Decoupling Representation and Classifier for Long-Tailed Recognition, ICLR
 */
import type { ModelSpec } from '../models/modelSpec';
import type { Rng } from '../random';
import type { Labels, Matrix } from '../types';
import { classifierNorms, featureAugment, learnWeightScaling, predictWith, tauNormalize } from './decoupled';
import { trainClassifier, type AbortSignalLike, type EpochEvent, type TrainedClassifier } from './train';

export type SecondStage = 'crt' | 'feature-augment' | 'tau-norm' | 'lws';

export interface SecondStageResult {
  predictProba(X: Matrix): Float32Array;
  /** Epochs of the second stage, numbered after the first stage's. */
  history: EpochEvent[];
  /** ‖w_c‖ of the classifier that scores the test set. */
  norms: number[];
  dispose(): void;
}

export interface SecondStageContext {
  train: { X: Matrix; y: Labels };
  validation?: { X: Matrix; y: Labels };
  nClasses: number;
  model: ModelSpec;
  /** Epochs of the second stage (crt, feature-augment). */
  epochs: number;
  tau: number;
  rng: Rng;
  signal?: AbortSignalLike;
  onEpoch?: (ev: EpochEvent) => void | Promise<void>;
}

export async function runSecondStage(kind: SecondStage, first: TrainedClassifier, ctx: SecondStageContext): Promise<SecondStageResult> {
  const { arch, theta } = first.head;
  const offset = first.history.length;
  const features = (X: Matrix) => first.features(X);
  if (kind === 'tau-norm' || kind === 'lws') {
    const adjusted = kind === 'tau-norm' ? tauNormalize(arch, theta, ctx.tau) : learnWeightScaling(arch, theta, features(ctx.train.X), ctx.train.y).theta;
    return { predictProba: (X) => predictWith(arch, adjusted, features(X)), history: [], norms: classifierNorms(arch, adjusted), dispose() {} };
  }
  let H = features(ctx.train.X);
  let y = ctx.train.y;
  if (kind === 'feature-augment') ({ X: H, y } = featureAugment(H, y, ctx.nClasses, ctx.rng.fork('virtual-features')));
  const history: EpochEvent[] = [];
  const retrained = await trainClassifier({
    X: H,
    y,
    nClasses: ctx.nClasses,
    model: { ...ctx.model, kind: 'logistic', epochs: ctx.epochs },
    // cRT samples classes uniformly; the augmented set is already balanced.
    sampling: kind === 'crt' ? 'class-balanced' : 'instance',
    validation: ctx.validation && ctx.validation.y.length > 0 ? { X: features(ctx.validation.X), y: ctx.validation.y } : undefined,
    rng: ctx.rng.fork('classifier'),
    signal: ctx.signal,
    onEpoch: (ev) => {
      const shifted = { ...ev, epoch: ev.epoch + offset };
      history.push(shifted);
      return ctx.onEpoch?.(shifted);
    },
  });
  return {
    predictProba: (X) => retrained.predictProba(features(X)),
    history,
    norms: classifierNorms(retrained.head.arch, retrained.head.theta),
    dispose: () => retrained.dispose(),
  };
}
