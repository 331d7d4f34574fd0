/**
 * The rebalancing methods a user can pick, as data: what each one does to the training split
 * (a resampler, class weights in the loss, or nothing), its parameters, a one-paragraph
 * explanation and the paper. The UI, URL codec, CLI and experiment pipeline all read this table.
 */
import type { ParamSpec, ParamValue } from './params';
import { resamplers } from './resampling/registry';

export type MethodId = 'none' | 'random-over' | 'random-under' | 'smote' | 'class-weight';

export interface MethodDef {
  id: MethodId;
  label: string;
  family: 'baseline' | 'over-sampling' | 'under-sampling' | 'cost-sensitive';
  /** One paragraph shown next to the method. */
  summary: string;
  citation: string;
  params: readonly ParamSpec[];
  /** Resampler applied to the training split (registry id in core/resampling). */
  resampler?: 'random-over' | 'random-under' | 'smote';
  /** Per-class weights used in the loss. */
  classWeights?: 'inverse-frequency';
}

export interface MethodSpec {
  id: MethodId;
  params: Record<string, ParamValue>;
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
  'random-over': {
    id: 'random-over',
    label: 'Random over-sampling',
    family: 'over-sampling',
    summary:
      'Duplicates randomly chosen minority rows (drawn with replacement) until the classes are as large as the sampling strategy asks. Nothing new is learned from the copies, and the model can over-fit to the repeated points, but no information is thrown away.',
    citation: 'Japkowicz 2000, The Class Imbalance Problem: Significance and Strategies; imbalanced-learn RandomOverSampler',
    params: resamplers['random-over'].params,
    resampler: 'random-over',
  },
  'random-under': {
    id: 'random-under',
    label: 'Random under-sampling',
    family: 'under-sampling',
    summary:
      'Keeps a random subset of the majority rows so that each class is as small as the sampling strategy asks. Training is faster and the classes are balanced, but most of the majority data is discarded, so the decision boundary can become noisy.',
    citation: 'Kubat & Matwin 1997, Addressing the Curse of Imbalanced Training Sets: One-Sided Selection; imbalanced-learn RandomUnderSampler',
    params: resamplers['random-under'].params,
    resampler: 'random-under',
  },
  smote: {
    id: 'smote',
    label: 'SMOTE',
    family: 'over-sampling',
    summary:
      'Creates synthetic minority points on the line segments between a minority sample and one of its k nearest minority neighbours: x_new = x_i + u·(x_nn − x_i) with u uniform in [0, 1). The minority region is filled in rather than copied, which widens the decision region for the minority; in overlapping or noisy data it can also place points inside the majority.',
    citation: 'Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16:321–357',
    params: resamplers.smote.params,
    resampler: 'smote',
  },
  'class-weight': {
    id: 'class-weight',
    label: 'Class-weighted loss',
    family: 'cost-sensitive',
    summary:
      "Keeps the data as it is but weights each sample's cross-entropy by the inverse frequency of its class, w_c = n / (C · n_c) (scikit-learn's class_weight='balanced'). Every class then contributes equally to the loss, which pushes the boundary away from the minority without creating or discarding any rows.",
    citation: 'King & Zeng 2001, Logistic Regression in Rare Events Data, Political Analysis 9(2); Elkan 2001, The Foundations of Cost-Sensitive Learning',
    params: [],
    classWeights: 'inverse-frequency',
  },
};

export const METHOD_IDS = Object.keys(METHODS) as MethodId[];

const SHORT_NAMES: Record<string, string> = { kNeighbors: 'k', samplingStrategy: 'strategy' };

/** Short label including the parameters that differ from their defaults, e.g. "SMOTE (k=3)". */
export function methodLabel(spec: MethodSpec): string {
  const def = METHODS[spec.id];
  const changed = def.params
    .filter((p) => spec.params[p.name] !== undefined && spec.params[p.name] !== p.default)
    .map((p) => `${SHORT_NAMES[p.name] ?? p.name}=${String(spec.params[p.name])}`);
  return changed.length ? `${def.label} (${changed.join(', ')})` : def.label;
}
