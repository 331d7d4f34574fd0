/**
 * Finished (and partly finished) runs kept on the user's machine, so a reload or a crashed tab never
 * loses a result: the contract the store saves through (IndexedDB in the app: persist/idbArchive.ts;
 * in memory in tests). What is kept: the config, the dataset summary the views need, and every
 * method's state and result — never the loaded rows (they can be large, and a re-run loads them).
 */
import type { ExperimentConfig } from '../core/config';
import { isLoadedDataset } from '../core/config';
import type { BackendInfo } from '../../workers/backendTypes';
import type { DatasetPreview } from './preview';
import type { MethodRunState, RunState } from './types';

export interface SavedRunSummary {
  id: string;
  name: string;
  savedAt: number;
  /** 'done': every method finished; 'partial': the tab closed or crashed mid-run; 'cancelled'. */
  status: 'done' | 'partial' | 'cancelled';
  methodsDone: number;
  methods: number;
}

export interface SavedRun extends SavedRunSummary {
  config: ExperimentConfig;
  data: DatasetPreview;
  methodStates: MethodRunState[];
  backend: BackendInfo | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface RunArchive {
  put(run: SavedRun): Promise<void>;
  /** Newest first. */
  list(): Promise<SavedRunSummary[]>;
  get(id: string): Promise<SavedRun | undefined>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
}

/** The archive entry of `run` (null when it has nothing worth keeping yet). */
export function snapshotOf(run: RunState, name?: string): SavedRun | null {
  if (!run.config || !run.data) return null;
  const done = run.methods.filter((m) => m.status === 'done').length;
  if (done === 0) return null;
  const ds = run.config.dataset;
  const dataset = isLoadedDataset(ds) ? ds.name : `${ds.shape} 1:${ds.imbalanceRatio}`;
  const finished = run.status === 'done';
  return {
    id: `run-${run.startedAt}`,
    name: name ?? `${dataset} · ${run.methods.map((m) => m.label).slice(0, 3).join(', ')}${run.methods.length > 3 ? ` +${run.methods.length - 3}` : ''}`,
    savedAt: Date.now(),
    status: finished ? 'done' : run.status === 'cancelled' ? 'cancelled' : 'partial',
    methodsDone: done,
    methods: run.methods.length,
    config: run.config,
    data: run.data,
    // Methods that had not finished are kept as they were (their history so far), marked as not finished.
    methodStates: run.methods.map((m) => (m.status === 'done' || m.status === 'error' ? m : { ...m, status: 'error' as const, error: { message: 'Not finished: the page was closed or reloaded during the run.', unexpected: false } })),
    backend: run.backend,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

export const summaryOf = ({ id, name, savedAt, status, methodsDone, methods }: SavedRun): SavedRunSummary => ({ id, name, savedAt, status, methodsDone, methods });

/** An archive in memory (tests; browsers without IndexedDB, where it lasts as long as the tab). */
export function memoryArchive(): RunArchive {
  const runs = new Map<string, SavedRun>();
  return {
    async put(run) {
      const old = runs.get(run.id);
      runs.set(run.id, old ? { ...run, name: old.name } : run);
    },
    async list() {
      return [...runs.values()].sort((a, b) => b.startedAt - a.startedAt).map(summaryOf);
    },
    async get(id) {
      return runs.get(id);
    },
    async rename(id, name) {
      const r = runs.get(id);
      if (r) runs.set(id, { ...r, name });
    },
    async remove(id) {
      runs.delete(id);
    },
  };
}
