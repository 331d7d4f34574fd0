/** The evaluation selectors on a run trained for real (core on the CPU backend): state and core together, so it lives outside src/state (no TF.js there). */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { parseConfig, type ExperimentConfig } from '../core/config';
import { headToTail } from '../core/evaluation';
import { prepareExperiment, runMethodsOverSplits } from '../core/experiment';
import type { WorkerMethodResult } from '../../workers/labApi';
import { createLabStore } from '../state/store';
import { selectCalibration, selectEvaluationContext, selectHeadToTail, selectPr, selectRanking, selectRoc, selectSignificance, selectThreshold } from '../state/evaluation';
import type { Runner } from '../state/types';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** A runner that trains for real (core, CPU backend) and reports through the callbacks like the worker pool. */
const coreRunner: Runner = (config, _backend, cb, indices) => {
  const wanted = indices ?? config.methods.map((_, i) => i);
  const done = (async () => {
    cb.onBackend({ backend: 'cpu', requested: 'cpu', attempts: [] }, false);
    for (const i of wanted) cb.onMethodStart(i);
    const preps = new Map<number, ReturnType<typeof prepareExperiment>>();
    const results = await runMethodsOverSplits(config, (s) => preps.get(s) ?? preps.set(s, prepareExperiment(config, null, s)).get(s)!, wanted, { gridResolution: 0 });
    for (const r of results) cb.onMethodDone({ ...r, backend: 'cpu' } as WorkerMethodResult);
    return 'done' as const;
  })();
  return { cancel() {}, done };
};

async function finishedStore(over: Record<string, unknown>) {
  const config: ExperimentConfig = parseConfig({ dataset: { kind: 'synthetic', shape: 'moons', n: 400, imbalanceRatio: 8, noise: 0.8 }, model: { epochs: 6, hiddenLayers: 1, width: 8 }, seed: 2, ...over });
  const store = createLabStore({ runner: coreRunner, initialConfig: config });
  store.getState().startRun();
  for (let i = 0; i < 200 && store.getState().run.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
  expect(store.getState().run.status).toBe('done');
  return store;
}

describe('evaluation views (state)', () => {
  it('derives every view from the finished run, memoised, and follows its options', async () => {
    const store = await finishedStore({ methods: ['none', 'class-weight', 'smote'].map((id) => ({ id, params: {} })) });
    const s = store.getState();
    const ctx = selectEvaluationContext(s)!;
    expect(ctx.methods.map((m) => m.index)).toEqual([0, 1, 2]);
    expect(ctx.positiveClass).toBe(ctx.minorityClass);
    const roc = selectRoc(s)!;
    expect(selectRoc(store.getState())).toBe(roc);
    roc.series.forEach((series, k) => expect(series.auc).toBeCloseTo(s.run.methods[k].result!.metrics!.rocAuc, 12));
    expect(roc.iso!.best).toBeDefined();
    // The stretches name exactly the methods on the hull, in increasing FPR.
    expect(new Set(roc.hullStretches.map((h) => h.method))).toEqual(new Set(roc.onHull));
    roc.hullStretches.forEach((h, k) => {
      expect(h.to).toBeGreaterThanOrEqual(h.from);
      if (k > 0) expect(h.from).toBeGreaterThanOrEqual(roc.hullStretches[k - 1].to);
    });
    expect(selectPr(s)!.series).toHaveLength(3);
    expect(selectHeadToTail(s)!.methods).toHaveLength(3);
    expect(selectCalibration(s)!.series).toHaveLength(3);
    expect(selectCalibration(s)!.spread).toBeNull();
    expect(selectHeadToTail(s)!.spread).toBeNull();
    expect(selectRanking(s)!.methods).toHaveLength(3);
    expect(selectSignificance(s)).toBeNull();
    // At threshold 0.5 the explorer reproduces the argmax confusion matrix of the method.
    const thr = selectThreshold(s)!;
    expect(thr.point.confusion).toEqual(s.run.methods[0].result!.metrics!.confusion);

    store.getState().setEvaluation({ costRatio: 0 });
    expect(store.getState().evaluationError).toMatch(/cost ratio .* above 0 .* Got 0 instead/);
    expect(store.getState().evaluation.costRatio).toBe(1);
    store.getState().setEvaluation({ costRatio: 20, threshold: 0.1, thresholdMethod: 2 });
    expect(store.getState().evaluationError).toBeNull();
    const after = selectThreshold(store.getState())!;
    expect(after.method).toBe(2);
    expect(after.point.threshold).toBe(0.1);
    expect(selectRoc(store.getState())).not.toBe(roc);
    expect(selectRoc(store.getState())!.iso!.best.tpr).toBeGreaterThanOrEqual(roc.iso!.best.tpr);
    store.getState().setEvaluation({ rocClass: 1 - ctx.minorityClass });
    expect(selectEvaluationContext(store.getState())!.positiveClass).toBe(1 - ctx.minorityClass);
    store.getState().setEvaluation({ threshold: 2 });
    expect(store.getState().evaluationError).toMatch(/threshold must be a number between 0 and 1/);
  });

  it('pairs each method with the baseline over repeated splits', async () => {
    const store = await finishedStore({ methods: ['none', 'class-weight'].map((id) => ({ id, params: {} })), split: { protocol: 'holdout', repeats: 3 } });
    const sig = selectSignificance(store.getState())!;
    expect(sig.baselineLabel).toBe(store.getState().run.methods[0].label);
    expect(sig.rows).toHaveLength(1);
    const m = store.getState().run.methods;
    const diffs = m[1].result!.splits!.map((s, k) => s.metrics.balancedAccuracy - m[0].result!.splits![k].metrics.balancedAccuracy);
    expect(sig.rows[0].meanDifference).toBeCloseTo(diffs.reduce((a, b) => a + b, 0) / 3, 12);
    expect(sig.rows[0].tTest!.df).toBe(2);
    // Per-split views: the head → tail and calibration tables aggregate the three splits.
    const h2t = selectHeadToTail(store.getState())!;
    expect(h2t.spread!.splits).toBe(3);
    const cal = selectCalibration(store.getState())!;
    expect(cal.spread!.ece.get(0)!.n).toBe(3);
    // Split 1's calibration is the diagram's; the table's mean includes it.
    expect(cal.series[0].ece).toBeGreaterThanOrEqual(0);
    const trainCounts = store.getState().run.data!.trainCounts;
    const perSplit = m[1].result!.splits!.map((sp) => headToTail(trainCounts, [{ index: 1, label: 'x', yTrue: sp.predictions.testY, scores: sp.predictions.testScores }], 2, h2t.thresholds).methods[0].many!);
    expect(h2t.spread!.many.get(1)!.mean).toBeCloseTo(perSplit.reduce((a, b) => a + b, 0) / 3, 12);
  });
});
