/**
 * Runs the methods of a comparison in a small pool of module Web Workers (one TF.js instance
 * each), so training never blocks the page. Cancel = terminate the workers: nothing in flight
 * survives, and the next run starts fresh ones. If a worker cannot even start (old browser,
 * blocked worker script), the run falls back to the main thread and says so.
 */
import * as Comlink from 'comlink';
import type { ExposedLabApi } from '../../workers/lab.worker';
import type { BackendInfo, BackendRequest } from '../../workers/backendTypes';
import type { ProgressEvent, WorkerMethodResult } from '../../workers/labApi';
import type { ExperimentConfig } from '../core/config';
import { planTrainingJobs } from '../core/trainingJobs';
import type { SweepPoint, SweepVariant } from '../core/sweep/smotePaperSweep';
import type { ResamplingPreview } from '../core/resamplingPreview';
import type { LoadedData } from '../core/data/loadedSource';

export interface RunCallbacks {
  onBackend(info: BackendInfo, fallbackToMainThread: boolean): void;
  onMethodStart(index: number): void;
  onProgress(ev: ProgressEvent): void;
  onMethodDone(result: WorkerMethodResult): void;
  /** The worker itself failed (crash, backend could not start): not a data problem. */
  onMethodFailed(index: number, message: string): void;
}

export interface RunHandle {
  cancel(): void;
  /** Resolves 'done' when every method has a result or a failure, 'cancelled' after cancel(). */
  done: Promise<'done' | 'cancelled'>;
}

type Remote = Comlink.Remote<ExposedLabApi>;

interface Slot {
  worker: Worker | null;
  api: Remote | ExposedLabApi;
  /** Rejects when the worker reports an uncaught error (e.g. its script failed to load). */
  failed: Promise<never>;
}

function spawn(): Slot {
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'imbalance-lab' });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`The training worker stopped: ${e.message || 'it could not be loaded'}.`)));
  });
  failed.catch(() => {});
  return { worker, api: Comlink.wrap<ExposedLabApi>(worker), failed };
}

async function mainThreadSlot(): Promise<Slot> {
  const [{ createLabApi }, { initBackend }] = await Promise.all([import('../../workers/labApi'), import('../../workers/backend')]);
  return { worker: null, api: createLabApi(initBackend), failed: new Promise<never>(() => {}) };
}

/** A worker slot, or the main thread where a worker cannot even start (old browser, blocked script). */
async function openSlot(): Promise<Slot> {
  try {
    return spawn();
  } catch {
    return mainThreadSlot();
  }
}

/**
 * The handle of a pool run: `done` settles when every slot's work has finished ('done') or at
 * cancel ('cancelled'); cancel terminates every worker, so nothing in flight survives.
 */
function poolHandle(slots: Slot[], finished: Promise<unknown>, state: { cancelled: boolean }): RunHandle {
  const done = finished.then(() => {
    for (const s of slots) s.worker?.terminate();
    return state.cancelled ? ('cancelled' as const) : ('done' as const);
  });
  let resolveCancel: (v: 'cancelled') => void = () => {};
  const cancelPromise = new Promise<'cancelled'>((r) => (resolveCancel = r));
  return {
    cancel() {
      if (state.cancelled) return;
      state.cancelled = true;
      for (const s of slots) s.worker?.terminate();
      resolveCancel('cancelled');
    },
    done: Promise.race([done, cancelPromise]),
  };
}

export function poolSize(methods: number): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(methods, cores, 4));
}

/**
 * Runs `indices` (default: all methods) of `config` on `backend`. Each call owns its workers;
 * they are terminated when the run ends or is cancelled.
 */
export function runComparison(config: ExperimentConfig, backend: BackendRequest, cb: RunCallbacks, indices?: number[], data: LoadedData | null = null): RunHandle {
  const wanted = indices ? [...indices] : config.methods.map((_, i) => i);
  // Jobs of one or more methods (core/trainingJobs.ts): loss-level methods train together.
  const queue = planTrainingJobs(config, poolSize(wanted.length), wanted);
  const slots: Slot[] = [];
  const state = { cancelled: false };
  let reportedBackend = false;

  const worker = async (slot: Slot, fallback: boolean): Promise<void> => {
    const info = await Promise.race([slot.api.init(backend), slot.failed]);
    // Each worker gets its own copy of the loaded rows once (structured clone), not one per method.
    if (data) await Promise.race([slot.api.setData(data), slot.failed]);
    if (!reportedBackend && !state.cancelled) {
      reportedBackend = true;
      cb.onBackend(info, fallback);
    }
    while (!state.cancelled && queue.length) {
      const job = queue.shift()!;
      for (const index of job) cb.onMethodStart(index);
      try {
        const onProgress = (ev: ProgressEvent) => {
          if (!state.cancelled) cb.onProgress(ev);
        };
        const results = await Promise.race([slot.api.runMethods(config, job, slot.worker ? Comlink.proxy(onProgress) : onProgress), slot.failed]);
        if (!state.cancelled) for (const result of results) cb.onMethodDone(result);
      } catch (e) {
        if (!state.cancelled) for (const index of job) cb.onMethodFailed(index, e instanceof Error ? e.message : String(e));
      }
    }
  };

  const startSlot = async (): Promise<void> => {
    const slot = await openSlot();
    slots.push(slot);
    try {
      await worker(slot, slot.worker === null);
    } catch (e) {
      // The worker could not initialise (script failed to load, no backend): fail what is left.
      if (state.cancelled) return;
      const message = e instanceof Error ? e.message : String(e);
      while (queue.length) for (const index of queue.shift()!) cb.onMethodFailed(index, message);
    }
  };

  return poolHandle(slots, Promise.all(Array.from({ length: poolSize(queue.length) }, startSlot)), state);
}

