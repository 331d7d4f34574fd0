/**
 * Golden values from scikit-learn 1.2.1 / imbalanced-learn 0.10 (`shared/fixtures/metrics.json`).
 * Every case, every expected key; a key nobody implements fails the coverage test at the bottom.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  argmaxRows,
  averagePrecision,
  averagePrecisionMacro,
  averagePrecisionPerClass,
  balancedAccuracy,
  brierMulticlass,
  cohenKappa,
  confusionMatrix,
  expectedCalibrationError,
  f1Macro,
  f1PerClass,
  f1Positive,
  f1Weighted,
  gmeanBinary,
  gmeanMulticlass,
  indexBalancedAccuracy,
  logLoss,
  mcc,
  precisionPerClass,
  precisionRecallCurve,
  recallPerClass,
  rocAucBinary,
  rocAucOvoHandTill,
  rocAucOvr,
  rocCurve,
  scoreColumn,
  specificityPerClass,
  summarizeClassification,
  supportPerClass,
} from './index';

interface Case {
  name: string;
  n_classes: number;
  y_true: number[];
  y_pred: number[];
  scores: number[][];
  expected: Record<string, unknown>;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../../shared/fixtures/metrics.json', import.meta.url), 'utf8'),
) as { about: string; cases: Case[] };

const TOL = 1e-9;

/** |a − e| ≤ 1e-9 · max(1, |e|): 1e-9 relative, or absolute near 0. NaN only matches NaN. */
function close(actual: number, expected: number, what: string): void {
  if (Number.isNaN(expected)) {
    expect(actual, what).toBeNaN();
    return;
  }
  const err = Math.abs(actual - expected);
  if (!(err <= TOL * Math.max(1, Math.abs(expected)))) {
    expect.fail(`${what}: expected ${expected}, got ${actual} (|diff| = ${err})`);
  }
}

function closeArray(actual: readonly number[], expected: readonly number[], what: string): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  expected.forEach((e, i) => close(actual[i], e, `${what}[${i}]`));
}

function prepare(c: Case) {
  const C = c.n_classes;
  const scores = Float64Array.from(c.scores.flat());
  const yTrue = Int32Array.from(c.y_true);
  const yPred = argmaxRows(scores, C);
  const cm = confusionMatrix(yTrue, yPred, C);
  return { C, scores, yTrue, yPred, cm };
}

type Check = (c: Case, expected: unknown) => void;

const num = (f: (c: Case) => number): Check => (c, e) => close(f(c), e as number, c.name);
const arr = (f: (c: Case) => number[]): Check => (c, e) => closeArray(f(c), e as number[], c.name);

/** One checker per fixture key. */
const checks: Record<string, Check> = {
  confusion_matrix: (c, e) => expect(prepare(c).cm).toEqual(e),
  accuracy: num((c) => accuracy(prepare(c).cm)),
  balanced_accuracy: num((c) => balancedAccuracy(prepare(c).cm)),
  precision_per_class: arr((c) => precisionPerClass(prepare(c).cm)),
  recall_per_class: arr((c) => recallPerClass(prepare(c).cm)),
  f1_per_class: arr((c) => f1PerClass(prepare(c).cm)),
  support_per_class: (c, e) => expect(supportPerClass(prepare(c).cm)).toEqual(e),
  specificity_per_class: arr((c) => specificityPerClass(prepare(c).cm)),
  f1_macro: num((c) => f1Macro(prepare(c).cm)),
  f1_weighted: num((c) => f1Weighted(prepare(c).cm)),
  gmean_multiclass: num((c) => gmeanMulticlass(prepare(c).cm)),
  gmean_binary: num((c) => gmeanBinary(prepare(c).cm)),
  f1_positive: num((c) => f1Positive(prepare(c).cm)),
  mcc: num((c) => mcc(prepare(c).cm)),
  ece_15_bins: num((c) => {
    const { yTrue, scores, C } = prepare(c);
    return expectedCalibrationError(yTrue, scores, C, 15).ece;
  }),
  brier_multiclass: num((c) => {
    const { yTrue, scores, C } = prepare(c);
    return brierMulticlass(yTrue, scores, C);
  }),
  log_loss: num((c) => {
    const { yTrue, scores, C } = prepare(c);
    return logLoss(yTrue, scores, C);
  }),
  roc_auc: num((c) => {
    const { yTrue, scores } = prepare(c);
    return rocAucBinary(yTrue, scoreColumn(scores, 2, 1));
  }),
  roc_auc_ovr_macro: num((c) => {
    const { yTrue, scores, C } = prepare(c);
    return rocAucOvr(yTrue, scores, C, 'macro');
  }),
  roc_auc_ovr_weighted: num((c) => {
    const { yTrue, scores, C } = prepare(c);
    return rocAucOvr(yTrue, scores, C, 'weighted');
  }),
  roc_auc_ovo_macro_hand_till: num((c) => {
    const { yTrue, scores, C } = prepare(c);
    return rocAucOvoHandTill(yTrue, scores, C);
  }),
  average_precision: num((c) => {
    const { yTrue, scores } = prepare(c);
    return averagePrecision(yTrue, scoreColumn(scores, 2, 1));
  }),
  average_precision_per_class: arr((c) => {
    const { yTrue, scores, C } = prepare(c);
    return averagePrecisionPerClass(yTrue, scores, C);
  }),
  average_precision_macro: num((c) => {
    const { yTrue, scores, C } = prepare(c);
    return averagePrecisionMacro(yTrue, scores, C);
  }),
  roc_curve_all_thresholds: (c, e) => {
    const { yTrue, scores } = prepare(c);
    const exp = e as { fpr: number[]; tpr: number[]; thresholds: number[] };
    const got = rocCurve(yTrue, scoreColumn(scores, 2, 1));
    closeArray(got.fpr, exp.fpr, `${c.name} fpr`);
    closeArray(got.tpr, exp.tpr, `${c.name} tpr`);
    closeArray(got.thresholds, exp.thresholds, `${c.name} thresholds`);
  },
  pr_curve: (c, e) => {
    const { yTrue, scores } = prepare(c);
    const exp = e as { precision: number[]; recall: number[]; thresholds: number[] };
    const got = precisionRecallCurve(yTrue, scoreColumn(scores, 2, 1));
    closeArray(got.precision, exp.precision, `${c.name} precision`);
    closeArray(got.recall, exp.recall, `${c.name} recall`);
    closeArray(got.thresholds, exp.thresholds, `${c.name} thresholds`);
  },
};

