import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { parseConfig } from './config';
import { prepareExperiment, runMethod, runMethodGroup, runMethodsOverSplits, type MethodResult } from './experiment';
import type { EpochEvent } from './training/train';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Loss-level, post-hoc and decoupled methods (grouped / shared), and methods that train alone. */
const METHOD_SETS = [
  ['none', 'crt', 'tau-norm', 'prior-correction', 'threshold-moving', 'focal', 'ldam-drw', 'smote'],
  ['balanced-softmax', 'dice', 'class-weight', 'cb-focal', 'anyloss', 'two-phase', 'lws', 'logit-adjusted-loss'],
];

const config = (over: Record<string, unknown> = {}) =>
  parseConfig({
    dataset: { kind: 'synthetic', shape: 'moons', n: 400, imbalanceRatio: 8, noise: 0.4 },
    model: { epochs: 6, hiddenLayers: 1, width: 8 },
    methods: METHOD_SETS[0].map((id) => ({ id, params: {} })),
    seed: 11,
    ...over,
  });

function expectSame(grouped: MethodResult, alone: MethodResult): void {
  expect(grouped.status, grouped.label).toBe(alone.status);
  expect(grouped.error).toEqual(alone.error);
  expect(grouped.history.map((e) => e.epoch)).toEqual(alone.history.map((e) => e.epoch));
  grouped.history.forEach((e, k) => expect(e.loss, `${grouped.label} epoch ${k + 1}`).toBeCloseTo(alone.history[k].loss, 4));
  expect(grouped.testScores.length).toBe(alone.testScores.length);
  let maxDiff = 0;
  grouped.testScores.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - alone.testScores[i]))));
  expect(maxDiff, grouped.label).toBeLessThan(1e-4);
  expect(grouped.metrics?.balancedAccuracy).toBeCloseTo(alone.metrics!.balancedAccuracy, 4);
  expect(grouped.threshold).toBe(alone.threshold);
  expect(grouped.marker).toEqual(alone.marker);
  expect(grouped.trainCountsAfter).toEqual(alone.trainCountsAfter);
}

describe('runMethodGroup', () => {
  it.each([0, 1])('gives every method the result it gets alone, with its own progress events (set %i)', async (set) => {
    const prep = prepareExperiment(config({ methods: METHOD_SETS[set].map((id) => ({ id, params: {} })) }));
    const indices = METHOD_SETS[set].map((_, i) => i);
    const events = new Map<number, EpochEvent[]>(indices.map((i) => [i, []]));
    // Batched even on the CPU backend (where 'auto' trains a group's members one after another).
    const grouped = await runMethodGroup(prep, indices, { gridResolution: 8, groupMode: 'batched', onEpoch: (i, ev) => void events.get(i)!.push(ev) });
    expect(grouped.map((r) => r.index)).toEqual(indices);
    for (const i of indices) {
      const aloneEvents: EpochEvent[] = [];
      const alone = await runMethod(prep, i, { gridResolution: 8, onEpoch: (ev) => void aloneEvents.push(ev) });
      expectSame(grouped[i], alone);
      expect(grouped[i].status).toBe('done');
      expect(events.get(i)!.map((e) => e.epoch)).toEqual(aloneEvents.map((e) => e.epoch));
      expect(grouped[i].grid!.probs.length).toBe(alone.grid!.probs.length);
    }
    if (set === 0) {
      // none, cRT, τ-norm, prior correction and threshold moving start from one cross-entropy model;
      // focal and LDAM-DRW train beside it in one batched computation; SMOTE (other rows) alone.
      expect(grouped[0].training).toEqual({ sharedWith: [1, 2, 3, 4], batchedWith: [5, 6] });
      expect(grouped[5].training).toEqual({ sharedWith: [], batchedWith: [0, 1, 2, 3, 4, 6] });
      expect(grouped[7].training).toBeUndefined();
      // On the CPU backend 'auto' trains the group's members one after another: only the shared run is reported.
      const auto = await runMethodGroup(prep, [0, 1, 5], { gridResolution: 0 });
      expect(auto[0].training).toEqual({ sharedWith: [1], batchedWith: [] });
      expect(auto[2].training).toBeUndefined();
      expectSame(auto[2], grouped[5]);
    } else {
      // AnyLoss (a batch-level loss) and two-phase (its own balanced rows) train alone.
      expect(grouped[4].training).toBeUndefined();
      expect(grouped[5].training).toBeUndefined();
      expect(grouped[0].training!.batchedWith).toEqual([1, 2, 3, 6, 7]);
    }
    // The histories are the method's own arrays, not one shared array.
    expect(grouped[0].history).not.toBe(grouped[1].history);
  });

  it('keeps a failing method to itself', async () => {
    // No validation rows: threshold moving cannot choose its threshold; the others train as usual.
    const cfg = config({ methods: ['none', 'threshold-moving', 'balanced-softmax'].map((id) => ({ id, params: {} })) });
    const prep = prepareExperiment({ ...cfg, split: { ...cfg.split, validation: 0 } });
    const [none, threshold, bs] = await runMethodGroup(prep, [0, 1, 2], { gridResolution: 0 });
    expect(none.status).toBe('done');
    expect(bs.status).toBe('done');
    expect(threshold.status).toBe('error');
    expect(threshold.error!.message).toMatch(/validation split/);
  });

  it('runs several methods over repeated splits with a spread per method', async () => {
    const cfg = config({ methods: [{ id: 'none', params: {} }, { id: 'focal', params: {} }, { id: 'smote', params: {} }], split: { protocol: 'holdout', repeats: 3 } });
    const prepared = new Map<number, ReturnType<typeof prepareExperiment>>();
    const prepare = (s: number) => {
      if (!prepared.has(s)) prepared.set(s, prepareExperiment(cfg, null, s));
      return prepared.get(s)!;
    };
    const splitsSeen: number[] = [];
    const results = await runMethodsOverSplits(cfg, prepare, [0, 1, 2], { gridResolution: 0, onSplit: (s) => void splitsSeen.push(s) });
    expect(splitsSeen).toEqual([0, 1, 2]);
    for (const r of results) {
      expect(r.status).toBe('done');
      expect(r.splits!.map((s) => s.splitIndex)).toEqual([0, 1, 2]);
      expect(r.spread).toBeDefined();
    }
  });
});
