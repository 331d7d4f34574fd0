/**
 * The rebalancing methods a user can pick, as data: what each one does to the training split
 * (a resampler, class weights in the loss, or nothing), its parameters, a one-paragraph
 * explanation and the paper. Resampling methods come from the resampler registry, so a new
 * resampler appears everywhere (UI, URL, CLI, pipeline) once registered and explained in
 * methodText.ts.
 */
import { METHOD_TEXT, type MethodFamily } from './methodText';
import type { ParamSpec, ParamValue } from './params';
import { RESAMPLER_IDS, resamplers, type ResamplerId } from './resampling/registry';
import {
  ANYLOSS_PARAMS,
  CB_FOCAL_PARAMS,
  CLASS_WEIGHT_PARAMS,
  DICE_PARAMS,
  FOCAL_PARAMS,
  LDAM_PARAMS,
  LOGIT_ADJUST_PARAMS,
  THRESHOLD_PARAMS,
  COST_PARAMS,
  SAMPLING_PARAMS,
  CRT_PARAMS,
  TAU_NORM_PARAMS,
  TWO_PHASE_PARAMS,
} from './lossMethods';

export type { MethodFamily } from './methodText';
export type LossMethodId = 'cost-matrix' | 'class-weight' | 'focal' | 'cb-focal' | 'ldam-drw' | 'balanced-softmax' | 'logit-adjusted-loss' | 'dice' | 'anyloss';
export type PosthocMethodId = 'prior-correction' | 'posthoc-logit-adjust' | 'threshold-moving';
export type StageMethodId = 'etf-classifier' | 'balanced-sampling' | 'two-phase' | 'crt' | 'feature-augment' | 'tau-norm' | 'lws';
export type MethodId = 'none' | ResamplerId | LossMethodId | StageMethodId | PosthocMethodId;

export interface MethodDef {
  id: MethodId;
  label: string;
  family: MethodFamily;
  /** One paragraph shown next to the method. */
  summary: string;
  citation: string;
  params: readonly ParamSpec[];
  /** Resampler applied to the training split (registry id in core/resampling). */
  resampler?: ResamplerId;
  /** Trains with a member of the loss family (lossMethods.ts `trainingLossFor`). */
  loss?: true;
  /** Adjusts the trained model's scores: by the class priors (logit adjustment), or by a threshold chosen on validation. */
  posthoc?: 'logit-adjust' | 'threshold' | 'cost';
  /** Samples training batches by class (params.scheme, training/sampling.ts). */
  sampling?: true;
  /** Trains the representation under a fixed last layer (a simplex equiangular tight frame). */
  fixedClassifier?: 'simplex-etf';
  /** A second training stage (two-phase fine-tuning, or a decoupled classifier on the first stage's features). */
  stage?: 'two-phase' | 'crt' | 'feature-augment' | 'tau-norm' | 'lws';
  /** Data the method needs: categorical columns (the 2-D playground data has none). */
  requires?: 'categorical';
}

export interface MethodSpec {
  id: MethodId;
  params: Record<string, ParamValue>;
}

/**
 * Protocol switch of every resampling method (not a resampler parameter): resample the whole
 * dataset before the train/test split — the classic leakage mistake, kept as a teaching toggle.
 */
export const LEAK_PARAM: ParamSpec = {
  name: 'leakBeforeSplit',
  kind: 'bool',
  label: 'resample before split (leaky)',
  help: 'Resample the whole dataset before splitting it, as a common mistake does: copies and synthetic neighbours of training points end up in the test split and inflate the score. Off = resample the training split only (the honest protocol).',
  default: false,
  citation: 'Santos et al. 2018, Cross-Validation for Imbalanced Datasets: Avoiding Overoptimistic and Overfitting Approaches, IEEE Computational Intelligence Magazine 13(4)',
};

export const FAMILY_LABELS: Record<MethodFamily, string> = {
  baseline: 'Baseline',
  'over-sampling': 'Over-sampling',
  'under-sampling': 'Under-sampling',
  cleaning: 'Cleaning (under-sampling)',
  combined: 'Over-sampling + cleaning',
  'cost-sensitive': 'Cost-sensitive loss',
  loss: 'Imbalance-aware loss',
  sampling: 'Batch sampling',
  'two-stage': 'Two-stage / decoupled',
  'post-hoc': 'Post-hoc adjustment',
};

function resamplerMethod(id: ResamplerId): MethodDef {
  const entry = resamplers[id];
  const text = METHOD_TEXT[id];
  if (!text) throw new Error(`Resampler '${id}' has no explanation in methodText.ts.`);
  return { id, label: entry.label, family: text.family, summary: text.summary, citation: entry.citation, params: [...entry.params, LEAK_PARAM], resampler: id, requires: text.requires };
}

