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

export type { MethodFamily } from './methodText';
export type MethodId = 'none' | 'class-weight' | ResamplerId;

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
  /** Per-class weights used in the loss. */
  classWeights?: 'inverse-frequency';
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
      "Keeps the data as it is but weights each sample's cross-entropy by the inverse frequency of its class, w_c = n / (C · n_c) (scikit-learn's class_weight='balanced'). Every class then contributes equally to the loss, which pushes the boundary away from the minority without creating or discarding any rows.",
    citation: 'King & Zeng 2001, Logistic Regression in Rare Events Data, Political Analysis 9(2); Elkan 2001, The Foundations of Cost-Sensitive Learning',
    params: [],
    classWeights: 'inverse-frequency',
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
