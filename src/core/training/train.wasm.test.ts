/**
 * The WASM backend in Node: `@tensorflow/tfjs-backend-wasm`'s Node build (package "main") reads
 * its .wasm files from its own dist folder with fs, so no setWasmPaths is needed here; it picks
 * the single-threaded SIMD binary. The training path takes a WASM-specific branch (explicit
 * transposes, see Mlp.lossWithGradient), so it gets its own gradient check and a cpu comparison.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradientPair } from '../models/gradientCheck';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../models/modelSpec';
import { createRng } from '../random';
import { trainClassifier, type TrainOptions } from './train';

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
  await tf.ready();
  expect(tf.getBackend()).toBe('wasm');
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

function problem(): Omit<TrainOptions, 'model' | 'rng'> {
  const rng = createRng(50);
  const n = 300;
  const cols = 4;
  const data = new Float32Array(n * cols);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 3;
    for (let j = 0; j < cols; j++) data[i * cols + j] = (j === y[i] ? 2 : 0) + rng.normal();
  }
  const vData = new Float32Array(60 * cols).map(() => 2 * rng.normal());
  return { X: { data, rows: n, cols }, y, nClasses: 3, classWeights: [1, 2, 0.5], validation: { X: { data: vData, rows: 60, cols }, y: Int32Array.from({ length: 60 }, (_, i) => i % 3) } };
}

async function trainOn(backend: string, model: ModelSpec) {
  await tf.setBackend(backend);
  const p = problem();
  const start = tf.memory().numTensors;
  const trained = await trainClassifier({ ...p, model, rng: createRng(9) });
  try {
    return { probs: trained.predictProba(p.validation!.X), history: trained.history };
  } finally {
    trained.dispose();
    expect(tf.memory().numTensors).toBe(start);
  }
}

describe('training on the WASM backend', () => {
  it('hand-written gradient equals autodiff on wasm', async () => {
    for (const activation of ['relu', 'tanh', 'sigmoid'] as const) {
      const pair = await gradientPair({ inputs: 5, hidden: [7, 6], outputs: 3, activation }, 5, 13, [1, 4, 0.5]);
      expect(pair.ours.loss).toBeCloseTo(pair.auto.loss, 5);
      for (let i = 0; i < pair.auto.grad.length; i++) expect(pair.ours.grad[i]).toBeCloseTo(pair.auto.grad[i], 5);
    }
  });

  it('trains to the same predictions as the cpu backend (to ~1e-4), without leaking', async () => {
    for (const model of [
      { ...DEFAULT_MODEL_SPEC, epochs: 8, batchSize: 32 },
      { ...DEFAULT_MODEL_SPEC, kind: 'logistic', epochs: 8, batchSize: 50 },
      { ...DEFAULT_MODEL_SPEC, activation: 'tanh', hiddenLayers: 1, epochs: 4, batchSize: 64 },
    ] satisfies ModelSpec[]) {
      const wasm = await trainOn('wasm', model);
      const cpu = await trainOn('cpu', model);
      await tf.setBackend('wasm');
      expect(wasm.probs.length).toBe(cpu.probs.length);
      let maxDiff = 0;
      for (let i = 0; i < cpu.probs.length; i++) maxDiff = Math.max(maxDiff, Math.abs(wasm.probs[i] - cpu.probs[i]));
      expect(maxDiff).toBeLessThan(1e-4);
      for (let e = 0; e < cpu.history.length; e++) {
        expect(wasm.history[e].loss).toBeCloseTo(cpu.history[e].loss, 4);
        expect(wasm.history[e].valLoss!).toBeCloseTo(cpu.history[e].valLoss!, 4);
      }
    }
  });
});
