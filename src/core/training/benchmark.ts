/**
 * Training throughput on the active TF.js backend, for `npm run bench` (Node and the browser
 * worker run exactly this): an MLP 30→64→64→2 (relu, Adam) on 10 000 seeded random rows with a
 * noisy linear label, batch 256. Not an algorithm of the product: a fixed, reproducible workload.
 */
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../models/modelSpec';
import { createRng } from '../random';
import type { Labels, Matrix } from '../types';
import { trainClassifier, type TrainingLoss } from './train';
import { trainClassifierGroup } from './trainGroup';

export interface ThroughputWorkload {
  rows: number;
  features: number;
  hidden: number;
  batchSize: number;
  epochs: number;
}

export const MLP_BENCH_WORKLOAD: ThroughputWorkload = { rows: 10_000, features: 30, hidden: 64, batchSize: 256, epochs: 5 };

export function benchmarkData(w: ThroughputWorkload, seed = 7): { X: Matrix; y: Labels } {
  const rng = createRng(seed);
  const data = new Float32Array(w.rows * w.features);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  const y = new Int32Array(w.rows);
  for (let i = 0; i < w.rows; i++) y[i] = data[i * w.features] + 0.5 * data[i * w.features + 1] + 0.5 * rng.normal() > 0 ? 1 : 0;
  return { X: { data, rows: w.rows, cols: w.features }, y };
}

export function benchmarkModel(w: ThroughputWorkload, epochs: number): ModelSpec {
  return { ...DEFAULT_MODEL_SPEC, kind: 'mlp', hiddenLayers: 2, width: w.hidden, activation: 'relu', optimizer: 'adam', learningRate: 0.01, epochs, batchSize: w.batchSize };
}

/** Epochs per second of `trainClassifier` (after a one-epoch warm-up), best of `rounds`. */
export async function measureTrainingThroughput(
  w: ThroughputWorkload = MLP_BENCH_WORKLOAD,
  rounds = 2,
  now: () => number = () => Date.now(),
): Promise<{ epochsPerSec: number; rounds: number[] }> {
  const { X, y } = benchmarkData(w);
  const run = async (epochs: number) => {
    const t0 = now();
    const model = await trainClassifier({ X, y, nClasses: 2, model: benchmarkModel(w, epochs), rng: createRng(1) });
    const seconds = (now() - t0) / 1000;
    model.dispose();
    return epochs / seconds;
  };
  await run(1);
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) results.push(await run(w.epochs));
  return { epochsPerSec: Math.max(...results), rounds: results };
}

/**
 * Eight different losses on the two-class workload — the loss-level methods a comparison batches:
 * cross-entropy, class-weighted, focal, class-balanced focal, LDAM-DRW, balanced softmax, logit
 * adjustment, dice. Their parameters follow lossMethods.ts's defaults for the workload's counts.
 */
export function benchmarkLosses(y: Labels, epochs: number): (TrainingLoss | undefined)[] {
  const counts = [0, 0];
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  const n = y.length;
  const inverse = counts.map((c) => n / (2 * c));
  const logPrior = counts.map((c) => Math.log(c / n));
  const margins = counts.map((c) => c ** -0.25);
  const scaled = margins.map((m) => (0.5 * m) / Math.max(...margins));
  return [
    undefined,
    { kind: 'family', loss: { classWeights: inverse, term: { kind: 'ce' } } },
    { kind: 'family', loss: { classWeights: [0.25, 0.75], term: { kind: 'focal', gamma: 2 } } },
    { kind: 'family', loss: { classWeights: inverse, term: { kind: 'focal', gamma: 1 } } },
    { kind: 'family', loss: { margins: scaled, scale: 30, term: { kind: 'ce' } }, drw: { epoch: Math.max(1, Math.ceil(0.8 * epochs)), classWeights: inverse } },
    { kind: 'family', loss: { logitOffsets: counts.map((c) => Math.log(c)), term: { kind: 'ce' } } },
    { kind: 'family', loss: { logitOffsets: logPrior, term: { kind: 'ce' } } },
    { kind: 'family', loss: { term: { kind: 'dice', alpha: 0.1, smoothing: 1 } } },
  ];
}

/**
 * Trains models `first` … `first + count − 1` of {@link benchmarkLosses} on the workload — one
 * after another, or as one batched group (trainGroup.ts, forced to batch on every backend) — after a one-epoch warm-up, and returns
 * the wall time in ms. The same seed for every model: a comparison's methods start from the same
 * weights and batches.
 */
export async function timeLossModels(first: number, count: number, batched: boolean, w: ThroughputWorkload = MLP_BENCH_WORKLOAD, now: () => number = () => Date.now()): Promise<number> {
  const { X, y } = benchmarkData(w);
  const spec = (epochs: number) => benchmarkModel(w, epochs);
  const run = async (epochs: number) => {
    const ls = benchmarkLosses(y, epochs).slice(first, first + count);
    if (batched) {
      const out = await trainClassifierGroup({ X, y, nClasses: 2, model: spec(epochs), members: ls.map((loss) => ({ loss })), rng: createRng(1), mode: 'batched' });
      for (const o of out) {
        if (!o.ok) throw o.error;
        o.classifier.dispose();
      }
    } else {
      for (const loss of ls) (await trainClassifier({ X, y, nClasses: 2, model: spec(epochs), loss, rng: createRng(1) })).dispose();
    }
  };
  await run(1);
  const t0 = now();
  await run(w.epochs);
  return now() - t0;
}
