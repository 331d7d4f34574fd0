/**
 * The algorithm-level methods: which member of the loss family each trains with (built from the
 * training class counts), and which post-hoc adjustment of the scores each applies. Pure (no
 * TF.js): the experiment hands the result to the training loop.
 */
import { ConfigError, got } from './errors';
import { classWeightsFor, ldamMargins, logPriors, type WeightScheme } from './losses/classWeights';
import type { ConfusionMetric } from './losses/imbalanceLoss';
import { parseMatrix, type ParamSpec, type ParamValue } from './params';
import type { TrainingLoss } from './training/train';

const CUI = 'Cui, Jia, Lin, Song & Belongie 2019, Class-Balanced Loss Based on Effective Number of Samples, CVPR';
const LIN = 'Lin, Goyal, Girshick, He & Dollár 2017, Focal Loss for Dense Object Detection, ICCV';
const CAO = 'Cao, Wei, Gaidon, Arechiga & Ma 2019, Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss, NeurIPS';
const MENON = 'Menon, Jayasumana, Rawat, Jain, Veit & Kumar 2021, Long-Tail Learning via Logit Adjustment, ICLR';

const betaParam = (def: number): ParamSpec => ({
  name: 'beta',
  kind: 'float',
  label: 'β (effective number)',
  help: 'Class weights w_c ∝ (1 − β)/(1 − β^{n_c}): β = 0 weights every class equally, β → 1 approaches inverse frequency. Cui et al. use 0.9–0.9999.',
  default: def,
  min: 0,
  max: 0.99999,
  step: 0.0001,
  citation: CUI,
});

export const CLASS_WEIGHT_PARAMS: readonly ParamSpec[] = [
  {
    name: 'scheme',
    kind: 'enum',
    label: 'weights',
    help: "inverse: w_c ∝ 1/n_c (scikit-learn's class_weight='balanced'); inverse-sqrt: w_c ∝ 1/√n_c, milder; effective-number: w_c ∝ (1 − β)/(1 − β^{n_c}) (Cui et al. 2019).",
    default: 'inverse',
    options: ['inverse', 'inverse-sqrt', 'effective-number'],
  },
  betaParam(0.999),
];

export const FOCAL_PARAMS: readonly ParamSpec[] = [
  { name: 'gamma', kind: 'float', label: 'γ (focusing)', help: 'Down-weights easy examples by (1 − p_t)^γ; γ = 0 is cross-entropy. Lin et al. found γ = 2 best.', default: 2, min: 0, max: 5, step: 0.1, citation: LIN },
  {
    name: 'alpha',
    kind: 'float',
    label: 'α (minority weight)',
    help: 'Weight of the rarest training class; every other class gets 1 − α. 0.5 = no class weighting (pure focusing). Lin et al. used α = 0.25 with γ = 2 in detection.',
    default: 0.5,
    min: 0.01,
    max: 0.99,
    step: 0.01,
    citation: LIN,
  },
];

export const CB_FOCAL_PARAMS: readonly ParamSpec[] = [betaParam(0.999), { ...FOCAL_PARAMS[0], default: 1 }];

export const LDAM_PARAMS: readonly ParamSpec[] = [
  { name: 'maxMargin', kind: 'float', label: 'max margin', help: 'Margin of the rarest class; class c gets Δ_c ∝ n_c^{−1/4}, subtracted from its logit while training.', default: 0.5, min: 0, max: 5, step: 0.05, citation: CAO },
  {
    name: 'scale',
    kind: 'float',
    label: 'scale s',
    help: 'Logits are multiplied by s after the margin. Cao et al. use s = 30 with a normalised (cosine) last layer; this model’s last layer is not normalised, so its logits already carry their scale and s = 1 is the neutral choice.',
    default: 1,
    min: 0.1,
    max: 30,
    step: 0.1,
    citation: CAO,
  },
  {
    name: 'drwEpoch',
    kind: 'int',
    label: 'DRW switch epoch',
    help: "Deferred re-weighting: plain LDAM until this epoch, class-balanced weights (β = 0.9999) from it on. 'auto' = 80 % of the epochs (epoch 160 of 200 in the paper). Must not be after the last epoch.",
    default: 'auto',
    min: 1,
    max: 1000,
    allowAuto: true,
    citation: CAO,
  },
];

export const LOGIT_ADJUST_PARAMS: readonly ParamSpec[] = [
  { name: 'tau', kind: 'float', label: 'τ', help: 'Logits get + τ·log π_c while training (π = training class priors); τ = 1 is Fisher-consistent for balanced error, τ = 0 is cross-entropy.', default: 1, min: 0, max: 3, step: 0.1, citation: MENON },
];

export const DICE_PARAMS: readonly ParamSpec[] = [
  { name: 'alpha', kind: 'float', label: 'α (self-adjusting)', help: 'Weights each example by (1 − p_t)^α so easy examples fade, as focal loss does; α = 0 is plain dice loss.', default: 1, min: 0, max: 5, step: 0.1 },
  { name: 'smoothing', kind: 'float', label: 'smoothing γ', help: 'Added to numerator and denominator of the dice coefficient; keeps the loss smooth for examples of the negative class.', default: 1, min: 0, max: 5, step: 0.1 },
];