describe('metrics.json (scikit-learn 1.2.1 / imbalanced-learn 0.10)', () => {
  it('has cases', () => {
    expect(fixture.cases.length).toBeGreaterThan(0);
  });

  for (const c of fixture.cases) {
    describe(c.name, () => {
      it('y_pred is the first-max argmax of the scores', () => {
        expect(Array.from(prepare(c).yPred)).toEqual(c.y_pred);
      });

      for (const [key, expected] of Object.entries(c.expected)) {
        it(key, () => {
          const check = checks[key];
          expect(check, `no checker for fixture key '${key}'`).toBeDefined();
          check(c, expected);
        });
      }

      it('summarizeClassification agrees with the fixture', () => {
        const { yTrue, scores, C } = prepare(c);
        const e = c.expected as Record<string, number & number[] & number[][]>;
        const s = summarizeClassification(yTrue, scores, C);
        expect(s.confusion).toEqual(e.confusion_matrix);
        close(s.accuracy, e.accuracy, 'accuracy');
        close(s.balancedAccuracy, e.balanced_accuracy, 'balancedAccuracy');
        close(s.f1Macro, e.f1_macro, 'f1Macro');
        close(s.f1Weighted, e.f1_weighted, 'f1Weighted');
        close(s.gmean, e.gmean_multiclass, 'gmean');
        close(s.mcc, e.mcc, 'mcc');
        const support = e.support_per_class;
        const minority = support.indexOf(Math.min(...support));
        expect(s.minorityClass).toBe(minority);
        close(s.minorityRecall, e.recall_per_class[minority], 'minorityRecall');
        close(s.rocAuc, C === 2 ? e.roc_auc : e.roc_auc_ovr_macro, 'rocAuc');
        close(s.averagePrecision, C === 2 ? e.average_precision : e.average_precision_macro, 'averagePrecision');
        closeArray(s.perClass.map((m) => m.precision), e.precision_per_class, 'precision');
        closeArray(s.perClass.map((m) => m.recall), e.recall_per_class, 'recall');
        closeArray(s.perClass.map((m) => m.f1), e.f1_per_class, 'f1');
        closeArray(s.perClass.map((m) => m.specificity), e.specificity_per_class, 'specificity');
        expect(s.perClass.map((m) => m.support)).toEqual(support);
      });
    });
  }
});

/** Cohen's kappa and IBA, which metrics.json does not hold: reference/extraMetrics.py computed them on the same cases. */
const extra = JSON.parse(readFileSync(new URL('./reference/extraMetrics.json', import.meta.url), 'utf8')) as { cases: Record<string, Record<string, number>> };

describe('extraMetrics.json (scikit-learn cohen_kappa_score, imbalanced-learn IBA)', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const e = extra.cases[c.name];
      expect(e, `no reference for ${c.name}`).toBeDefined();
      const { cm } = prepare(c);
      close(cohenKappa(cm), e.cohen_kappa, 'cohen_kappa');
      close(indexBalancedAccuracy(cm, 'multiclass'), e.iba_gmean_multiclass, 'iba_gmean_multiclass');
      if (c.n_classes === 2) close(indexBalancedAccuracy(cm, 'binary'), e.iba_gmean_binary, 'iba_gmean_binary');
      else expect(() => indexBalancedAccuracy(cm, 'binary')).toThrow(/2x2/);
    });
  }
});
