/**
 * The worker's API, adapting the core to comlink. No algorithm lives here: it caches the prepared
 * experiment (dataset + split are cheap but need not be rebuilt per method), throttles progress to
 * ≤ 10 Hz, tags failures with the backend they happened on, and lists the typed arrays to transfer.
 */
import { parseConfig, type ExperimentConfig } from '../src/core/config';
import { trainingSchedule } from '../src/core/lossMethods';
import { prepareExperiment, runMethodsOverSplits, type LoadedData, type MethodResult, type PreparedExperiment } from '../src/core/experiment';
import { MLP_BENCH_WORKLOAD, measureTrainingThroughput, timeLossModels } from '../src/core/training/benchmark';
import { SMOTE_BENCH_CASES, timeSmote } from '../src/core/resampling/benchmarkData';
import { buildResamplingPreview, type ResamplingPreview } from '../src/core/resamplingPreview';
import { runSweepVariant, type SweepPoint, type SweepVariant } from '../src/core/sweep/smotePaperSweep';
import type { EpochEvent } from '../src/core/training/train';
import type { BackendInfo, BackendName, BackendRequest } from './backendTypes';

export interface ProgressEvent {
  index: number;
  epoch: number;
  epochs: number;
  /** Every epoch so far of the current split (small: one entry per epoch), so a dropped message loses nothing. */
  history: EpochEvent[];
  /** Protocols with several splits: which one is training (0-based) and how many there are. */
  split: number;
  splits: number;
}

export interface WorkerMethodResult extends MethodResult {
  backend: BackendName;
}

const PROGRESS_INTERVAL_MS = 100;

/** Buffers in a result that can be transferred instead of copied (each once: split 0 shares the result's). */
export function transferablesOf(r: MethodResult): ArrayBuffer[] {
  const out = new Set<ArrayBufferLike>([r.testScores.buffer, r.testY.buffer]);
  if (r.grid) out.add(r.grid.probs.buffer);
  if (r.synthetic) out.add(r.synthetic.X.buffer).add(r.synthetic.parents.buffer);
  if (r.testRows) out.add(r.testRows.buffer);
  for (const s of r.splits ?? []) out.add(s.predictions.testScores.buffer).add(s.predictions.testY.buffer);
  return [...out] as ArrayBuffer[];
}

