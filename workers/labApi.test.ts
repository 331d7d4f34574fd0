import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { parseConfig } from '../src/core/config';
import { createLabApi, transferablesOf, type ProgressEvent } from './labApi';
import type { BackendInfo } from './backendTypes';

const cpu = async (): Promise<BackendInfo> => {
  await tf.setBackend('cpu');
  return { backend: 'cpu', requested: 'cpu', attempts: [{ backend: 'cpu', ok: true, ms: 0 }] };
};

const config = parseConfig({ dataset: { n: 200, imbalanceRatio: 5 }, model: { epochs: 12, width: 4, hiddenLayers: 1 }, methods: ['none', 'smote'], seed: 5 });

beforeAll(async () => {
  await tf.ready();
});

describe('lab API (worker adapter)', () => {
  it('refuses to run before the backend is initialised', async () => {
    await expect(createLabApi(cpu).runMethod(config, 0)).rejects.toThrow(/init\(\) must be called/);
  });

  it('initialises once and tags results with the backend', async () => {
    let calls = 0;
    const api = createLabApi(async (r) => {
      calls++;
      return cpu();
    });
    await api.init('auto');
    await api.init('auto');
    expect(calls).toBe(1);
    const r = await api.runMethod(config, 1);
    expect(r).toMatchObject({ index: 1, status: 'done', backend: 'cpu' });
    expect(r.synthetic!.X.length).toBeGreaterThan(0);
  });

  it('throttles progress to at most one event per 100 ms, always sending the last epoch with the full history', async () => {
    let t = 0;
    const api = createLabApi(cpu, () => (t += 30)); // each epoch "takes" 30 ms
    await api.init('cpu');
    const events: ProgressEvent[] = [];
    await api.runMethod(config, 0, (ev) => events.push(ev));
    expect(events.length).toBeLessThan(12);
    expect(events.at(-1)).toMatchObject({ index: 0, epoch: 12, epochs: 12 });
    expect(events.at(-1)!.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('transfers result buffers without detaching the cached test labels', async () => {
    const api = createLabApi(cpu);
    await api.init('cpu');
    const a = await api.runMethod(config, 0);
    const buffers = transferablesOf(a);
    expect(buffers).toContain(a.testScores.buffer);
    expect(buffers).toContain(a.testY.buffer);
    structuredClone(a.testY, { transfer: [a.testY.buffer as ArrayBuffer] });
    const b = await api.runMethod(config, 1);
    expect(b.testY.length).toBeGreaterThan(0);
  });

  it('runs a job of several methods together, with progress per method and results in order', async () => {
    const api = createLabApi(cpu);
    await api.init('cpu');
    const job = parseConfig({ dataset: { n: 200, imbalanceRatio: 5 }, model: { epochs: 6, width: 4, hiddenLayers: 1 }, methods: ['none', 'focal', 'tau-norm'], seed: 5 });
    const events: ProgressEvent[] = [];
    const results = await api.runMethods(job, [2, 0, 1], (ev) => events.push(ev));
    expect(results.map((r) => r.index)).toEqual([2, 0, 1]);
    for (const r of results) expect(r).toMatchObject({ status: 'done', backend: 'cpu' });
    // τ-norm reuses cross-entropy's first stage and trains its second stage on top (more epochs).
    expect(results[0].training).toEqual({ sharedWith: [0], batchedWith: [] });
    for (const index of [0, 1, 2]) expect(events.filter((e) => e.index === index).at(-1)!.epoch).toBe(events.filter((e) => e.index === index).at(-1)!.epochs);
    const alone = await api.runMethod(job, 1);
    expect(Array.from(alone.testScores)).toEqual(Array.from(results[2].testScores));
  });

  it('validates the config it receives', async () => {
    const api = createLabApi(cpu);
    await api.init('cpu');
    await expect(api.runMethod({ methods: ['magic'] }, 0)).rejects.toThrow(/methods\[0\].id must be one of/);
  });
});
