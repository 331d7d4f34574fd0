/**
 * Epochs per second of `trainClassifier` versus a plain `tf.LayersModel.fit` loop with the same
 * architecture (MLP 30→64→64→2, relu, Adam, batch 256, 10 000 random rows from our seeded rng).
 *
 *   node --import tsx bench/training/mlpEpochs.ts [cpu|wasm …]
 *
 * Prints one JSON object per backend. `runMlpBenchmark(backend)` is exported for a top-level bench
 * runner. Not part of the pass/fail tests.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { pathToFileURL } from 'node:url';
import { createRng } from '../../src/core/random';
import { trainClassifier } from '../../src/core/training/train';
import { benchmarkData, benchmarkModel, MLP_BENCH_WORKLOAD } from '../../src/core/training/benchmark';

export interface MlpBenchmarkResult {
  backend: string;
  oursEpochsPerSec: number;
  modelFitEpochsPerSec: number;
  speedup: number;
  /** epochs/s of every round. */
  rounds?: { ours: number[]; modelFit: number[] };
}

const W = MLP_BENCH_WORKLOAD;
const ROWS = W.rows;
const FEATURES = W.features;
const HIDDEN = W.hidden;
const CLASSES = 2;
const BATCH = W.batchSize;

const makeData = (seed: number) => benchmarkData(W, seed);

async function timeOurs(epochs: number, data: ReturnType<typeof makeData>): Promise<number> {
  const t0 = performance.now();
  const model = await trainClassifier({ X: data.X, y: data.y, nClasses: CLASSES, model: benchmarkModel(W, epochs), rng: createRng(1) });
  const seconds = (performance.now() - t0) / 1000;
  model.dispose();
  return epochs / seconds;
}

async function timeModelFit(epochs: number, data: ReturnType<typeof makeData>): Promise<number> {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [FEATURES], units: HIDDEN, activation: 'relu' }),
      tf.layers.dense({ units: HIDDEN, activation: 'relu' }),
      tf.layers.dense({ units: CLASSES, activation: 'softmax' }),
    ],
  });
  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const x = tf.tensor2d(Float32Array.from(data.X.data), [ROWS, FEATURES]);
  const y = tf.oneHot(tf.tensor1d(data.y, 'int32'), CLASSES);
  try {
    const t0 = performance.now();
    await model.fit(x, y, { epochs, batchSize: BATCH, shuffle: true, verbose: 0 });
    return epochs / ((performance.now() - t0) / 1000);
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  }
}

/**
 * Times both loops on `backend` ('cpu' or 'wasm'), each after a one-epoch warm-up, in `rounds`
 * interleaved rounds; reports the best round of each (the least disturbed by other processes on a
 * shared machine).
 */
export async function runMlpBenchmark(backend: string, epochs = backend === 'cpu' ? 3 : 8, rounds = 3): Promise<MlpBenchmarkResult> {
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend) {
    throw new Error(`Backend '${backend}' did not initialise. Got '${tf.getBackend()}' instead.`);
  }
  await tf.ready();
  const data = makeData(7);
  await timeOurs(1, data);
  await timeModelFit(1, data);
  const ours: number[] = [];
  const fit: number[] = [];
  for (let r = 0; r < rounds; r++) {
    ours.push(await timeOurs(epochs, data));
    fit.push(await timeModelFit(epochs, data));
  }
  const oursEpochsPerSec = Math.max(...ours);
  const modelFitEpochsPerSec = Math.max(...fit);
  return { backend, oursEpochsPerSec, modelFitEpochsPerSec, speedup: oursEpochsPerSec / modelFitEpochsPerSec, rounds: { ours, modelFit: fit } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const backends = process.argv.slice(2).length ? process.argv.slice(2) : ['wasm', 'cpu'];
  const results: MlpBenchmarkResult[] = [];
  for (const backend of backends) {
    const r = await runMlpBenchmark(backend);
    results.push(r);
    console.log(JSON.stringify(r));
  }
}