export interface SweepCallbacks {
  onBackend(info: BackendInfo): void;
  onPoint(point: SweepPoint): void;
  /** A worker failed (crash, backend could not start): the sweep stops. */
  onFailed(message: string): void;
}

/**
 * Runs the SMOTE paper's sweep: `variants` are handed one at a time to a pool of workers (each
 * trains one classifier per variant), so points arrive as they are done and the load stays even.
 * Cancel terminates the workers.
 */
export function runSweep(config: ExperimentConfig, backend: BackendRequest, variants: SweepVariant[], cb: SweepCallbacks, data: LoadedData | null = null): RunHandle {
  const queue = [...variants];
  const slots: Slot[] = [];
  const state = { cancelled: false };
  let failed = false;
  const work = async (slot: Slot, first: boolean) => {
    const info = await Promise.race([slot.api.init(backend), slot.failed]);
    if (data) await Promise.race([slot.api.setData(data), slot.failed]);
    if (first && !state.cancelled) cb.onBackend(info);
    while (!state.cancelled && !failed && queue.length) {
      const v = queue.shift()!;
      const onPoint = (p: SweepPoint) => {
        if (!state.cancelled) cb.onPoint(p);
      };
      await Promise.race([slot.api.runSweep(config, [v], slot.worker ? Comlink.proxy(onPoint) : onPoint), slot.failed]);
    }
  };
  const start = async (k: number) => {
    const slot = await openSlot();
    slots.push(slot);
    try {
      await work(slot, k === 0);
    } catch (e) {
      if (state.cancelled || failed) return;
      failed = true;
      cb.onFailed(e instanceof Error ? e.message : String(e));
    }
  };
  return poolHandle(slots, Promise.all(Array.from({ length: poolSize(variants.length) }, (_, k) => start(k))), state);
}

/** Measures training throughput on `backend` in a fresh worker (used by `npm run bench`). */
export async function benchmarkBackend(backend: BackendRequest, epochs?: number, rounds?: number): Promise<{ backend: string; epochsPerSec: number; rounds: number[] }> {
  const slot = spawn();
  try {
    await Promise.race([slot.api.init(backend), slot.failed]);
    return await Promise.race([slot.api.benchmark(epochs, rounds), slot.failed]);
  } finally {
    slot.worker?.terminate();
  }
}

/**
 * Method-epochs per second of a many-method comparison: `models` benchmark models (different
 * losses) spread over the same worker pool a comparison uses, all trained at once; each worker
 * trains its share one after another, or as one batched group (`batched`); throughput = models ×
 * epochs / wall time. `workers` overrides the pool size.
 */
export async function benchmarkComparison(
  backend: BackendRequest,
  models = 8,
  epochs = 5,
  batched = false,
  workers?: number,
): Promise<{ workers: number; batched: boolean; methodEpochsPerSec: number; wallMs: number }> {
  const n = workers ?? poolSize(models);
  const slots = Array.from({ length: n }, spawn);
  try {
    await Promise.all(slots.map((s) => Promise.race([s.api.init(backend), s.failed])));
    const shares = slots.map((_, i) => Math.floor(models / n) + (i < models % n ? 1 : 0));
    // Each worker warms up (one epoch) on its own, then times its share; the workers run at once,
    // so the comparison's wall time is the slowest share.
    const times = await Promise.all(slots.map((s, i) => Promise.race([s.api.benchmarkModels(shares.slice(0, i).reduce((a, b) => a + b, 0), shares[i], epochs, batched), s.failed])));
    const wallMs = Math.max(...times);
    return { workers: n, batched, methodEpochsPerSec: (models * epochs) / (wallMs / 1000), wallMs };
  } finally {
    for (const s of slots) s.worker?.terminate();
  }
}

/** SMOTE wall time on a benchmark case, measured in a fresh worker (used by `npm run bench`). */
export async function benchmarkSmoteInWorker(index: number): Promise<{ ms: number; rounds: number[]; rowsOut: number }> {
  const slot = spawn();
  try {
    return await Promise.race([slot.api.benchmarkSmote(index), slot.failed]);
  } finally {
    slot.worker?.terminate();
  }
}

/**
 * Resampling previews in one long-lived worker, so a costly resampler (SVM-SMOTE, CNN, instance
 * hardness) never blocks the page. Falls back to computing in the page if the worker fails.
 */
export function createWorkerPreviewer(): (config: ExperimentConfig, index: number, data: LoadedData | null) => Promise<ResamplingPreview> {
  let slot: Slot | null = null;
  let sent: LoadedData | null = null;
  return async (config, index, data) => {
    try {
      if (!slot) {
        slot = spawn();
        sent = null;
      }
      if (data !== sent) {
        await Promise.race([slot.api.setData(data), slot.failed]);
        sent = data;
      }
      return await Promise.race([slot.api.previewResampling(config, index), slot.failed]);
    } catch (e) {
      slot?.worker?.terminate();
      slot = null;
      if (e instanceof Error && /could not be loaded|stopped/.test(e.message)) {
        const { buildResamplingPreview } = await import('../core/resamplingPreview');
        return buildResamplingPreview(config, index, data);
      }
      throw e;
    }
  };
}
