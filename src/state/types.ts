import type { ExperimentConfig } from '../core/config';
import type { MethodId } from '../core/methods';
import type { EpochEvent } from '../core/training/train';
import type { BackendInfo, BackendName, BackendRequest } from '../../workers/backendTypes';
import type { WorkerMethodResult } from '../../workers/labApi';
import type { RunCallbacks, RunHandle } from '../workerClient/labClient';
import type { DatasetPreview } from './preview';
import type { ResamplingPreview } from '../core/resamplingPreview';

export type ParamGroup = 'dataset' | 'split' | 'model';

export interface MethodRunState {
  index: number;
  label: string;
  status: 'queued' | 'running' | 'done' | 'error';
  epoch: number;
  epochs: number;
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
  methods: MethodRunState[];
  startedAt: number;
  finishedAt: number | null;
}

export type Runner = (config: ExperimentConfig, backend: BackendRequest, cb: RunCallbacks, indices?: number[]) => RunHandle;

export interface LabState {
  config: ExperimentConfig;
  backendRequest: BackendRequest;
  /** Inline messages for controls whose last input was rejected, keyed by field path. */
  fieldErrors: Record<string, string>;
  /** Problem with the link the page was opened with (the defaults were used instead). */
  urlError: string | null;
  preview: DatasetPreview;
  /**
   * The resampling view: which method it shows (null = closed), what that method does (the last
   * computed preview, kept while a newer one is pending), and a failure to compute it.
   */
  resampling: { methodIndex: number | null; preview: ResamplingPreview | null; pending: boolean; error?: string };
  run: RunState;

  setParam(group: ParamGroup, name: string, raw: unknown): void;
  setSeed(raw: unknown): void;
  addMethod(id: MethodId): void;
  removeMethod(index: number): void;
  setMethodParam(index: number, name: string, raw: unknown): void;
  setBackendRequest(b: BackendRequest): void;
  showResampling(methodIndex: number | null): void;
  startRun(): void;
  cancelRun(): void;
  retryMethod(index: number, backend: BackendName): void;
}