export const METHODS: Record<MethodId, MethodDef> = {
  none: {
    id: 'none',
    label: 'No rebalancing',
    family: 'baseline',
    summary:
      'Trains on the training split exactly as it is, with plain cross-entropy. With skewed classes the loss is dominated by the majority, so the model can reach high accuracy while rarely predicting the minority: this is the baseline every other method is measured against.',
    citation: 'He & Garcia 2009, Learning from Imbalanced Data, IEEE TKDE 21(9)',
    params: [],
  },
  ...(Object.fromEntries(RESAMPLER_IDS.map((id) => [id, resamplerMethod(id)])) as Record<ResamplerId, MethodDef>),
  'class-weight': {
    id: 'class-weight',
    label: 'Class-weighted loss',
    family: 'cost-sensitive',
    summary:
      "Keeps the data as it is but weights each sample's cross-entropy by a weight of its class: inverse frequency w_c ∝ 1/n_c (scikit-learn's class_weight='balanced'), its square root, or the inverse effective number of samples (1 − β)/(1 − β^{n_c}) of Cui et al. Every class then contributes more equally to the loss, which pushes the boundary away from the minority without creating or discarding any rows.",
    citation: 'King & Zeng 2001, Logistic Regression in Rare Events Data, Political Analysis 9(2); Elkan 2001, The Foundations of Cost-Sensitive Learning; Cui et al. 2019, Class-Balanced Loss Based on Effective Number of Samples, CVPR',
    params: CLASS_WEIGHT_PARAMS,
    loss: true,
  },
  'cost-matrix': {
    id: 'cost-matrix',
    label: 'Cost matrix',
    family: 'cost-sensitive',
    summary:
      'You say what each mistake costs (row = true class, column = predicted class). The costs either weight each class’s cross-entropy by its mean misclassification cost, or leave training alone and predict the class of least expected cost, Σ_c p_c · cost[c][j] — for two classes, moving the threshold to cost₀₁ / (cost₀₁ + cost₁₀).',
    citation: 'Elkan 2001, The Foundations of Cost-Sensitive Learning, IJCAI; Ling & Sheng 2008, Cost-Sensitive Learning and the Class Imbalance Problem, Encyclopedia of Machine Learning',
    params: COST_PARAMS,
    loss: true,
    posthoc: 'cost',
  },
  focal: {
    id: 'focal',
    label: 'Focal loss',
    family: 'loss',
    summary:
      'Multiplies each sample’s cross-entropy by (1 − p_t)^γ, where p_t is the probability given to the true class: examples the model already gets right fade out, so the many easy majority examples stop dominating the gradient. α weights the rarest class against the rest.',
    citation: 'Lin, Goyal, Girshick, He & Dollár 2017, Focal Loss for Dense Object Detection, ICCV',
    params: FOCAL_PARAMS,
    loss: true,
  },
  'cb-focal': {
    id: 'cb-focal',
    label: 'Class-balanced focal loss',
    family: 'loss',
    summary:
      'Focal loss whose class weights are the inverse "effective number of samples" (1 − β)/(1 − β^{n_c}): adding more samples of a class has diminishing returns because they overlap, so the weights sit between no re-weighting (β = 0) and inverse frequency (β → 1).',
    citation: 'Cui, Jia, Lin, Song & Belongie 2019, Class-Balanced Loss Based on Effective Number of Samples, CVPR',
    params: CB_FOCAL_PARAMS,
    loss: true,
  },
  'ldam-drw': {
    id: 'ldam-drw',
    label: 'LDAM-DRW',
    family: 'loss',
    summary:
      'Label-distribution-aware margins: while training, the true class’s logit is lowered by a margin Δ_c ∝ n_c^{−1/4}, so rare classes must be won by a wider margin and generalise better. Deferred re-weighting keeps plain LDAM for most of training (to learn good features) and switches to class-balanced weights for the last epochs (marked on the loss curve).',
    citation: 'Cao, Wei, Gaidon, Arechiga & Ma 2019, Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss, NeurIPS',
    params: LDAM_PARAMS,
    loss: true,
  },
  'balanced-softmax': {
    id: 'balanced-softmax',
    label: 'Balanced softmax',
    family: 'loss',
    summary:
      'Adds log n_c to every logit while training, so the softmax models the training (skewed) label distribution; at test time the plain logits are used, which corresponds to a balanced label distribution. It removes the bias towards head classes without re-weighting samples.',
    citation: 'Ren, Yu, Ma, Zhao, Yi & Li 2020, Balanced Meta-Softmax for Long-Tailed Visual Recognition, NeurIPS',
    params: [],
    loss: true,
  },
  'logit-adjusted-loss': {
    id: 'logit-adjusted-loss',
    label: 'Logit-adjusted loss',
    family: 'loss',
    summary:
      'Adds τ·log π_c (π = training class priors) to every logit while training and predicts with the plain logits. With τ = 1 this is balanced softmax; the adjustment makes the loss consistent for the balanced error, the error that weighs every class equally.',
    citation: 'Menon, Jayasumana, Rawat, Jain, Veit & Kumar 2021, Long-Tail Learning via Logit Adjustment, ICLR',
    params: LOGIT_ADJUST_PARAMS,
    loss: true,
  },
  dice: {
    id: 'dice',
    label: 'Self-adjusting dice loss',
    family: 'loss',
    summary:
      'Replaces cross-entropy by 1 − dice coefficient of each example, an F1-like score that does not reward the many easy negatives; the self-adjusting factor (1 − p_t)^α further lets well-classified examples fade, as focal loss does.',
    citation: 'Li, Sun, Meng, Liang, Wu & Li 2020, Dice Loss for Data-imbalanced NLP Tasks, ACL',
    params: DICE_PARAMS,
    loss: true,
  },
  anyloss: {
    id: 'anyloss',
    label: 'Confusion-matrix loss (AnyLoss)',
    family: 'loss',
    summary:
      'Builds a differentiable confusion matrix of each batch from amplified probabilities σ(L·(p − ½)) and minimises 1 − F1 (or G-mean, or balanced accuracy) of it: the model is trained directly on the metric used to judge it.',
    citation: 'Han, Lee & Kim 2024, AnyLoss: Transforming Classification Metrics into Loss Functions, KDD',
    params: ANYLOSS_PARAMS,
    loss: true,
  },
  'etf-classifier': {
    id: 'etf-classifier',
    label: 'Fixed simplex ETF classifier',
    family: 'two-stage',
    summary:
      'The last layer is fixed before training to a simplex equiangular tight frame: one unit vector per class, all at the same maximal angle from each other — the shape a classifier reaches on balanced data (neural collapse). Only the representation learns, so head classes cannot enlarge their share of the feature space, which is how imbalance distorts a learned classifier ("minority collapse").',
    citation: 'Papyan, Han & Donoho 2020, Prevalence of neural collapse during the terminal phase of deep learning training, PNAS; Yang, Chen, Li, Xie, Lin & Tao 2022, Inducing Neural Collapse in Imbalanced Learning: Do We Really Need a Learnable Classifier at the End of Deep Neural Network?, NeurIPS',
    params: [],
    fixedClassifier: 'simplex-etf',
  },
  'balanced-sampling': {
    id: 'balanced-sampling',
    label: 'Class-balanced sampling',
    family: 'sampling',
    summary:
      'Keeps the data but changes which rows each epoch visits: classes are drawn equally often (class-balanced), in proportion to √n_c (square-root), or gradually from instance to class-balanced sampling (progressive), and a row of the class is then drawn at random. Like random over-sampling, but without a fixed enlarged copy of the data.',
    citation: 'Kang, Xie, Rohrbach, Yan, Gordo, Feng & Kalantidis 2020, Decoupling Representation and Classifier for Long-Tailed Recognition, ICLR; Mahajan et al. 2018, Exploring the Limits of Weakly Supervised Pretraining, ECCV',
    params: SAMPLING_PARAMS,
    sampling: true,
  },
  'two-phase': {
    id: 'two-phase',
    label: 'Two-phase training',
    family: 'two-stage',
    summary:
      'Phase one trains on a randomly over-sampled, balanced copy of the training data; phase two fine-tunes the whole network on the original data at a tenth of the learning rate. The network learns features without the majority’s dominance, then recalibrates to the true class frequencies.',
    citation: 'Buda, Maki & Mazurowski 2018, A systematic study of the class imbalance problem in convolutional neural networks, Neural Networks 106',
    params: TWO_PHASE_PARAMS,
    stage: 'two-phase',
  },
  crt: {
    id: 'crt',
    label: 'Classifier re-training (cRT)',
    family: 'two-stage',
    summary:
      'Stage one trains the network as usual (instance sampling). Stage two freezes the learned representation and trains a fresh last layer on it with class-balanced sampling. Kang et al. found that representations are best learned with instance sampling, and the bias towards head classes sits mostly in the classifier.',
    citation: 'Kang, Xie, Rohrbach, Yan, Gordo, Feng & Kalantidis 2020, Decoupling Representation and Classifier for Long-Tailed Recognition, ICLR',
    params: CRT_PARAMS,
    stage: 'crt',
  },
  'tau-norm': {
    id: 'tau-norm',
    label: 'τ-normalised classifier',
    family: 'two-stage',
    summary:
      'After ordinary training, each class’s last-layer weight vector is divided by its norm to the power τ (biases dropped). Head classes grow larger weight norms under instance sampling; equalising the norms removes that bias without any retraining — see the weight-norm view.',
    citation: 'Kang, Xie, Rohrbach, Yan, Gordo, Feng & Kalantidis 2020, Decoupling Representation and Classifier for Long-Tailed Recognition, ICLR',
    params: TAU_NORM_PARAMS,
    stage: 'tau-norm',
  },
  lws: {
    id: 'lws',
    label: 'Learnable weight scaling (LWS)',
    family: 'two-stage',
    summary:
      'After ordinary training, only one scale per class is learned: logits_c = f_c·(w_c·h + b_c), fitted on the frozen training features with class-balanced weighting. A learned version of τ-normalisation with C parameters.',
    citation: 'Kang, Xie, Rohrbach, Yan, Gordo, Feng & Kalantidis 2020, Decoupling Representation and Classifier for Long-Tailed Recognition, ICLR',
    params: [],
    stage: 'lws',
  },
  'feature-augment': {
    id: 'feature-augment',
    label: 'Tail feature augmentation',
    family: 'two-stage',
    summary:
      'After ordinary training, each tail class gets virtual feature vectors drawn from a Gaussian around its mean whose spread borrows from its nearest better-populated classes (few samples estimate a spread badly), until every class is as large as the largest; then a fresh last layer is trained on real plus virtual features.',
    citation: 'Yang, Liu & Xu 2021, Free Lunch for Few-shot Learning: Distribution Calibration, ICLR; the representation calibration of RCAL (2022) and the virtual features of LMD (2025)',
    params: CRT_PARAMS,
    stage: 'feature-augment',
  },
  'prior-correction': {
    id: 'prior-correction',
    label: 'Prior correction',
    family: 'post-hoc',
    summary:
      'Trains with plain cross-entropy, then divides each predicted probability by its class’s training prior and renormalises: p′_c ∝ p_c / π_c. This turns the posterior under the skewed training priors into the posterior under balanced priors — the decision rule for balanced accuracy — at no training cost.',
    citation: 'Buda, Maki & Mazurowski 2018, A systematic study of the class imbalance problem in convolutional neural networks, Neural Networks 106; Saerens, Latinne & Decaestecker 2002, Neural Computation 14(1)',
    params: [],
    posthoc: 'logit-adjust',
  },
  'posthoc-logit-adjust': {
    id: 'posthoc-logit-adjust',
    label: 'Post-hoc logit adjustment',
    family: 'post-hoc',
    summary: 'Trains with plain cross-entropy, then subtracts τ·log π_c from the logits: p′_c ∝ p_c / π_c^τ. τ = 1 is prior correction; larger τ favours rare classes more.',
    citation: 'Menon, Jayasumana, Rawat, Jain, Veit & Kumar 2021, Long-Tail Learning via Logit Adjustment, ICLR',
    params: LOGIT_ADJUST_PARAMS,
    posthoc: 'logit-adjust',
  },
  'threshold-moving': {
    id: 'threshold-moving',
    label: 'Threshold moving',
    family: 'post-hoc',
    summary:
      'Trains with plain cross-entropy, then moves the decision threshold on the minority-class score from 0.5 to the value that maximises F1 (or G-mean, or balanced accuracy) on the validation split. Binary problems only; the ranking of the scores, and so ROC AUC, does not change.',
    citation: 'Provost 2000, Machine Learning from Imbalanced Data Sets 101, AAAI Workshop; Zou, Xie, Lin, Wang & Li 2016, Big Data Research 5',
    params: THRESHOLD_PARAMS,
    posthoc: 'threshold',
  },
};

