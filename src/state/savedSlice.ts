/**
 * Saved runs and experiment files: the store's actions that read and write the run archive
 * (runArchive.ts) and import an exported experiment, plus the auto-save that keeps every run.
 */
import type { StoreApi } from 'zustand/vanilla';
import { isLoadedDataset, parseConfig, type ExperimentConfig } from '../core/config';
import { snapshotOf, type RunArchive, type SavedRun } from './runArchive';
import type { LabState } from './types';

export const archiveError = (e: unknown) => `Saved experiments are not available: ${e instanceof Error ? e.message : String(e)}. Results still work; they are just not kept.`;

interface SavedDeps {
  get: () => LabState;
  set: (partial: Partial<LabState>) => void;
  archive: RunArchive | undefined;
  /** Replaces the experiment (loading a built-in dataset); false when its data cannot come along (the user's own file). */
  applyWholeConfig: (config: ExperimentConfig) => boolean;
}

export function createSavedActions({ get, set, archive, applyWholeConfig }: SavedDeps) {
  return {
    async refreshSaved() {
      if (!archive) return;
      try {
        set({ saved: { items: await archive.list(), error: null } });
      } catch (e) {
        set({ saved: { ...get().saved, error: archiveError(e) } });
      }
    },

    async openSaved(id) {
      if (!archive || get().run.status === 'running') return;
      let saved: SavedRun | undefined;
      try {
        saved = await archive.get(id);
      } catch (e) {
        return set({ saved: { ...get().saved, error: archiveError(e) } });
      }
      if (!saved) return set({ saved: { ...get().saved, error: 'That saved experiment is gone (deleted in another tab?).' } });
      const config = saved.config;
      applyWholeConfig(config);
      const run = get().run;
      set({
        run: {
          id: run.id + 1,
          status: saved.status === 'done' ? 'done' : 'cancelled',
          config,
          backend: saved.backend,
          mainThreadFallback: false,
          data: saved.data,
          loaded: null,
          methods: saved.methodStates,
          startedAt: saved.startedAt,
          finishedAt: saved.finishedAt,
        },
      });
    },

    async renameSaved(id, name) {
      if (!archive) return;
      const clean = name.trim();
      if (clean === '') return set({ saved: { ...get().saved, error: 'A saved experiment needs a name. Got an empty name instead.' } });
      await archive.rename(id, clean.slice(0, 120));
      await get().refreshSaved();
    },

    async compareSaved(ids) {
      if (!ids || !archive) return set({ savedComparison: null });
      try {
        const runs = (await Promise.all(ids.map((id) => archive!.get(id)))).filter((r): r is SavedRun => r !== undefined);
        set({ savedComparison: runs.map((r) => ({ id: r.id, name: r.name, savedAt: r.savedAt, methods: r.methodStates })) });
      } catch (e) {
        set({ saved: { ...get().saved, error: archiveError(e) } });
      }
    },

    async deleteSaved(id) {
      if (!archive) return;
      await archive.remove(id);
      await get().refreshSaved();
    },

    importExperiment(text, fileName) {
      let config: ExperimentConfig;
      try {
        config = parseConfig(JSON.parse(text));
      } catch (e) {
        const why = e instanceof SyntaxError ? `it is not JSON (${e.message})` : e instanceof Error ? e.message : String(e);
        return set({ importMessage: { ok: false, text: `'${fileName}' is not an experiment file: ${why} Export one with "Export experiment", or from the command line with 'imbalance-lab config'.` } });
      }
      const withData = applyWholeConfig(config);
      const d = config.dataset;
      set({
        importMessage: withData
          ? { ok: true, text: `Loaded the experiment from '${fileName}': ${config.methods.length} methods, seed ${config.seed}. Press Run to reproduce it.` }
          : { ok: true, text: `Loaded the experiment from '${fileName}' except its data: load the file '${isLoadedDataset(d) ? d.name : ''}' to reproduce it.` },
      });
    },
  } satisfies Partial<LabState>;
}

/**
 * Keeps every run on this machine as it progresses: a snapshot after each method finishes and when
 * the run ends, so a reload, a closed tab or a crash loses at most the methods still training.
 * Saves are chained (never two writes of one run at once) and failures are reported, not thrown.
 */
export function autoSave(store: StoreApi<LabState>, archive: RunArchive): void {
  let chain: Promise<unknown> = Promise.resolve();
  const doneCount = (s: LabState) => s.run.methods.filter((m) => m.status === 'done' || m.status === 'error').length;
  store.subscribe((s, prev) => {
    if (s.run === prev.run) return;
    const finishedNow = s.run.status !== 'running' && prev.run.status === 'running';
    const methodFinished = s.run.id === prev.run.id && doneCount(s) > doneCount(prev);
    if (!finishedNow && !methodFinished) return;
    const snapshot = snapshotOf(s.run);
    if (!snapshot) return;
    chain = chain
      .then(() => archive.put(snapshot))
      .then(() => store.getState().refreshSaved())
      .catch((e: unknown) => store.setState({ saved: { ...store.getState().saved, error: archiveError(e) } }));
  });
  void store.getState().refreshSaved();
}
