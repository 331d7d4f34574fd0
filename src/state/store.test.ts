import { describe, expect, it, vi } from 'vitest';
import { defaultConfig, type SyntheticDatasetConfig } from '../core/config';
import type { RunCallbacks } from '../workerClient/labClient';
import type { WorkerMethodResult } from '../../workers/labApi';
import { createLabStore } from './store';
import { PROGRESS_FLUSH_MS } from './runCallbacks';
import type { Runner } from './types';

/** A runner the test drives by hand: it records calls and exposes the callbacks. */
function fakeRunner() {
  const calls: { indices: number[] | undefined; backend: string; cb: RunCallbacks; cancelled: boolean }[] = [];
  const runner: Runner = (_config, backend, cb, indices) => {
    const call = { indices, backend, cb, cancelled: false };
    calls.push(call);
    return { cancel: () => void (call.cancelled = true), done: Promise.resolve('done' as const) };
  };
  return { runner, calls };
}

const result = (index: number, status: 'done' | 'error' = 'done'): WorkerMethodResult =>
  ({
    index,
    status,
    history: [{ epoch: 1, loss: 0.5, valLoss: 0.6, valRecall: [1, 0], elapsedMs: 1 }],
    backend: 'wasm',
    error: status === 'error' ? { name: 'Error', message: 'GPU lost', unexpected: true } : undefined,
  }) as unknown as WorkerMethodResult;

describe('lab store', () => {
  it('starts on the default 1:20 two-class dataset with a preview', () => {
    const store = createLabStore({ runner: fakeRunner().runner });
    const s = store.getState();
    expect(s.config).toEqual(defaultConfig());
    expect(s.preview.classNames).toHaveLength(2);
    expect(s.preview.counts.reduce((a, b) => a + b, 0)).toBe(1050);
    expect(s.preview.imbalanceRatio).toBeCloseTo(20, 0);
    expect(s.preview.error).toBeNull();
  });

  it('rejects an out-of-range control with an inline message and keeps the last valid config', () => {
    const store = createLabStore({ runner: fakeRunner().runner });
    store.getState().setParam('dataset', 'imbalanceRatio', '5000');
    expect(store.getState().fieldErrors['dataset.imbalanceRatio']).toMatch(/between 1 and 1000. Got '5000' instead/);
    expect((store.getState().config.dataset as SyntheticDatasetConfig).imbalanceRatio).toBe(20);
    store.getState().setParam('dataset', 'imbalanceRatio', '100');
    expect(store.getState().fieldErrors).toEqual({});
    expect((store.getState().config.dataset as SyntheticDatasetConfig).imbalanceRatio).toBe(100);
    expect(store.getState().preview.imbalanceRatio).toBeGreaterThan(50);
  });

  it('does not start a run while a control is invalid', () => {
    const { runner, calls } = fakeRunner();
    const store = createLabStore({ runner });
    store.getState().setMethodParam(3, 'kNeighbors', 0);
    expect(store.getState().fieldErrors['methods[3].params.kNeighbors']).toBeDefined();
    store.getState().startRun();
    expect(calls).toHaveLength(0);
    expect(store.getState().run.status).toBe('idle');
  });

  it('tracks progress and results per method and finishes when all are in', () => {
    const { runner, calls } = fakeRunner();
    const store = createLabStore({ runner });
    store.getState().startRun();
    expect(store.getState().run.status).toBe('running');
    const { cb } = calls[0];
    cb.onBackend({ backend: 'wasm', requested: 'auto', attempts: [] }, false);
    cb.onMethodStart(0);
    vi.useFakeTimers();
    try {
      cb.onProgress({ index: 0, epoch: 2, epochs: 60, history: [], split: 0, splits: 1 });
      cb.onProgress({ index: 0, epoch: 3, epochs: 60, history: [], split: 0, splits: 1 });
      // Progress is coalesced: nothing changes until the flush interval has passed.
      expect(store.getState().run.methods[0]).toMatchObject({ status: 'running', epoch: 0 });
      vi.advanceTimersByTime(PROGRESS_FLUSH_MS);
      expect(store.getState().run.methods[0]).toMatchObject({ status: 'running', epoch: 3 });
      cb.onProgress({ index: 1, epoch: 5, epochs: 60, history: [], split: 0, splits: 1 });
      cb.onMethodDone(result(0));
      // A done event flushes buffered progress of other methods with it.
      expect(store.getState().run.methods[1].epoch).toBe(5);
    } finally {
      vi.useRealTimers();
    }
    for (let i = 1; i < 4; i++) cb.onMethodDone(result(i));
    expect(store.getState().run.status).toBe('running');
    cb.onMethodDone(result(4, 'error'));
    const run = store.getState().run;
    expect(run.status).toBe('done');
    expect(run.backend?.backend).toBe('wasm');
    expect(run.methods[4].error).toEqual({ message: 'GPU lost', unexpected: true, backend: 'wasm' });
  });

  it('cancel stops the run and ignores late messages from it', () => {
    const { runner, calls } = fakeRunner();
    const store = createLabStore({ runner });
    store.getState().startRun();
    store.getState().cancelRun();
    expect(calls[0].cancelled).toBe(true);
    expect(store.getState().run.status).toBe('cancelled');
    calls[0].cb.onMethodDone(result(0));
    expect(store.getState().run.methods[0].status).toBe('error');
  });

  it('retries a method that failed on one backend on the next backend', () => {
    const { runner, calls } = fakeRunner();
    const store = createLabStore({ runner });
    store.getState().startRun();
    for (let i = 0; i < 5; i++) calls[0].cb.onMethodDone(result(i, i === 2 ? 'error' : 'done'));
    store.getState().retryMethod(2, 'cpu');
    expect(calls[1]).toMatchObject({ indices: [2], backend: 'cpu' });
    expect(store.getState().run.methods[2].status).toBe('queued');
    calls[1].cb.onMethodDone(result(2));
    expect(store.getState().run.status).toBe('done');
    expect(store.getState().run.methods[2].status).toBe('done');
  });

  it('adds and removes methods but never below one', () => {
    const store = createLabStore({ runner: fakeRunner().runner });
    store.getState().addMethod('smote');
    expect(store.getState().config.methods).toHaveLength(6);
    for (let i = 0; i < 10; i++) store.getState().removeMethod(0);
    expect(store.getState().config.methods).toHaveLength(1);
  });
});