export const METHOD_IDS = Object.keys(METHODS) as MethodId[];

const SHORT_NAMES: Record<string, string> = { kNeighbors: 'k', samplingStrategy: 'strategy' };

/**
 * Short label including the parameters that differ from their defaults, e.g. "SMOTE (k=3)";
 * a leaky twin reads "SMOTE — leaky, resampled before split".
 */
export function methodLabel(spec: MethodSpec): string {
  const def = METHODS[spec.id];
  const changed = def.params
    .filter((p) => p !== LEAK_PARAM && spec.params[p.name] !== undefined && spec.params[p.name] !== p.default)
    .map((p) => `${SHORT_NAMES[p.name] ?? p.name}=${String(spec.params[p.name])}`);
  const label = changed.length ? `${def.label} (${changed.join(', ')})` : def.label;
  return isLeaky(spec) ? `${label} — leaky, resampled before split` : label;
}

/** Whether the method asks for the leaky protocol (resampling before the split). */
export function isLeaky(spec: MethodSpec): boolean {
  return spec.params[LEAK_PARAM.name] === true;
}

/** The method's parameters that belong to its resampler (protocol switches removed). */
export function resamplerOptions(spec: MethodSpec): Record<string, ParamValue> {
  const { [LEAK_PARAM.name]: _leak, ...rest } = spec.params;
  return rest;
}
