import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config';
import type { SweepPoint, SweepVariant } from '../core/sweep/sweepGrid';
import type { SweepCallbacks } from '../workerClient/labClient';
import { createLabStore } from './store';
import type { Runner, Sweeper } from './types';

const noRunner: Runner = () => ({ cancel() {}, done: Promise.resolve('done') });

/** A sweeper the test drives by hand. */
function fakeSweeper() {
  const calls: { variants: SweepVariant[]; cb: SweepCallbacks; cancelled: boolean }[] = [];
  const sweeper: Sweeper = (_config, _backend, variants, cb) => {
    const call = { variants, cb, cancelled: false };
    calls.push(call);
    return { cancel: () => void (call.cancelled = true), done: Promise.resolve('done') };
  };
  return { sweeper, calls };
}

const point = (v: SweepVariant): SweepPoint => ({ ...v, fpr: 0.1, tpr: 0.8, auc: 0.9, trainCounts: [10, 10] });

describe("the SMOTE paper's sweep (store)", () => {
  it('hands every variant of the grid to the sweeper, collects the points and finishes', () => {
    const { sweeper, calls } = fakeSweeper();
    const store = createLabStore({ runner: noRunner, sweeper });
    store.getState().startSweep('quick');
    expect(calls).toHaveLength(1);
    expect(calls[0].variants).toHaveLength(32);
    expect(store.getState().sweep).toMatchObject({ status: 'running', total: 32, points: [] });
    calls[0].cb.onBackend({ backend: 'wasm', requested: 'auto', attempts: [] });
    for (const v of calls[0].variants.slice(0, 31)) calls[0].cb.onPoint(point(v));
    expect(store.getState().sweep.status).toBe('running');
    calls[0].cb.onPoint(point(calls[0].variants[31]));
    expect(store.getState().sweep).toMatchObject({ status: 'done', total: 32 });
    expect(store.getState().sweep.points).toHaveLength(32);
    expect(store.getState().sweep.backend?.backend).toBe('wasm');
  });

  it('cancel stops listening; a worker failure is reported; a new sweep replaces the old one', () => {
    const { sweeper, calls } = fakeSweeper();
    const store = createLabStore({ runner: noRunner, sweeper });
    store.getState().startSweep('paper');
    expect(calls[0].variants).toHaveLength(108);
    store.getState().cancelSweep();
    expect(calls[0].cancelled).toBe(true);
    expect(store.getState().sweep.status).toBe('cancelled');
    calls[0].cb.onPoint(point(calls[0].variants[0]));
    expect(store.getState().sweep.points).toHaveLength(0);
    store.getState().startSweep('quick');
    calls[1].cb.onFailed('The training worker stopped: out of memory.');
    expect(store.getState().sweep).toMatchObject({ status: 'error', error: 'The training worker stopped: out of memory.' });
  });

  it('refuses data that is not two-class, and invalid settings, without starting', () => {
    const { sweeper, calls } = fakeSweeper();
    const store = createLabStore({ runner: noRunner, sweeper, initialConfig: parseConfig({ dataset: { kind: 'synthetic', shape: 'blobs', classes: 3, n: 300 } }) });
    store.getState().startSweep('quick');
    expect(calls).toHaveLength(0);
    expect(store.getState().sweep.status).toBe('error');
    expect(store.getState().sweep.error).toMatch(/needs two classes, and this data has 3/);
    const two = createLabStore({ runner: noRunner, sweeper });
    two.getState().setParam('dataset', 'imbalanceRatio', '5000');
    two.getState().startSweep('quick');
    expect(calls).toHaveLength(0);
    expect(two.getState().sweep.error).toMatch(/Fix the highlighted settings first/);
  });
});
