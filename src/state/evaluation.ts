/**
 * The evaluation views' options (which class, cost ratio, threshold, …) and the view data derived
 * from a finished run (options: evaluationOptions.ts). The data is computed here, by the core's builders (core/evaluation), never
 * in components; each selector is memoised on the run and the options it reads, so a re-render
 * costs nothing and zustand sees a stable value.
 */
import {
  calibrationView,
  confusionCellRows,
  decisionPoint as operatingPointOf,
  costCurves,
  costOptimalThreshold,
  headToTail,
  isoPerformance,
  metricRanking,
  operatingPoint,
  pairedComparison,
  prView,
  rocView,
  type RankedMetric,
  type ScoredMethod,
} from '../core/evaluation';
import { meanStd, type MeanStd, type SpreadMetric } from '../core/metrics';
import type { ExampleView, Source } from '../core/data/source';
import { buildSource } from '../core/protocol';
import { sweepView } from '../core/sweep/sweepGrid';
import type { LabState, RunState } from './types';

/** Remembers the last result of `compute` for the same inputs (compared by identity). */
function memo<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.value;
    const value = compute(...args);
    last = { args, value };
    return value;
  };
}

/** What every view needs to know about the run's data. */
export interface EvaluationContext {
  classNames: string[];
  nClasses: number;
  trainCounts: number[];
  minorityClass: number;
  /** The class the ROC / PR views and the threshold explorer treat as positive. */
  positiveClass: number;
  methods: ScoredMethod[];
}

const contextOf = memo((run: RunState, rocClass: number | null): EvaluationContext | null => {
  if (!run.data) return null;
  const methods: ScoredMethod[] = run.methods
    .filter((m) => m.status === 'done' && m.result && m.result.testScores.length > 0)
    .map((m) => ({ index: m.index, label: m.label, yTrue: m.result!.testY, scores: m.result!.testScores }));
  if (methods.length === 0) return null;
  const { classNames, trainCounts } = run.data;
  const minorityClass = trainCounts.indexOf(Math.min(...trainCounts));
  const positiveClass = rocClass !== null && rocClass < classNames.length ? rocClass : minorityClass;
  return { classNames, nClasses: classNames.length, trainCounts, minorityClass, positiveClass, methods };
});

export const selectEvaluationContext = (s: LabState) => contextOf(s.run, s.evaluation.rocClass);

const rocOf = memo((ctx: EvaluationContext | null, costRatio: number, prior: number | null) => {
  if (!ctx) return null;
  const view = rocView(ctx.methods, ctx.nClasses, ctx.positiveClass);
  // Each method's own decision (argmax, or its post-hoc threshold) as one point: where it actually operates on its curve.
  const operating = ctx.methods.map((m) => {
    const p = operatingPointOf(m.yTrue, m.scores, ctx.nClasses, ctx.positiveClass);
    return { index: m.index, label: m.label, ...p };
  });
  const y = ctx.methods[0].yTrue;
  let positives = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === ctx.positiveClass) positives++;
  const prevalence = positives / y.length;
  const p = prior ?? prevalence;
  const iso = p > 0 && p < 1 ? isoPerformance(view.hull, costRatio, p) : null;
  return { ...view, operating, hullStretches: hullStretches(view.hull), prevalence, prior: p, iso };
});

/**
 * Where each method is on the hull: consecutive hull vertices of one method as one stretch of
 * FPR (the range of false-positive rates over which that method is the one to use).
 */
function hullStretches(hull: readonly { fpr: number; method: number | null; label: string | null }[]): { method: number; label: string; from: number; to: number }[] {
  const out: { method: number; label: string; from: number; to: number }[] = [];
  for (const v of hull) {
    if (v.method === null) continue;
    const last = out.at(-1);
    if (last && last.method === v.method) last.to = v.fpr;
    else out.push({ method: v.method, label: v.label ?? '', from: v.fpr, to: v.fpr });
  }
  return out;
}

export const selectRoc = (s: LabState) => rocOf(selectEvaluationContext(s), s.evaluation.costRatio, s.evaluation.prior);

const prOf = memo((ctx: EvaluationContext | null) => (ctx ? prView(ctx.methods, ctx.nClasses, ctx.positiveClass) : null));
export const selectPr = (s: LabState) => prOf(selectEvaluationContext(s));

