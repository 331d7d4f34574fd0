/**
 * Training throughput on the active TF.js backend, for `npm run bench` (Node and the browser
 * worker run exactly this): an MLP 30→64→64→2 (relu, Adam) on 10 000 seeded random rows with a
 * noisy linear label, batch 256. Not an algorithm of the product: a fixed, reproducible workload.
 */
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../models/modelSpec';
import { createRng } from '../random';
import type { Labels, Matrix } from '../types';
import { trainClassifier } from './train';

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
 * Trains `models` models of the workload one after another (after a one-epoch warm-up) and returns
 * the wall time in ms: one worker's share of a many-method comparison.
 */
export async function timeSequentialModels(models: number, w: ThroughputWorkload = MLP_BENCH_WORKLOAD, now: () => number = () => Date.now()): Promise<number> {
  const { X, y } = benchmarkData(w);
  (await trainClassifier({ X, y, nClasses: 2, model: benchmarkModel(w, 1), rng: createRng(1) })).dispose();
  const t0 = now();
  for (let m = 0; m < models; m++) (await trainClassifier({ X, y, nClasses: 2, model: benchmarkModel(w, w.epochs), rng: createRng(1 + m) })).dispose();
  return now() - t0;
}
