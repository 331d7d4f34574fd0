/**
 * Turns worker-pool events into store updates. Each update is tagged with the run id it belongs
 * to, so a late message from a cancelled run can never overwrite a newer one.
 *
 * Progress is coalesced: events from all workers are buffered and applied in one store update at
 * most every {@link PROGRESS_FLUSH_MS}, so the charts re-render a few times a second rather than
 * once per epoch per worker (which kept the main thread busy while training). Start, done and
 * failure events flush at once.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { BackendRequest } from '../../workers/backendTypes';
import type { ProgressEvent } from '../../workers/labApi';
import type { RunCallbacks } from '../workerClient/labClient';
import type { LabState, MethodRunState } from './types';

export const PROGRESS_FLUSH_MS = 250;

type Patch = (m: MethodRunState) => Partial<MethodRunState>;

export function runCallbacks(
  get: () => LabState,
  set: StoreApi<LabState>['setState'],
  /** The backend the run asked for: a worker that failed before reporting one failed on this. */
  requested: BackendRequest = 'auto',
  timers: { setTimeout: (f: () => void, ms: number) => unknown; clearTimeout: (id: unknown) => void } = {
    setTimeout: (f, ms) => globalThis.setTimeout(f, ms),
    clearTimeout: (id) => globalThis.clearTimeout(id as number),
  },
): RunCallbacks {
  const runId = get().run.id;
  const pending = new Map<number, ProgressEvent>();
  let timer: unknown = null;

  const apply = (patches: Map<number, Patch>) => {
    const run = get().run;
    if (run.id !== runId || run.status !== 'running' || patches.size === 0) return;
    const methods = run.methods.map((m) => {
      const patch = patches.get(m.index);
      return patch ? { ...m, ...patch(m) } : m;
    });
    const finished = methods.every((m) => m.status === 'done' || m.status === 'error');
    set({ run: { ...run, methods, ...(finished ? { status: 'done', finishedAt: Date.now() } : {}) } });
  };

  const progressPatches = (): Map<number, Patch> => {
    const patches = new Map<number, Patch>();
    for (const [index, ev] of pending) patches.set(index, () => ({ epoch: ev.epoch, epochs: ev.epochs, history: ev.history, split: ev.split, splits: ev.splits }));
    pending.clear();
    return patches;
  };

  const flush = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    apply(progressPatches());
  };

  /** Applies buffered progress together with one immediate event. */
  const now = (index: number, patch: Patch) => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    pending.delete(index);
    const patches = progressPatches();
    patches.set(index, patch);
    apply(patches);
  };

  return {
    onBackend(info, fallback) {
      const run = get().run;
      if (run.id === runId) set({ run: { ...run, backend: info, mainThreadFallback: fallback } });
    },
    onMethodStart(index) {
      now(index, () => ({ status: 'running' }));
    },
    onProgress(ev) {
      pending.set(ev.index, ev);
      timer ??= timers.setTimeout(flush, PROGRESS_FLUSH_MS);
    },
    onMethodDone(result) {
      now(result.index, () =>
        result.status === 'done'
          ? { status: 'done', result, history: result.history, epoch: result.history.length }
          : { status: 'error', result, history: result.history, error: { message: result.error!.message, unexpected: result.error!.unexpected, backend: result.backend } },
      );
    },
    onMethodFailed(index, message) {
      const backend = get().run.backend?.backend ?? (requested === 'auto' ? undefined : requested);
      now(index, () => ({ status: 'error', error: { message, unexpected: true, backend } }));
    },
  };
}
