/**
 * The one zustand store (vanilla, so it is tested without React). Config edits are validated
 * against the parameter specs; a rejected value leaves the last valid config in place and shows
 * an inline message. Runs go through an injected runner (workers in the app, a fake in tests).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { defaultConfig, isLoadedDataset, MAX_METHODS, SEED_SPEC, type ExperimentConfig } from '../core/config';
import { DATASET_PARAM_SPECS, SPLIT_PARAM_SPECS } from '../core/datasetParams';
import { METHODS, methodLabel } from '../core/methods';
import { MODEL_PARAM_SPECS } from '../core/models/modelSpec';
import { defaultParams, validateParam, type ParamSpec } from '../core/params';
import type { BackendRequest } from '../../workers/backendTypes';
import { buildPreview } from './preview';
import { splitCount } from '../core/protocol';
import { trainingSchedule } from '../core/lossMethods';
import { findPreset } from '../core/presets';
import { buildResamplingPreview, type ResamplingPreview } from '../core/resamplingPreview';
import type { DataLoader, LabState, MethodRunState, ParamGroup, RunState, Runner, Sweeper, SweepState } from './types';
import { sweepVariants } from '../core/sweep/sweepGrid';
import type { LoadedData } from '../core/data/loadedSource';
import { createDataActions, initialDataState } from './dataSlice';
import { runCallbacks } from './runCallbacks';
import { checkEvaluationPatch, DEFAULT_EVALUATION } from './evaluationOptions';
import { checkMetricLab, DEFAULT_METRIC_LAB } from './metricLab';
import type { RunArchive } from './runArchive';
import { autoSave, createSavedActions } from './savedSlice';
import { findLesson, LESSONS } from '../lessons/lessons';
import { decodeConfig } from './urlCodec';

const SPECS: Record<ParamGroup, readonly ParamSpec[]> = { dataset: DATASET_PARAM_SPECS, split: SPLIT_PARAM_SPECS, model: MODEL_PARAM_SPECS };

/** Computes a resampling preview (in a worker in the app; directly in tests). */
export type Previewer = (config: ExperimentConfig, methodIndex: number, data: LoadedData | null) => Promise<ResamplingPreview>;

const previewHere: Previewer = async (config, methodIndex, data) => buildResamplingPreview(config, methodIndex, data);

const noLoader: DataLoader = {
  csv: () => ({ promise: Promise.reject(new Error('Loading files is not available here.')), cancel() {} }),
  images: () => ({ promise: Promise.reject(new Error('Loading images is not available here.')), cancel() {} }),
};

export interface StoreOptions {
  runner: Runner;
  /** Where finished runs are kept (IndexedDB in the app); none: nothing is saved. */
  archive?: RunArchive;
  /** Runs the SMOTE paper's sweep (a worker pool in the app). */
  sweeper?: Sweeper;
  previewer?: Previewer;
  /** Parses CSVs and decodes images (workers in the app). */
  loader?: DataLoader;
  initialConfig?: ExperimentConfig | null;
  backendRequest?: BackendRequest;
  urlError?: string | null;
}


const idleSweep = (): SweepState => ({ status: 'idle', grid: 'quick', total: 0, points: [], error: null, config: null, backend: null });

const noSweeper: Sweeper = (_c, _b, _v, cb) => {
  cb.onFailed('The sweep is not available here.');
  return { cancel() {}, done: Promise.resolve('done') };
};

const idleRun = (): RunState => ({ id: 0, status: 'idle', config: null, backend: null, mainThreadFallback: false, data: null, loaded: null, methods: [], startedAt: 0, finishedAt: null });