export function createLabApi(init: (req: BackendRequest) => Promise<BackendInfo>, now: () => number = () => performance.now()) {
  let backend: BackendInfo | null = null;
  let data: LoadedData | null = null;
  // Prepared splits of the current config (every method of a run uses the same ones).
  let cached: { key: string; preps: Map<number, PreparedExperiment> } | null = null;

  const prepared = (config: ExperimentConfig, splitIndex: number): PreparedExperiment => {
    const key = JSON.stringify({ d: config.dataset, s: config.split, seed: config.seed, m: config.methods, model: config.model });
    if (!cached || cached.key !== key) cached = { key, preps: new Map() };
    if (!cached.preps.has(splitIndex)) cached.preps.set(splitIndex, prepareExperiment(config, data, splitIndex));
    return cached.preps.get(splitIndex)!;
  };

  /**
   * Runs methods `indices` of `rawConfig` together (one job of core/trainingJobs.ts: grouped,
   * batched and shared training where the methods allow it) over every split, with progress per
   * method through `onProgress` (a comlink proxy). Results in the order of `indices`.
   */
  const runMethods = async (rawConfig: unknown, indices: number[], onProgress?: (ev: ProgressEvent) => void): Promise<WorkerMethodResult[]> => {
    if (!backend) throw new Error('init() must be called before runMethods().');
    const config = parseConfig(rawConfig);
    // Two-stage methods train more epochs than the model's (their second stage).
    const epochsOf = (index: number) => (config.methods[index] ? trainingSchedule(config.methods[index], config.model.epochs).totalEpochs : config.model.epochs);
    const histories = new Map<number, EpochEvent[]>(indices.map((i) => [i, []]));
    const lastSent = new Map<number, number>();
    let split = 0;
    let splits = 1;
    const results = await runMethodsOverSplits(config, (s) => prepared(config, s), indices, {
      onSplit: (s, count) => {
        split = s;
        splits = count;
        for (const i of indices) histories.set(i, []);
      },
      onEpoch: (index, ev) => {
        const history = histories.get(index)!;
        history.push(ev);
        const t = now();
        const epochs = epochsOf(index);
        if (onProgress && (t - (lastSent.get(index) ?? -Infinity) >= PROGRESS_INTERVAL_MS || ev.epoch === epochs)) {
          lastSent.set(index, t);
          onProgress({ index, epoch: ev.epoch, epochs, history: history.slice(), split, splits });
        }
      },
    });
    // testY is shared by every method of the cached experiment: copy it before it is transferred.
    return results.map((result) => {
      const testY = result.testY.slice();
      const splits = result.splits?.map((s) => ({ ...s, predictions: { ...s.predictions, testY: s.splitIndex === 0 ? testY : s.predictions.testY.slice() } }));
      return { ...result, testY, testRows: result.testRows?.slice(), splits, backend: backend!.backend };
    });
  };

  return {
    /** Initialises the TF.js backend once per worker; later calls return the same info. */
    async init(request: BackendRequest): Promise<BackendInfo> {
      backend ??= await init(request);
      return backend;
    },

    /**
     * The loaded dataset (built-in or the user's file) the next runs and previews use; null for
     * synthetic data. Sent once per worker, not with every call.
     */
    setData(next: LoadedData | null): void {
      data = next;
      cached = null;
    },

    /** Runs method `index` of `rawConfig` over every split of its protocol, reporting progress through `onProgress` (a comlink proxy). */
    async runMethod(rawConfig: unknown, index: number, onProgress?: (ev: ProgressEvent) => void): Promise<WorkerMethodResult> {
      return (await runMethods(rawConfig, [index], onProgress))[0];
    },

    runMethods,

    /**
     * Trains the SMOTE paper's sweep variants `variants` (core/sweep) on split 0 of `rawConfig`,
     * one after another, reporting each operating point through `onPoint` (a comlink proxy).
     */
    async runSweep(rawConfig: unknown, variants: SweepVariant[], onPoint?: (point: SweepPoint) => void): Promise<SweepPoint[]> {
      if (!backend) throw new Error('init() must be called before runSweep().');
      const config = parseConfig(rawConfig);
      const prep = prepared(config, 0);
      const out: SweepPoint[] = [];
      for (const v of variants) {
        const point = await runSweepVariant(prep, v, { now });
        out.push(point);
        onPoint?.(point);
      }
      return out;
    },

    /** What method `index` does to the training split, for the resampling view (no training, no backend). */
    previewResampling(rawConfig: unknown, index: number): ResamplingPreview {
      return buildResamplingPreview(parseConfig(rawConfig), index, data);
    },

    /** SMOTE wall time on benchmark case `index` (see core/resampling/benchmarkData.ts), in this worker. */
    benchmarkSmote(index: number, rounds = 3): { ms: number; rounds: number[]; rowsOut: number } {
      const c = SMOTE_BENCH_CASES[index];
      if (!c) throw new Error(`No SMOTE benchmark case ${index}.`);
      return timeSmote(c, rounds, now);
    },

    /**
     * Wall ms to train benchmark models `first` … `first + count − 1` in this worker (its share of a
     * comparison): models with different losses, one after another or as one batched group.
     */
    async benchmarkModels(first: number, count: number, epochs = MLP_BENCH_WORKLOAD.epochs, batched = false): Promise<number> {
      if (!backend) throw new Error('init() must be called before benchmarkModels().');
      return timeLossModels(first, count, batched, { ...MLP_BENCH_WORKLOAD, epochs }, now);
    },

    /** Training throughput of this worker's backend on the fixed benchmark workload. */
    async benchmark(epochs = MLP_BENCH_WORKLOAD.epochs, rounds = 2): Promise<{ backend: BackendName; epochsPerSec: number; rounds: number[] }> {
      if (!backend) throw new Error('init() must be called before benchmark().');
      return { backend: backend.backend, ...(await measureTrainingThroughput({ ...MLP_BENCH_WORKLOAD, epochs }, rounds, now)) };
    },
  };
}

export type LabApi = ReturnType<typeof createLabApi>;
