/**
 * The data-loading actions of the store: built-in datasets, the user's CSV, zip or folder, the
 * column choices of a table and the long-tail builder. Parsing and decoding run in workers (the
 * injected DataLoader); this file only sequences them and keeps the state honest: a newer load
 * always wins, a failed load leaves the previous data usable, and the config changes only when
 * the new data is actually there.
 */
import type { StoreApi } from 'zustand/vanilla';
import { defaultConfig, isLoadedDataset, type ColumnChoice, type ExperimentConfig, type LoadedDatasetConfig } from '../core/config';
import { defaultParams } from '../core/params';
import { IMAGE_PARAM_SPECS, LONG_TAIL_PARAM_SPECS } from '../core/datasetParams';
import { findBuiltin } from '../core/data/builtins';
import type { LoadedData } from '../core/data/loadedSource';
import { describeTable } from '../core/data/tableSource';
import type { Table } from '../core/data/table/table';
import type { ImageSet } from '../core/data/images/imageSet';
import type { Cancellable, DataLoader, DataLoadState, LabState, LoadProgress } from './types';

/**
 * Files above this size are not loaded whole: the user is offered a stratified sample instead.
 * Why 256 MB: parsing peaks at ~1.5× the file in the CSV worker, and every training worker then
 * holds its own copy of the columns (8 bytes a cell): a 150 MB, 284,807 × 31 file is 70 MB per worker.
 */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;
/** Rows kept when the user accepts the sample (about the credit-card fraud set, known to load). */
export const SAMPLE_ROWS = 300_000;

export const initialDataState = (config: ExperimentConfig): DataLoadState => ({
  status: isLoadedDataset(config.dataset) ? 'error' : 'synthetic',
  what: isLoadedDataset(config.dataset)
    ? { kind: config.dataset.kind, name: config.dataset.name, format: config.dataset.image || findBuiltin(config.dataset.name)?.kind === 'image' ? 'images' : 'csv' }
    : null,
  progress: null,
  loaded: null,
  notice: null,
  error:
    isLoadedDataset(config.dataset) && config.dataset.kind === 'upload'
      ? `This link was made with the file '${config.dataset.name}', which never left its owner's browser. Load the same file under "Your data" to reproduce the experiment.`
      : null,
  columns: [],
  sampleRows: [],
  notes: [],
  skipped: [],
  tooLarge: null,
});

const isZip = (name: string) => /\.zip$/i.test(name);

interface SliceDeps {
  get: () => LabState;
  set: StoreApi<LabState>['setState'];
  loader: DataLoader;
  /** The store's first config (the state does not exist yet while the store is being created). */
  initialConfig: ExperimentConfig;
  /** Applies a new config (and data) to the store: preview, resampling view. */
  applyConfig(config: ExperimentConfig, loaded: LoadedData | null): void;
}

