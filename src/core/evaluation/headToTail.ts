/**
 * Head-to-tail view for long-tailed data: accuracy on many-shot, medium-shot and few-shot classes,
 * the breakdown long-tail papers report, so a method that buys tail accuracy with head accuracy
 * shows it.
 */
import { ConfigError, got } from '../errors';
import { argmaxRows } from '../metrics';
import type { ScoredMethod } from './scoredMethod';
import { checkScoredMethods } from './scoredMethod';

export type Shot = 'many' | 'medium' | 'few';

/** many-shot: count > many; few-shot: count < few; medium-shot otherwise. */
export interface ShotThresholds {
  many: number;
  few: number;
}

/** The usual split: many > 100, medium 20–100, few < 20 training samples. */
export const DEFAULT_SHOT_THRESHOLDS: ShotThresholds = { many: 100, few: 20 };

function checkTrainCounts(trainCounts: readonly number[]): void {
  if (trainCounts.length === 0) {
    throw new ConfigError(`trainCounts must hold one training count per class. Got ${got(trainCounts)} instead.`, 'trainCounts');
  }
  trainCounts.forEach((c, k) => {
    if (!(Number.isFinite(c) && c >= 0)) {
      throw new ConfigError(`trainCounts[${k}] must be a non-negative count of training rows. Got ${got(c)} instead.`, `trainCounts[${k}]`);
    }
  });
}

function checkThresholds(t: ShotThresholds): void {
  if (!(Number.isFinite(t.many) && Number.isFinite(t.few) && t.few >= 0 && t.few <= t.many)) {
    throw new ConfigError(`Shot thresholds must be finite with 0 ≤ few ≤ many. Got ${got(t)} instead.`, 'thresholds');
  }
}

/**
 * Many-, medium- or few-shot group of every class by its training count: many if count > many,
 * few if count < few, medium otherwise (defaults many = 100, few = 20).
 *
 * Small benchmarks have no class above 100 rows, which would leave the "many" group empty; so
 * when no thresholds are given and 0 < max(count) ≤ 100, both defaults are scaled by
 * s = max(count) / (2·100) (many = max/2, few = max/10) and `scaled` is true. Explicit
 * thresholds are never scaled.
 *
 * @throws ConfigError on empty or negative counts, or thresholds that are not 0 ≤ few ≤ many.
 * @see Liu et al. 2019, "Large-scale long-tailed recognition in an open world", CVPR (the split)
 * @see Kang et al. 2020, "Decoupling representation and classifier for long-tailed recognition", ICLR
 */
export function shotGroups(
  trainCounts: readonly number[],
  thresholds?: ShotThresholds,
): { thresholds: ShotThresholds; scaled: boolean; shot: Shot[] } {
  checkTrainCounts(trainCounts);
  let t: ShotThresholds;
  let scaled = false;
  if (thresholds !== undefined) {
    checkThresholds(thresholds);
    t = { many: thresholds.many, few: thresholds.few };
  } else {
    const max = Math.max(...trainCounts);
    const d = DEFAULT_SHOT_THRESHOLDS;
    if (max > 0 && max <= d.many) {
      // threshold · max / (2 · many) rather than threshold · s, so round counts give round thresholds.
      t = { many: (d.many * max) / (2 * d.many), few: (d.few * max) / (2 * d.many) };
      scaled = true;
    } else {
      t = { ...d };
    }
  }
  const shot = trainCounts.map((c): Shot => (c > t.many ? 'many' : c < t.few ? 'few' : 'medium'));
  return { thresholds: t, scaled, shot };
}

export interface HeadToTailMethod {
  index: number;
  label: string;
  /** Test recall of each class, in class order (NaN for a class with no test row). */
  perClass: number[];
  /** Accuracy over the test rows whose true class is in the group; null when there are none. */
  many: number | null;
  medium: number | null;
  few: number | null;
  /** many − few: how much worse the tail is served than the head; null if either is null. */
  gap: number | null;
}

export interface HeadToTail {
  thresholds: ShotThresholds;
  scaled: boolean;
  /** Class indices by training count, largest first (stable). */
  order: number[];
  shot: Shot[];
  trainCounts: number[];
  methods: HeadToTailMethod[];
}

/**
 * Per-class and per-shot-group test accuracy of each method (prediction = argmax of the scores).
 * perClass_k = correct_k / n_k; group accuracy = Σ_{k∈G} correct_k / Σ_{k∈G} n_k (a pooled
 * accuracy over the group's test rows, as the long-tail papers compute it on balanced test sets);
 * gap = many − few.
 *
 * @throws ConfigError on bad counts, thresholds, labels or score lengths, or when trainCounts has
 *   not nClasses entries.
 * @throws DataError on a non-finite score.
 * @see Liu et al. 2019, "Large-scale long-tailed recognition in an open world", CVPR
 * @see Kang et al. 2020, "Decoupling representation and classifier for long-tailed recognition", ICLR
 */
export function headToTail(
  trainCounts: readonly number[],
  methods: readonly ScoredMethod[],
  nClasses: number,
  thresholds?: ShotThresholds,
): HeadToTail {
  checkScoredMethods(methods, nClasses);
  if (trainCounts.length !== nClasses) {
    throw new ConfigError(`trainCounts must hold one count per class (${nClasses}). Got ${trainCounts.length} counts instead.`, 'trainCounts');
  }
  const groups = shotGroups(trainCounts, thresholds);
  const order = trainCounts.map((_, k) => k).sort((a, b) => trainCounts[b] - trainCounts[a]);
  return {
    ...groups,
    order,
    trainCounts: [...trainCounts],
    methods: methods.map((m) => methodHeadToTail(m, nClasses, groups.shot)),
  };
}

function methodHeadToTail(m: ScoredMethod, nClasses: number, shot: readonly Shot[]): HeadToTailMethod {
  const pred = argmaxRows(m.scores, nClasses);
  const correct = new Array<number>(nClasses).fill(0);
  const total = new Array<number>(nClasses).fill(0);
  for (let i = 0; i < m.yTrue.length; i++) {
    const y = m.yTrue[i];
    total[y]++;
    if (pred[i] === y) correct[y]++;
  }
  const group = (g: Shot): number | null => {
    let c = 0;
    let t = 0;
    for (let k = 0; k < nClasses; k++) {
      if (shot[k] !== g) continue;
      c += correct[k];
      t += total[k];
    }
    return t > 0 ? c / t : null;
  };
  const many = group('many');
  const few = group('few');
  return {
    index: m.index,
    label: m.label,
    perClass: total.map((t, k) => (t > 0 ? correct[k] / t : NaN)),
    many,
    medium: group('medium'),
    few,
    gap: many !== null && few !== null ? many - few : null,
  };
}
