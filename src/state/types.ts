import type { ColumnChoice, ExperimentConfig, LoadedDatasetConfig } from '../core/config';
import type { LoadedData } from '../core/data/loadedSource';
import type { EvaluationOptions } from './evaluationOptions';
import type { MetricLabSettings } from './metricLab';
import type { SavedRunSummary } from './runArchive';
import type { Table } from '../core/data/table/table';
import type { ImageSet } from '../core/data/images/imageSet';
import type { MethodId } from '../core/methods';
import type { EpochEvent } from '../core/training/train';
import type { BackendInfo, BackendName, BackendRequest } from '../../workers/backendTypes';
import type { WorkerMethodResult } from '../../workers/labApi';
import type { RunCallbacks, RunHandle, SweepCallbacks } from '../workerClient/labClient';
import type { SweepGrid, SweepPoint, SweepVariant } from '../core/sweep/sweepGrid';
import type { DatasetPreview } from './preview';
import type { ResamplingPreview } from '../core/resamplingPreview';

export type ParamGroup = 'dataset' | 'split' | 'model';

/** A long job that can be abandoned (terminating its worker). */
export interface Cancellable<T> {
  promise: Promise<T>;
  cancel(): void;
}

export interface LoadProgress {
  /** 0..1 of the bytes (CSV) or files (images) done. */
  fraction: number;
  /** Rows parsed / images decoded so far. */
  items: number;
}

/** Parses and decodes off the main thread (workers in the app, direct calls in tests). */
export interface DataLoader {
  /** A CSV from a file the user picked or a built-in URL (same origin). */
  csv(source: Blob | { url: string }, opts: { maxRows?: number; sample?: { maxRows: number; seed: number } }, onProgress: (p: LoadProgress) => void): Cancellable<Table>;
  /** An image set from a zip (file or built-in URL) or from the files of a picked folder. */
  images(
    source: { zip: Blob | { url: string } } | { files: { path: string; blob: Blob }[] },
    opts: { size: number; color: 'gray' | 'rgb' },
    onProgress: (p: LoadProgress) => void,
  ): Cancellable<ImageSet>;
}

/** One column of a loaded table as the Data panel shows it. */
export interface ColumnView {
  name: string;
  /** What inference found, and why (shown as a tooltip). */
  inferred: string;
  reason: string;
  /** What the column is used as now: its type, 'ignored', or the target. */
  use: ColumnChoice | 'target';
  missing: number;
}

export interface DataLoadState {
  /** 'synthetic': the generator controls; otherwise real data loading, loaded, or failed. */
  status: 'synthetic' | 'loading' | 'ready' | 'error';
  /** What is (being) loaded. */
  what: { kind: 'builtin' | 'upload'; name: string; format: 'csv' | 'images'; bytes?: number } | null;
  progress: LoadProgress | null;
  loaded: LoadedData | null;
  /** What went wrong and what to do; the previous data (if any) stays usable. */
  error: string | null;
  /** A neutral message about the last load (e.g. it was cancelled). */
  notice: string | null;
  /** Tables: every column with its inferred type and current use; the first rows as text. */
  columns: ColumnView[];
  sampleRows: string[][];
  /** Things worth knowing that did not stop loading (decimal comma detected, formulas neutralised, images upscaled, …). */
  notes: string[];
  /** Image sets: files left out, with the reason. */
  skipped: { file: string; reason: string }[];
  /** A file larger than the browser can hold whole: the offer to load a stratified sample of `maxRows` rows. */
  tooLarge: { bytes: number; maxRows: number } | null;
}

export interface MethodRunState {
  index: number;
  label: string;
  status: 'queued' | 'running' | 'done' | 'error';
  epoch: number;
  epochs: number;
  /** Protocols with several splits (repeats, folds): the one training now, 0-based, of `splits`. */
  split: number;
  splits: number;
  /** Where the method's loss or phase changes (DRW switch, second stage), marked on its loss curve. */
  marker: { epoch: number; label: string } | null;
  history: EpochEvent[];
  result?: WorkerMethodResult;
  error?: { message: string; unexpected: boolean; backend?: BackendName };
}

export interface RunState {
  id: number;
  status: 'idle' | 'running' | 'done' | 'cancelled';
  /** The config the results belong to (the controls may have moved on since). */
  config: ExperimentConfig | null;
  backend: BackendInfo | null;
  mainThreadFallback: boolean;
  /** The data the run was started on (the controls may have moved on since). */
  data: DatasetPreview | null;
  /** The loaded rows the run trained on (null for synthetic data), so a retry uses the same. */
  loaded: LoadedData | null;
  methods: MethodRunState[];
  startedAt: number;
  finishedAt: number | null;
}

/** The SMOTE paper's sweep (core/sweep): its grid, the points so far, and how it ended. */
export interface SweepState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  grid: SweepGrid;
  total: number;
  points: SweepPoint[];
  /** Why it could not run or stopped (not a single failed variant: those are points with `error`). */
  error: string | null;
  /** The config and data label it ran on (the controls may have moved on since). */
  config: ExperimentConfig | null;
  backend: BackendInfo | null;
}