export function createDataActions({ get, set, loader, initialConfig, applyConfig }: SliceDeps) {
  let job: Cancellable<unknown> | null = null;
  let jobId = 0;
  let lastFile: File | null = null;
  let lastFolder: { files: { path: string; blob: Blob }[]; name: string } | null = null;
  let lastSynthetic = isLoadedDataset(initialConfig.dataset) ? defaultConfig().dataset : initialConfig.dataset;

  const patchData = (patch: Partial<DataLoadState>) => set({ data: { ...get().data, ...patch } });

  /** Runs a load; only the newest one may change the state. */
  const start = <T>(what: NonNullable<DataLoadState['what']>, run: (onProgress: (p: LoadProgress) => void) => Cancellable<T>, done: (value: T) => void) => {
    job?.cancel();
    const id = ++jobId;
    patchData({ status: 'loading', what, progress: { fraction: 0, items: 0 }, error: null, notice: null, tooLarge: null });
    const onProgress = (p: LoadProgress) => {
      if (id === jobId) patchData({ progress: p });
    };
    let current: Cancellable<T>;
    try {
      current = run(onProgress);
    } catch (e) {
      fail(id, e);
      return;
    }
    job = current;
    current.promise.then(
      (value) => {
        if (id !== jobId) return;
        job = null;
        try {
          done(value);
        } catch (e) {
          fail(id, e);
        }
      },
      (e: unknown) => fail(id, e),
    );
  };

  const fail = (id: number, e: unknown) => {
    if (id !== jobId) return;
    job = null;
    const message = e instanceof Error ? e.message : String(e);
    const d = get().data;
    patchData({ status: d.loaded ? 'ready' : isLoadedDataset(get().config.dataset) ? 'error' : 'synthetic', progress: null, error: message });
  };

  /** A table arrived: show its columns and switch the config to it (target and overrides reset). */
  const tableLoaded = (kind: 'builtin' | 'upload', name: string, table: Table, keep?: LoadedDatasetConfig) => {
    const dataset: LoadedDatasetConfig = { kind, name, ...(keep?.target ? { target: keep.target } : {}), ...(keep?.columns ? { columns: keep.columns } : {}) };
    const loaded: LoadedData = { kind: 'table', table };
    const view = describeTable(table, dataset);
    set({ data: { ...get().data, status: 'ready', progress: null, loaded, error: null, columns: view.columns, sampleRows: view.sampleRows, notes: view.notes, skipped: [] } });
    applyConfig({ ...get().config, dataset }, loaded);
  };

  const imagesLoaded = (dataset: LoadedDatasetConfig, train: ImageSet, test?: ImageSet) => {
    const loaded: LoadedData = { kind: 'images', train, test };
    const notes = [...train.notes, ...(test?.notes ?? [])];
    if (test) notes.unshift(`A balanced test set of ${test.y.length} images comes with this dataset: it is the test split.`);
    set({ data: { ...get().data, status: 'ready', progress: null, loaded, error: null, columns: [], sampleRows: [], notes, skipped: [...train.skipped, ...(test?.skipped ?? [])] } });
    applyConfig({ ...get().config, dataset }, loaded);
  };

  const loadImages = (dataset: LoadedDatasetConfig, what: NonNullable<DataLoadState['what']>, train: Parameters<DataLoader['images']>[0], test?: Parameters<DataLoader['images']>[0]) => {
    const image = dataset.image ?? (defaultParams(IMAGE_PARAM_SPECS) as unknown as NonNullable<LoadedDatasetConfig['image']>);
    const ds = { ...dataset, image };
    start(
      what,
      (onProgress) => {
        const a = loader.images(train, image, (p) => onProgress(test ? { fraction: p.fraction / 2, items: p.items } : p));
        if (!test) return { promise: a.promise.then((t) => ({ train: t, test: undefined as ImageSet | undefined })), cancel: a.cancel };
        let b: Cancellable<ImageSet> | null = null;
        const promise = a.promise.then((t) => {
          b = loader.images(test, image, (p) => onProgress({ fraction: 0.5 + p.fraction / 2, items: t.y.length + p.items }));
          return b.promise.then((s) => ({ train: t, test: s as ImageSet | undefined }));
        });
        return { promise, cancel: () => (a.cancel(), (b as Cancellable<ImageSet> | null)?.cancel()) };
      },
      ({ train: t, test: s }) => imagesLoaded(ds, t, s),
    );
  };

  const loadCsv = (kind: 'builtin' | 'upload', name: string, source: Blob | { url: string }, bytes: number | undefined, sample?: number, keep?: LoadedDatasetConfig) => {
    const opts = sample ? { sample: { maxRows: sample, seed: get().config.seed } } : {};
    start({ kind, name, format: 'csv', bytes }, (onProgress) => loader.csv(source, opts, onProgress), (table) => tableLoaded(kind, name, table, keep));
  };

  const reloadCurrent = (dataset: LoadedDatasetConfig) => {
    if (dataset.kind === 'builtin') return actions.loadBuiltin(dataset.name, dataset);
    if (lastFile) return actions.loadFile(lastFile, dataset);
    if (lastFolder) return actions.loadFolder(lastFolder.files, lastFolder.name, dataset);
  };

  const actions = {
    backToSynthetic() {
      job?.cancel();
      jobId++;
      lastFile = null;
      set({ data: initialDataState({ ...get().config, dataset: lastSynthetic }) });
      applyConfig({ ...get().config, dataset: lastSynthetic }, null);
    },

    loadBuiltin(id: string, keep?: LoadedDatasetConfig) {
      const b = findBuiltin(id);
      if (!b) return patchData({ error: `There is no built-in dataset '${id}'.` });
      if (!isLoadedDataset(get().config.dataset)) lastSynthetic = get().config.dataset;
      if (b.kind === 'tabular') return loadCsv('builtin', id, { url: `datasets/${b.file}` }, undefined, undefined, keep);
      const dataset: LoadedDatasetConfig = { kind: 'builtin', name: id, image: keep?.image ?? { size: 8, color: 'gray' }, ...(keep?.longTail ? { longTail: keep.longTail } : {}) };
      loadImages(dataset, { kind: 'builtin', name: id, format: 'images' }, { zip: { url: `datasets/${b.file}` } }, b.testFile ? { zip: { url: `datasets/${b.testFile}` } } : undefined);
    },

    loadFile(file: File, keep?: LoadedDatasetConfig) {
      if (!isLoadedDataset(get().config.dataset)) lastSynthetic = get().config.dataset;
      lastFile = file;
      lastFolder = null;
      if (isZip(file.name)) {
        const dataset: LoadedDatasetConfig = { kind: 'upload', name: file.name, ...(keep?.image ? { image: keep.image } : {}), ...(keep?.longTail ? { longTail: keep.longTail } : {}) };
        return loadImages(dataset, { kind: 'upload', name: file.name, format: 'images', bytes: file.size }, { zip: file });
      }
      if (file.size > MAX_CSV_BYTES) {
        return patchData({
          error: `'${file.name}' is ${(file.size / 2 ** 20).toFixed(0)} MB, more than this page can hold at once (${MAX_CSV_BYTES / 2 ** 20} MB).`,
          tooLarge: { bytes: file.size, maxRows: SAMPLE_ROWS },
        });
      }
      loadCsv('upload', file.name, file, file.size, undefined, keep);
    },

    loadSample(maxRows: number) {
      if (!lastFile) return;
      loadCsv('upload', lastFile.name, lastFile, lastFile.size, maxRows);
    },

    loadFolder(files: { path: string; blob: Blob }[], name: string, keep?: LoadedDatasetConfig) {
      if (!isLoadedDataset(get().config.dataset)) lastSynthetic = get().config.dataset;
      lastFile = null;
      lastFolder = { files, name };
      if (files.length === 0) return patchData({ error: `The folder '${name}' is empty. Pick a folder with one sub-folder of images per class.` });
      const dataset: LoadedDatasetConfig = { kind: 'upload', name, ...(keep?.image ? { image: keep.image } : {}), ...(keep?.longTail ? { longTail: keep.longTail } : {}) };
      loadImages(dataset, { kind: 'upload', name, format: 'images', bytes: files.reduce((a, f) => a + f.blob.size, 0) }, { files });
    },

    cancelLoad() {
      if (!job) return;
      job.cancel();
      job = null;
      jobId++;
      const d = get().data;
      patchData({ status: d.loaded ? 'ready' : isLoadedDataset(get().config.dataset) ? 'error' : 'synthetic', progress: null, notice: 'Loading was cancelled. The data shown before is still in use.' });
    },

    setColumnUse(name: string, use: ColumnChoice | 'target') {
      const { config, data } = get();
      if (!isLoadedDataset(config.dataset) || data.loaded?.kind !== 'table') return;
      const columns = { ...(config.dataset.columns ?? {}) };
      let target = config.dataset.target;
      if (use === 'target') {
        target = name;
        delete columns[name];
      } else {
        columns[name] = use;
        if (target === name || (!target && data.columns.find((c) => c.use === 'target')?.name === name)) target = undefined;
      }
      const dataset: LoadedDatasetConfig = { ...config.dataset, target, columns };
      if (target === undefined) delete dataset.target;
      try {
        const view = describeTable(data.loaded.table, dataset);
        set({ data: { ...data, columns: view.columns, notes: view.notes, error: null } });
        applyConfig({ ...config, dataset }, data.loaded);
      } catch (e) {
        patchData({ error: e instanceof Error ? e.message : String(e) });
      }
    },

    setImageOptions(size: number, color: 'gray' | 'rgb') {
      const { config } = get();
      if (!isLoadedDataset(config.dataset)) return;
      reloadCurrent({ ...config.dataset, image: { size, color } });
    },

    setLongTail(spec: LoadedDatasetConfig['longTail'] | null) {
      const { config, data } = get();
      if (!isLoadedDataset(config.dataset)) return;
      const dataset: LoadedDatasetConfig = { ...config.dataset };
      if (spec) dataset.longTail = { ...(defaultParams(LONG_TAIL_PARAM_SPECS) as unknown as NonNullable<LoadedDatasetConfig['longTail']>), ...spec };
      else delete dataset.longTail;
      applyConfig({ ...config, dataset }, data.loaded);
    },
  };
  return actions;
}