describe('resampling preview requests', () => {
  it('shows the answer to the latest request only, and recomputes when the data changes', async () => {
    const resolvers: { index: number; n: number; resolve: (p: never) => void }[] = [];
    const previewer = (config: ReturnType<typeof defaultConfig>, index: number) =>
      new Promise<never>((resolve) => resolvers.push({ index, n: (config.dataset as SyntheticDatasetConfig).n, resolve }));
    const store = createLabStore({ runner: fakeRunner().runner, previewer: previewer as never });
    store.getState().showResampling(3);
    expect(store.getState().resampling).toMatchObject({ methodIndex: 3, pending: true, preview: null });
    store.getState().showResampling(1);
    // The older request answers last: it must not replace the newer one.
    resolvers[1].resolve({ label: 'under' } as never);
    resolvers[0].resolve({ label: 'smote' } as never);
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().resampling).toMatchObject({ methodIndex: 1, pending: false, preview: { label: 'under' } });
    store.getState().setParam('dataset', 'n', 500);
    expect(resolvers.at(-1)).toMatchObject({ index: 1, n: 500 });
    // Model settings do not change what a resampler does: no new request.
    const before = resolvers.length;
    store.getState().setParam('model', 'epochs', 10);
    expect(resolvers.length).toBe(before);
    store.getState().showResampling(null);
    expect(store.getState().resampling).toMatchObject({ methodIndex: null, preview: null, pending: false });
  });

  it('reports a failed preview instead of spinning forever', async () => {
    const store = createLabStore({ runner: fakeRunner().runner, previewer: () => Promise.reject(new Error('worker crashed')) });
    store.getState().showResampling(3);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().resampling).toMatchObject({ pending: false, error: 'The preview could not be computed: worker crashed' });
  });
});