export const ANYLOSS_PARAMS: readonly ParamSpec[] = [
  { name: 'metric', kind: 'enum', label: 'metric', help: 'The metric the loss maximises: macro F1, G-mean or balanced accuracy of a soft confusion matrix.', default: 'f1', options: ['f1', 'gmean', 'balanced-accuracy'] },
  { name: 'amplification', kind: 'float', label: 'amplification L', help: 'Probabilities are pushed towards 0/1 by σ(L·(p − ½)) before the confusion matrix is built; the AnyLoss paper uses L = 73.', default: 73, min: 1, max: 100, step: 1 },
];

export const THRESHOLD_PARAMS: readonly ParamSpec[] = [
  {
    name: 'objective',
    kind: 'enum',
    label: 'maximise on validation',
    help: 'The decision threshold on the minority-class score is the one that maximises this metric on the validation split (never the test split).',
    default: 'f1',
    options: ['f1', 'gmean', 'balanced-accuracy'],
  },
];

const KANG = 'Kang, Xie, Rohrbach, Yan, Gordo, Feng & Kalantidis 2020, Decoupling Representation and Classifier for Long-Tailed Recognition, ICLR';

const stageEpochs = (name: string, label: string, help: string, citation: string): ParamSpec => ({
  name,
  kind: 'int',
  label,
  help: `${help} 'auto' = a quarter of the model's epochs.`,
  default: 'auto',
  min: 1,
  max: 500,
  allowAuto: true,
  citation,
});

export const SAMPLING_PARAMS: readonly ParamSpec[] = [
  {
    name: 'scheme',
    kind: 'enum',
    label: 'sampling',
    help: 'class-balanced: every class equally likely in a batch; square-root: class probability ∝ √n_c; progressive: from instance sampling to class-balanced over the epochs.',
    default: 'class-balanced',
    options: ['class-balanced', 'square-root', 'progressive'],
    citation: KANG,
  },
];

export const CRT_PARAMS: readonly ParamSpec[] = [stageEpochs('retrainEpochs', 'classifier epochs', 'Epochs of the second stage, which re-trains the last layer on frozen features.', KANG)];
export const TAU_NORM_PARAMS: readonly ParamSpec[] = [
  { name: 'tau', kind: 'float', label: 'τ', help: 'Classifier weights are divided by ‖w_c‖^τ after training; τ = 0 leaves them alone, τ = 1 equalises the norms.', default: 1, min: 0, max: 2, step: 0.05, citation: KANG },
];
export const TWO_PHASE_PARAMS: readonly ParamSpec[] = [
  stageEpochs('fineTuneEpochs', 'fine-tune epochs', 'Epochs of the second phase, which fine-tunes the whole network on the original (imbalanced) training data at a tenth of the learning rate.', 'Buda, Maki & Mazurowski 2018, A systematic study of the class imbalance problem in convolutional neural networks, Neural Networks 106'),
];

const ELKAN = 'Elkan 2001, The Foundations of Cost-Sensitive Learning, IJCAI';

export const COST_PARAMS: readonly ParamSpec[] = [
  {
    name: 'costs',
    kind: 'matrix',
    label: 'cost matrix',
    help: "Cost of predicting column j when the true class is row i (classes in the order of the class histogram), e.g. '0,1;5,0': missing class 2 costs five times a false alarm. 'auto': misclassifying class c costs n_max / n_c.",
    default: 'auto',
    allowAuto: true,
    citation: ELKAN,
  },
  {
    name: 'use',
    kind: 'enum',
    label: 'use the costs as',
    help: "loss-weights: each class's cross-entropy is weighted by its mean misclassification cost (rebalancing by cost). decision-rule: train plainly, then predict the class of least expected cost (binary only). Not both: that would count the costs twice (Elkan 2001).",
    default: 'loss-weights',
    options: ['loss-weights', 'decision-rule'],
    citation: ELKAN,
  },
];

/**
 * The cost matrix of a cost-matrix method for C classes: the user's, or 'auto' (cost n_max / n_c
 * for misclassifying class c, 0 on the diagonal).
 * @throws ConfigError when the matrix is not C × C.
 */
export function costMatrixFor(params: Record<string, ParamValue>, trainCounts: readonly number[], classNames?: readonly string[]): number[][] {
  const C = trainCounts.length;
  if (params.costs === 'auto' || params.costs === undefined) {
    const top = Math.max(...trainCounts);
    return trainCounts.map((n, i) => trainCounts.map((_, j) => (i === j ? 0 : top / Math.max(n, 1))));
  }
  const m = parseMatrix(params.costs, 'costs');
  if (m.length !== C) {
    const names = classNames ? ` (${classNames.join(', ')})` : '';
    throw new ConfigError(`costs must be a ${C} × ${C} matrix, one row and one column per class${names}. Got ${m.length} × ${m.length} instead.`, 'costs');
  }
  return m;
}

