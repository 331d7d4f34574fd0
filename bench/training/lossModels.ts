/**
 * Method-epochs per second for the 8-method comparison workload (MLP 30→64→64→2, 10k rows, batch
 * 256, 8 different losses; src/core/training/benchmark.ts) in one Node thread: the models trained
 * one after another, and as one stacked model batched over a model axis (trainGroup.ts, mode
 * 'batched'; on WASM that path is slow, which is why the product does not take it there). Not part
 * of the pass/fail tests.
 *
 *   node --import tsx bench/training/lossModels.ts [wasm|cpu]
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { pathToFileURL } from 'node:url';
import { MLP_BENCH_WORKLOAD, timeLossModels } from '../../src/core/training/benchmark';

export interface LossModelsBenchmark {
  backend: string;
  models: number;
  epochs: number;
  /** Best round, method-epochs per second. */
  sequential: number;
  batched: number;
  rounds: { sequential: number[]; batched: number[] };
}

export async function runLossModelsBenchmark(backend = 'wasm', rounds = 3, models = 8): Promise<LossModelsBenchmark> {
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend) throw new Error(`Backend '${backend}' did not initialise.`);
  await tf.ready();
  const epochs = MLP_BENCH_WORKLOAD.epochs;
  const rate = (ms: number) => (models * epochs) / (ms / 1000);
  const sequential: number[] = [];
  const batched: number[] = [];
  for (let r = 0; r < rounds; r++) {
    sequential.push(rate(await timeLossModels(0, models, false, MLP_BENCH_WORKLOAD, () => performance.now())));
    batched.push(rate(await timeLossModels(0, models, true, MLP_BENCH_WORKLOAD, () => performance.now())));
  }
  return { backend, models, epochs, sequential: Math.max(...sequential), batched: Math.max(...batched), rounds: { sequential, batched } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await runLossModelsBenchmark(process.argv[2] ?? 'wasm')));
}