/**
 * Each finished method's held-out predictions split by split (repeated protocols), as scored
 * methods: what the per-split views aggregate into mean ± std. Empty with a single split.
 */
const splitMethodsOf = memo((run: RunState): ScoredMethod[][] => {
  const done = run.methods.filter((m) => m.status === 'done' && m.result?.splits && m.result.splits.length >= 2);
  if (done.length === 0) return [];
  const count = Math.min(...done.map((m) => m.result!.splits!.length));
  return Array.from({ length: count }, (_, k) => done.map((m) => ({ index: m.index, label: m.label, yTrue: m.result!.splits![k].predictions.testY, scores: m.result!.splits![k].predictions.testScores })));
});

/** mean ± std over the splits of one number per method and split (NaN / null skipped). */
function spreadOver<T>(perSplit: T[][], pick: (x: T) => number | null, indexOf: (x: T) => number): Map<number, MeanStd> {
  const values = new Map<number, number[]>();
  for (const split of perSplit) for (const x of split) values.set(indexOf(x), [...(values.get(indexOf(x)) ?? []), pick(x) ?? NaN]);
  return new Map([...values].map(([i, v]) => [i, meanStd(v)]));
}

const headToTailOf = memo((ctx: EvaluationContext | null, thresholds: LabState['evaluation']['shotThresholds'], perSplit: ScoredMethod[][]) => {
  if (!ctx) return null;
  const view = headToTail(ctx.trainCounts, ctx.methods, ctx.nClasses, thresholds ?? undefined);
  if (perSplit.length < 2) return { ...view, spread: null };
  // Every split grouped with the same thresholds (split 0's), so the groups hold the same classes.
  const views = perSplit.map((methods) => headToTail(ctx.trainCounts, methods, ctx.nClasses, view.thresholds).methods);
  const by = (pick: (m: (typeof views)[number][number]) => number | null) => spreadOver(views, pick, (m) => m.index);
  return { ...view, spread: { splits: perSplit.length, many: by((m) => m.many), medium: by((m) => m.medium), few: by((m) => m.few), gap: by((m) => m.gap) } };
});
export const selectHeadToTail = (s: LabState) => headToTailOf(selectEvaluationContext(s), s.evaluation.shotThresholds, splitMethodsOf(s.run));

const calibrationOf = memo((ctx: EvaluationContext | null, perSplit: ScoredMethod[][]) => {
  if (!ctx) return null;
  const series = calibrationView(ctx.methods, ctx.nClasses, ctx.trainCounts);
  if (perSplit.length < 2) return { series, spread: null };
  const views = perSplit.map((methods) => calibrationView(methods, ctx.nClasses, ctx.trainCounts));
  return { series, spread: { splits: perSplit.length, ece: spreadOver(views, (c) => c.ece, (c) => c.index), corrected: spreadOver(views, (c) => c.corrected.ece, (c) => c.index) } };
});
export const selectCalibration = (s: LabState) => calibrationOf(selectEvaluationContext(s), splitMethodsOf(s.run));

/** The metric a method is ranked by: its mean over splits when the protocol has several. */
function metricValue(m: RunState['methods'][number], k: SpreadMetric): number {
  const r = m.result!;
  return r.spread ? r.spread[k].mean : r.metrics![k];
}

const rankingOf = memo((run: RunState) => {
  const rows = run.methods
    .filter((m) => m.status === 'done' && m.result?.metrics)
    .map((m) => ({ index: m.index, label: m.label, metrics: Object.fromEntries((['accuracy', 'balancedAccuracy', 'f1Macro', 'gmean', 'mcc', 'rocAuc', 'averagePrecision'] as RankedMetric[]).map((k) => [k, metricValue(m, k)])) as Record<RankedMetric, number> }));
  return rows.length >= 2 ? metricRanking(rows) : null;
});
export const selectRanking = (s: LabState) => rankingOf(s.run);