/** Which member of the family a loss method trains with, from its parameters and the training counts. */
export function trainingLossFor(id: string, params: Record<string, ParamValue>, trainCounts: readonly number[], epochs: number): TrainingLoss | null {
  const num = (k: string) => Number(params[k]);
  switch (id) {
    case 'class-weight':
      return { kind: 'family', loss: { classWeights: classWeightsFor(trainCounts, (params.scheme ?? 'inverse') as WeightScheme, num('beta') || 0.999), term: { kind: 'ce' } } };
    case 'focal': {
      const alpha = Number(params.alpha ?? 0.5);
      const rare = trainCounts.indexOf(Math.min(...trainCounts.filter((c) => c > 0)));
      return { kind: 'family', loss: { classWeights: trainCounts.map((_, c) => (c === rare ? alpha : 1 - alpha)), term: { kind: 'focal', gamma: num('gamma') } } };
    }
    case 'cb-focal':
      return { kind: 'family', loss: { classWeights: classWeightsFor(trainCounts, 'effective-number', num('beta')), term: { kind: 'focal', gamma: num('gamma') } } };
    case 'ldam-drw': {
      const drwEpoch = plannedSwitchEpoch({ id, params }, epochs)!;
      if (drwEpoch > epochs) {
        throw new ConfigError(`The DRW switch epoch must be between 1 and the number of epochs (${epochs}): later, the re-weighting never happens. Lower it or use 'auto'. Got ${got(drwEpoch)} instead.`, 'drwEpoch');
      }
      return {
        kind: 'family',
        loss: { margins: ldamMargins(trainCounts, num('maxMargin')), scale: num('scale'), term: { kind: 'ce' } },
        drw: { epoch: drwEpoch, classWeights: classWeightsFor(trainCounts, 'effective-number', 0.9999) },
      };
    }
    case 'balanced-softmax':
      return { kind: 'family', loss: { logitOffsets: trainCounts.map((n) => Math.log(Math.max(n, 0.5))), term: { kind: 'ce' } } };
    case 'logit-adjusted-loss':
      return { kind: 'family', loss: { logitOffsets: logPriors(trainCounts).map((v) => num('tau') * v), term: { kind: 'ce' } } };
    case 'dice':
      return { kind: 'family', loss: { term: { kind: 'dice', alpha: num('alpha'), smoothing: num('smoothing') } } };
    case 'cost-matrix': {
      const costs = costMatrixFor(params, trainCounts);
      if (params.use === 'decision-rule') return null;
      const weights = costs.map((row, i) => row.reduce((a, v, j) => (j === i ? a : a + v), 0) / (row.length - 1));
      if (weights.every((w) => w === 0)) throw new ConfigError('costs must have at least one positive cost off the diagonal. Got all zeros instead.', 'costs');
      return { kind: 'family', loss: { classWeights: weights, term: { kind: 'ce' } } };
    }
    case 'anyloss':
      return { kind: 'confusion', metric: params.metric as ConfusionMetric, amplification: num('amplification') };
    default:
      return null;
  }
}

/** The DRW switch epoch a method will use (before training: no class counts needed); null for methods without one. */
export function plannedSwitchEpoch(spec: { id: string; params: Record<string, ParamValue> }, epochs: number): number | null {
  if (spec.id !== 'ldam-drw') return null;
  return spec.params.drwEpoch === 'auto' || spec.params.drwEpoch === undefined ? Math.max(1, Math.round(0.8 * epochs)) : Number(spec.params.drwEpoch);
}

/** Epochs of a two-stage method's second stage ('auto' = a quarter of the first stage's, at least 1); 0 for one-stage methods. */
export function secondStageEpochs(spec: { id: string; params: Record<string, ParamValue> }, epochs: number): number {
  const key = spec.id === 'two-phase' ? 'fineTuneEpochs' : spec.id === 'crt' || spec.id === 'feature-augment' ? 'retrainEpochs' : null;
  if (!key) return 0;
  const v = spec.params[key];
  return v === 'auto' || v === undefined ? Math.max(1, Math.round(epochs / 4)) : Number(v);
}

/**
 * What the loss curve of a method shows beyond its epochs: the total number of epochs (both
 * stages), and a marker where the loss or the phase changes (DRW switch, start of stage 2).
 */
export function trainingSchedule(spec: { id: string; params: Record<string, ParamValue> }, epochs: number): { totalEpochs: number; marker: { epoch: number; label: string } | null } {
  const drw = plannedSwitchEpoch(spec, epochs);
  if (drw !== null) return { totalEpochs: epochs, marker: { epoch: drw, label: 'DRW' } };
  const second = secondStageEpochs(spec, epochs);
  if (second > 0) return { totalEpochs: epochs + second, marker: { epoch: epochs + 1, label: spec.id === 'two-phase' ? 'fine-tune' : 'retrain classifier' } };
  return { totalEpochs: epochs, marker: null };
}