export type Sweeper = (config: ExperimentConfig, backend: BackendRequest, variants: SweepVariant[], cb: SweepCallbacks, data?: LoadedData | null) => RunHandle;

export type Runner = (config: ExperimentConfig, backend: BackendRequest, cb: RunCallbacks, indices?: number[], data?: LoadedData | null) => RunHandle;

export interface LabState {
  config: ExperimentConfig;
  backendRequest: BackendRequest;
  /** Inline messages for controls whose last input was rejected, keyed by field path. */
  fieldErrors: Record<string, string>;
  /** Problem with the link the page was opened with (the defaults were used instead). */
  urlError: string | null;
  preview: DatasetPreview;
  data: DataLoadState;
  /**
   * The resampling view: which method it shows (null = closed), what that method does (the last
   * computed preview, kept while a newer one is pending), and a failure to compute it.
   */
  resampling: { methodIndex: number | null; preview: ResamplingPreview | null; pending: boolean; error?: string };
  run: RunState;
  /** Options of the evaluation views (state/evaluation.ts); the last rejected option's message. */
  evaluation: EvaluationOptions;
  evaluationError: string | null;
  sweep: SweepState;
  /** The metric lab's settings (state/metricLab.ts) and the last refused value's message. */
  metricLab: MetricLabSettings;
  metricLabError: string | null;
  /** Runs kept on this machine (state/runArchive.ts): newest first; the last archive problem. */
  saved: { items: SavedRunSummary[]; error: string | null };
  /** Saved runs side by side (compareSaved): each run's name, date and methods with their results. */
  savedComparison: { id: string; name: string; savedAt: number; methods: MethodRunState[] }[] | null;
  /** The lesson being walked (src/lessons), 0-based step; null outside lessons. */
  lesson: { id: string; step: number } | null;
  /** Presenter mode: large type, high contrast, the experiment controls out of the way. */
  presenting: boolean;
  /** The outcome of the last experiment import: what was wrong, or what was loaded. */
  importMessage: { ok: boolean; text: string } | null;

  setParam(group: ParamGroup, name: string, raw: unknown): void;
  /** Replaces the whole experiment with a ready-made one (core/presets.ts), loading its dataset. */
  applyPreset(id: string): void;
  /** Back to the synthetic generators (the loaded data is dropped). */
  backToSynthetic(): void;
  loadBuiltin(id: string): void;
  /** A CSV, a zip of class folders, or a picked folder's files (`path` = webkitRelativePath). */
  loadFile(file: File): void;
  loadFolder(files: { path: string; blob: Blob }[], name: string): void;
  /** After a too-large file: load it again keeping a stratified sample of at most `maxRows` rows. */
  loadSample(maxRows: number): void;
  cancelLoad(): void;
  /** Tables: what a column is used as ('target' makes it the target column). */
  setColumnUse(name: string, use: ColumnChoice | 'target'): void;
  /** Image sets: decoded size and colour (reloads the images). */
  setImageOptions(size: number, color: 'gray' | 'rgb'): void;
  /** The long-tail builder on or off (null), with its settings. */
  setLongTail(spec: LoadedDatasetConfig['longTail'] | null): void;
  setSeed(raw: unknown): void;
  addMethod(id: MethodId): void;
  removeMethod(index: number): void;
  setMethodParam(index: number, name: string, raw: unknown): void;
  setBackendRequest(b: BackendRequest): void;
  showResampling(methodIndex: number | null): void;
  startRun(): void;
  cancelRun(): void;
  retryMethod(index: number, backend: BackendName): void;
  /** Changes evaluation-view options; an invalid value is refused with a message (evaluationError). */
  setEvaluation(patch: Partial<EvaluationOptions>): void;
  /** Runs the SMOTE paper's sweep on the current (two-class) data with the current model. */
  startSweep(grid: SweepGrid): void;
  cancelSweep(): void;
  setMetricLab(patch: Partial<MetricLabSettings>): void;
  /** Re-reads the list of saved runs. */
  refreshSaved(): Promise<void>;
  /** Shows a saved run's results and restores its experiment (reloading a built-in dataset). */
  openSaved(id: string): Promise<void>;
  renameSaved(id: string, name: string): Promise<void>;
  deleteSaved(id: string): Promise<void>;
  /** Loads saved runs to show side by side (null closes the comparison). */
  compareSaved(ids: string[] | null): Promise<void>;
  /** Opens step `step` (0-based) of a lesson: its experiment (or metric-lab settings), its view. */
  openLesson(id: string, step: number): void;
  /** Next (+1) or back (−1) within the open lesson. */
  moveLesson(delta: number): void;
  closeLesson(): void;
  setPresenting(on: boolean): void;
  /** Replaces the experiment with one from an exported experiment file (JSON; the CLI's config format). */
  importExperiment(text: string, fileName: string): void;
}