export function createLabStore(opts: StoreOptions): StoreApi<LabState> {
  let handle: { cancel(): void } | null = null;
  let sweepHandle: { cancel(): void } | null = null;

  const store = createStore<LabState>()((set, get) => {
    const withError = (path: string, message: string | null) => {
      const fieldErrors = { ...get().fieldErrors };
      if (message) fieldErrors[path] = message;
      else delete fieldErrors[path];
      return fieldErrors;
    };
    const tryValidate = (spec: ParamSpec, raw: unknown, path: string) => {
      try {
        return { value: validateParam(spec, raw, path), error: null };
      } catch (e) {
        return { value: null, error: e instanceof Error ? e.message : String(e) };
      }
    };
    // Previews are requested asynchronously; only the answer to the latest request is shown.
    const previewer = opts.previewer ?? previewHere;
    let previewRequest = 0;
    const requestPreview = (config: ExperimentConfig, methodIndex: number | null) => {
      const id = ++previewRequest;
      if (methodIndex === null || methodIndex >= config.methods.length) {
        set({ resampling: { methodIndex: null, preview: null, pending: false } });
        return;
      }
      set({ resampling: { methodIndex, preview: get().resampling.preview, pending: true } });
      previewer(config, methodIndex, get().data.loaded).then(
        (preview) => {
          if (id === previewRequest) set({ resampling: { methodIndex, preview, pending: false } });
        },
        (e: unknown) => {
          if (id !== previewRequest) return;
          const message = `The preview could not be computed: ${e instanceof Error ? e.message : String(e)}`;
          set({ resampling: { methodIndex, preview: null, pending: false, error: message } });
        },
      );
    };
    const setConfig = (config: ExperimentConfig, fieldErrors: Record<string, string>, dataChanged = false) => {
      const datasetChanged = dataChanged || config.dataset !== get().config.dataset || config.seed !== get().config.seed || config.split !== get().config.split;
      const open = get().resampling.methodIndex;
      const modelOnly = config.model !== get().config.model;
      set({ config, fieldErrors, ...(datasetChanged ? { preview: buildPreview(config, get().data.loaded) } : {}) });
      // The model's settings do not change what a resampler does: no new preview then.
      if (open !== null && !modelOnly) requestPreview(config, open < config.methods.length ? open : null);
    };

    /**
     * A whole experiment from elsewhere (a saved run, an imported file): a built-in dataset is
     * loaded, generated data regenerated; for the user's own file everything but the data is taken
     * (the file has to be loaded again). Returns whether the data came along.
     */
    const applyWholeConfig = (config: ExperimentConfig): boolean => {
      const d = config.dataset;
      if (isLoadedDataset(d) && d.kind === 'builtin') {
        setConfig(config, {});
        dataActions.loadBuiltin(d.name, d);
        return true;
      }
      if (!isLoadedDataset(d)) {
        if (isLoadedDataset(get().config.dataset)) dataActions.backToSynthetic();
        setConfig(config, {}, true);
        return true;
      }
      setConfig({ ...get().config, split: config.split, methods: config.methods, model: config.model, seed: config.seed }, {});
      return false;
    };

    const launch = (config: ExperimentConfig, indices: number[], backend: BackendRequest, data: LoadedData | null) => {
      handle = opts.runner(config, backend, runCallbacks(get, set, backend), indices, data);
    };

    const initialConfig = opts.initialConfig ?? defaultConfig();
    const dataActions = createDataActions({
      get,
      set,
      loader: opts.loader ?? noLoader,
      initialConfig,
      applyConfig: (config) => setConfig(config, get().fieldErrors, true),
    });
    const savedActions = createSavedActions({ get, set, archive: opts.archive, applyWholeConfig });
    // A link to a built-in dataset loads it; a link to someone's own file says to load it here.
    if (isLoadedDataset(initialConfig.dataset) && initialConfig.dataset.kind === 'builtin') {
      const keep = initialConfig.dataset;
      queueMicrotask(() => dataActions.loadBuiltin(keep.name, keep));
    }
    return {
      config: initialConfig,
      backendRequest: opts.backendRequest ?? 'auto',
      fieldErrors: {},
      urlError: opts.urlError ?? null,
      preview: buildPreview(initialConfig, null),
      data: initialDataState(initialConfig),
      resampling: { methodIndex: null, preview: null, pending: false },
      run: idleRun(),
      evaluation: DEFAULT_EVALUATION,
      evaluationError: null,
      sweep: idleSweep(),
      metricLab: DEFAULT_METRIC_LAB,
      metricLabError: null,
      saved: { items: [], error: null },
      importMessage: null,
      savedComparison: null,
      lesson: null,
      presenting: false,
      ...dataActions,

      setParam(group, name, raw) {
        const spec = SPECS[group].find((s) => s.name === name);
        if (!spec) throw new Error(`Unknown ${group} parameter '${name}'.`);
        const path = `${group}.${name}`;
        const { value, error } = tryValidate(spec, raw, path);
        if (error !== null) return set({ fieldErrors: withError(path, error) });
        const config = get().config;
        // The generator controls only apply to generated data.
        if (group === 'dataset' && isLoadedDataset(config.dataset)) return;
        setConfig({ ...config, [group]: { ...config[group], [name]: value } }, withError(path, null));
      },

      setSeed(raw) {
        const { value, error } = tryValidate(SEED_SPEC, raw, 'seed');
        if (error !== null) return set({ fieldErrors: withError('seed', error) });
        setConfig({ ...get().config, seed: value as number }, withError('seed', null));
      },

      addMethod(id) {
        const config = get().config;
        if (config.methods.length >= MAX_METHODS) return;
        setConfig({ ...config, methods: [...config.methods, { id, params: defaultParams(METHODS[id].params) }] }, get().fieldErrors);
      },

      removeMethod(index) {
        const config = get().config;
        if (config.methods.length <= 1) return;
        const fieldErrors = Object.fromEntries(Object.entries(get().fieldErrors).filter(([k]) => !k.startsWith('methods[')));
        setConfig({ ...config, methods: config.methods.filter((_, i) => i !== index) }, fieldErrors);
      },

      setMethodParam(index, name, raw) {
        const config = get().config;
        const method = config.methods[index];
        const spec = METHODS[method.id].params.find((p) => p.name === name);
        if (!spec) throw new Error(`Method '${method.id}' has no parameter '${name}'.`);
        const path = `methods[${index}].params.${name}`;
        const { value, error } = tryValidate(spec, raw, path);
        if (error !== null) return set({ fieldErrors: withError(path, error) });
        const methods = config.methods.map((m, i) => (i === index ? { ...m, params: { ...m.params, [name]: value! } } : m));
        setConfig({ ...config, methods }, withError(path, null));
      },

      applyPreset(id) {
        const preset = findPreset(id);
        if (!preset) return;
        setConfig(preset.config, {});
        const d = preset.config.dataset;
        if (isLoadedDataset(d) && d.kind === 'builtin') dataActions.loadBuiltin(d.name, d);
        else dataActions.backToSynthetic();
      },

      setBackendRequest(backendRequest) {
        set({ backendRequest });
      },

      showResampling(methodIndex) {
        requestPreview(get().config, methodIndex);
      },

      startRun() {
        const { config, fieldErrors, preview, run, data } = get();
        if (Object.keys(fieldErrors).length > 0 || preview.error || data.status === 'loading') return;
        handle?.cancel();
        const methods: MethodRunState[] = config.methods.map((m, index) => ({
          index,
          label: methodLabel(m),
          status: 'queued',
          epoch: 0,
          epochs: trainingSchedule(m, config.model.epochs).totalEpochs,
          split: 0,
          splits: splitCount(config),
          marker: trainingSchedule(m, config.model.epochs).marker,
          history: [],
        }));
        set({
          run: {
            id: run.id + 1,
            status: 'running',
            config,
            backend: null,
            mainThreadFallback: false,
            data: preview,
            loaded: get().data.loaded,
            methods,
            startedAt: Date.now(),
            finishedAt: null,
          },
        });
        launch(config, methods.map((m) => m.index), get().backendRequest, get().data.loaded);
      },

      cancelRun() {
        const run = get().run;
        if (run.status !== 'running') return;
        handle?.cancel();
        handle = null;
        set({
          run: {
            ...run,
            status: 'cancelled',
            finishedAt: Date.now(),
            methods: run.methods.map((m) => (m.status === 'queued' || m.status === 'running' ? { ...m, status: 'error', error: { message: 'Cancelled.', unexpected: false } } : m)),
          },
        });
      },

      retryMethod(index, backend) {
        const run = get().run;
        if (!run.config || run.status === 'running') return;
        const methods = run.methods.map((m) => (m.index === index ? { ...m, status: 'queued' as const, error: undefined, result: undefined, history: [], epoch: 0 } : m));
        set({ run: { ...run, id: run.id + 1, status: 'running', methods, finishedAt: null } });
        launch(run.config, [index], backend, run.loaded);
      },

      startSweep(grid) {
        const { config, preview, fieldErrors, sweep } = get();
        if (sweep.status === 'running') return;
        const fail = (error: string) => set({ sweep: { ...idleSweep(), grid, status: 'error', error } });
        if (Object.keys(fieldErrors).length > 0) return fail('Fix the highlighted settings first.');
        if (preview.error) return fail(preview.error);
        if (preview.classNames.length !== 2) {
          return fail(`The SMOTE paper's sweep compares minority against majority: it needs two classes, and this data has ${preview.classNames.length}. Load or generate a two-class dataset.`);
        }
        const variants = sweepVariants(grid);
        const id = {};
        let current: object = id;
        set({ sweep: { ...idleSweep(), grid, status: 'running', total: variants.length, config } });
        sweepHandle = (opts.sweeper ?? noSweeper)(
          config,
          get().backendRequest,
          variants,
          {
            onBackend: (backend) => current === id && set({ sweep: { ...get().sweep, backend } }),
            onPoint: (point) => {
              if (current !== id || get().sweep.status !== 'running') return;
              const points = [...get().sweep.points, point];
              set({ sweep: { ...get().sweep, points, status: points.length === variants.length ? 'done' : 'running' } });
            },
            onFailed: (message) => current === id && set({ sweep: { ...get().sweep, status: 'error', error: message } }),
          },
          get().data.loaded,
        );
        // A later sweep replaces this one's callbacks.
        const handleOf = sweepHandle;
        sweepHandle = { cancel: () => ((current = {}), handleOf.cancel()) };
      },

      cancelSweep() {
        if (get().sweep.status !== 'running') return;
        sweepHandle?.cancel();
        sweepHandle = null;
        set({ sweep: { ...get().sweep, status: 'cancelled' } });
      },

      ...savedActions,

      openLesson(id, step) {
        const lesson = findLesson(id);
        if (!lesson) return set({ lesson: null, urlError: `There is no lesson '${id}'. The lessons are: ${LESSONS.map((l) => l.id).join(', ')}.` });
        const k = Math.min(Math.max(0, Math.floor(step)), lesson.steps.length - 1);
        const s = lesson.steps[k];
        set({ lesson: { id, step: k } });
        if (s.metricLab) {
          set({ metricLab: { ...DEFAULT_METRIC_LAB, ...s.metricLab }, metricLabError: null });
          return;
        }
        if (s.query) {
          const { config } = decodeConfig(s.query);
          if (config) applyWholeConfig(config);
          if (s.tab) get().setEvaluation({ tab: s.tab });
          requestPreview(get().config, s.preview ?? null);
        }
      },

      moveLesson(delta) {
        const open = get().lesson;
        if (!open) return;
        const lesson = findLesson(open.id)!;
        const next = open.step + delta;
        if (next < 0 || next >= lesson.steps.length) return;
        get().openLesson(open.id, next);
      },

      closeLesson() {
        set({ lesson: null });
      },

      setPresenting(on) {
        set({ presenting: on });
      },

      setMetricLab(patch) {
        const next = { ...get().metricLab, ...patch };
        try {
          checkMetricLab(next);
        } catch (e) {
          set({ metricLabError: e instanceof Error ? e.message : String(e) });
          return;
        }
        set({ metricLab: next, metricLabError: null });
      },

      setEvaluation(patch) {
        try {
          checkEvaluationPatch(patch);
        } catch (e) {
          set({ evaluationError: e instanceof Error ? e.message : String(e) });
          return;
        }
        set({ evaluation: { ...get().evaluation, ...patch }, evaluationError: null });
      },
    };
  });
  if (opts.archive) autoSave(store, opts.archive);
  return store;
}


/** React hook over a store instance with a selector (select the narrowest slice). */
export function useLab<T>(store: StoreApi<LabState>, selector: (s: LabState) => T): T {
  return useStore(store, selector);
}