const thresholdOf = memo((ctx: EvaluationContext | null, methodIndex: number | null, threshold: number, costRatio: number) => {
  if (!ctx || ctx.nClasses !== 2) return null;
  const method = ctx.methods.find((m) => m.index === methodIndex) ?? ctx.methods[0];
  const roc = rocView([method], 2, ctx.positiveClass);
  const pr = prView([method], 2, ctx.positiveClass);
  return {
    method: method.index,
    label: method.label,
    point: operatingPoint(method.yTrue, method.scores, ctx.positiveClass, threshold),
    costOptimal: costOptimalThreshold(method.yTrue, method.scores, ctx.positiveClass, costRatio),
    roc: roc.series[0],
    pr: pr.series[0],
    costCurves: costCurves(rocView(ctx.methods, 2, ctx.positiveClass).series),
  };
});
export const selectThreshold = (s: LabState) => thresholdOf(selectEvaluationContext(s), s.evaluation.thresholdMethod, s.evaluation.threshold, s.evaluation.costRatio);

/**
 * Each method against the baseline (the first method of the run) on `significanceMetric`, paired
 * over the protocol's splits; null without several splits.
 */
const significanceOf = memo((run: RunState, metric: SpreadMetric) => {
  const config = run.config;
  const done = run.methods.filter((m) => m.status === 'done' && m.result?.splits && m.result.splits.length >= 2);
  if (!config || done.length < 2 || done[0].index !== run.methods[0].index) return null;
  const values = (m: (typeof done)[number]) => m.result!.splits!.map((s) => s.metrics[metric]);
  const baseline = values(done[0]);
  // The corrected t-test's n_test / n_train: 1 / (folds − 1) for k-fold CV, otherwise from the split sizes.
  const r0 = done[0].result!;
  const nTrain = r0.trainCountsBefore.reduce((a, b) => a + b, 0);
  const protocol =
    config.split.protocol === 'cross-validation'
      ? { kind: 'cross-validation' as const, testFraction: 1 / config.split.folds }
      : { kind: 'holdout' as const, testFraction: r0.testY.length / (r0.testY.length + nTrain) };
  return {
    metric,
    baseline: done[0].index,
    baselineLabel: done[0].label,
    rows: done.slice(1).map((m) => ({ index: m.index, label: m.label, ...pairedComparison(baseline, values(m), protocol) })),
  };
});
export const selectSignificance = (s: LabState) => significanceOf(s.run, s.evaluation.significanceMetric);

/** Examples shown for a clicked confusion cell (the first ones; the count says how many there are). */
export const CELL_EXAMPLES_SHOWN = 48;

const sourceOf = memo((run: RunState): Source | null => {
  if (!run.config) return null;
  try {
    return buildSource(run.config, run.loaded);
  } catch {
    return null;
  }
});

const cellOf = memo((run: RunState, cell: EvaluationOptionsCell) => {
  if (!cell || !run.data) return null;
  const m = run.methods.find((x) => x.index === cell.method && x.result && x.result.testScores.length > 0);
  if (!m) return null;
  const r = m.result!;
  const C = run.data.classNames.length;
  const positions = confusionCellRows(r.testY, r.testScores, C, cell.actual, cell.predicted);
  const source = r.testRows ? sourceOf(run) : null;
  const examples: ExampleView[] | null = source && r.testRows ? positions.slice(0, CELL_EXAMPLES_SHOWN).map((p) => source.example(r.testRows![p])) : null;
  return {
    method: m.index,
    label: m.label,
    actual: run.data.classNames[cell.actual],
    predicted: run.data.classNames[cell.predicted],
    total: positions.length,
    examples,
    /** Why no examples can be shown, when they cannot. */
    unavailable: examples ? null : r.testRows ? 'The data this run trained on is no longer available.' : 'This method resampled the whole dataset before the split (the leaky demo), so its test rows are not rows of the dataset.',
  };
});
type EvaluationOptionsCell = LabState['evaluation']['cell'];
export const selectCellExamples = (s: LabState) => cellOf(s.run, s.evaluation.cell);

const sweepOf = memo((points: LabState['sweep']['points']) => {
  if (points.length === 0) return null;
  try {
    return { view: sweepView(points), error: null, failed: points.filter((p) => p.error) };
  } catch (e) {
    return { view: null, error: e instanceof Error ? e.message : String(e), failed: points.filter((p) => p.error) };
  }
});
/** The SMOTE paper sweep's families, hull and verdict from the points so far. */
export const selectSweepView = (s: LabState) => sweepOf(s.sweep.points);
