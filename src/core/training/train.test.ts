import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CancelledError, ConfigError, DataError, TrainingDivergedError } from '../errors';
import { inverseFrequencyWeights } from '../losses/weightedCrossEntropy';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../models/modelSpec';
import { createRng, type Rng } from '../random';
import type { Labels, Matrix } from '../types';
import { trainClassifier, type EpochEvent, type TrainOptions } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Gaussian blobs in `dims` dimensions: class c has `counts[c]` points around `means[c]` (sd 1·spread). */
function blobs(rng: Rng, counts: number[], means: number[][], spread = 1): { X: Matrix; y: Labels } {
  const dims = means[0].length;
  const n = counts.reduce((a, b) => a + b, 0);
  const data = new Float32Array(n * dims);
  const y = new Int32Array(n);
  let i = 0;
  counts.forEach((count, c) => {
    for (let k = 0; k < count; k++, i++) {
      y[i] = c;
      for (let d = 0; d < dims; d++) data[i * dims + d] = means[c][d] + spread * rng.normal();
    }
  });
  return { X: { data, rows: n, cols: dims }, y };
}

function argmaxRows(probs: Float32Array, nClasses: number): Int32Array {
  const out = new Int32Array(probs.length / nClasses);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < nClasses; c++) if (probs[i * nClasses + c] > probs[i * nClasses + best]) best = c;
    out[i] = best;
  }
  return out;
}

function recallOf(pred: Int32Array, y: Labels, c: number): number {
  let hit = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== c) continue;
    total++;
    if (pred[i] === c) hit++;
  }
  return hit / total;
}

const withoutTime = (h: EpochEvent[]) => h.map(({ elapsedMs: _t, ...rest }) => rest);

const small: ModelSpec = { ...DEFAULT_MODEL_SPEC, width: 8, epochs: 5, batchSize: 32 };

function separable(seed = 1) {
  return blobs(createRng(seed), [150, 150, 100], [
    [-3, 0],
    [3, 0],
    [0, 4],
  ], 0.7);
}

describe('trainClassifier', () => {
  it('learns a linearly separable problem (MLP and logistic regression)', async () => {
    const { X, y } = separable();
    for (const kind of ['mlp', 'logistic'] as const) {
      const model = await trainClassifier({ X, y, nClasses: 3, model: { ...small, kind, epochs: 20, learningRate: 0.05 }, rng: createRng(2) });
      try {
        const probs = model.predictProba(X);
        expect(probs.length).toBe(X.rows * 3);
        for (let i = 0; i < X.rows; i++) expect(probs[3 * i] + probs[3 * i + 1] + probs[3 * i + 2]).toBeCloseTo(1, 5);
        const pred = argmaxRows(probs, 3);
        const acc = pred.reduce((s, p, i) => s + (p === y[i] ? 1 : 0), 0) / X.rows;
        expect(acc).toBeGreaterThan(0.95);
        expect(model.history).toHaveLength(20);
        expect(model.history[19].loss).toBeLessThan(model.history[0].loss);
      } finally {
        model.dispose();
      }
    }
  });

  it('is bit-identical for the same seed and differs for another seed', async () => {
    const { X, y } = separable(3);
    const validation = separable(4);
    const run = async (seed: number) => {
      const model = await trainClassifier({ X, y, nClasses: 3, model: small, validation, rng: createRng(seed) });
      try {
        return { probs: model.predictProba(validation.X), history: withoutTime(model.history) };
      } finally {
        model.dispose();
      }
    };
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(b.probs).toEqual(a.probs);
    expect(b.history).toEqual(a.history);
    expect(c.probs).not.toEqual(a.probs);
    expect(c.history).not.toEqual(a.history);
  });

  it('reports validation loss and per-class recall once per epoch', async () => {
    const { X, y } = separable(5);
    const validation = blobs(createRng(6), [40, 40, 0], [
      [-3, 0],
      [3, 0],
      [0, 4],
    ], 0.7);
    const events: EpochEvent[] = [];
    const model = await trainClassifier({
      X,
      y,
      nClasses: 3,
      model: { ...small, epochs: 15, learningRate: 0.05 },
      validation,
      rng: createRng(1),
      onEpoch: async (ev) => {
        await Promise.resolve();
        events.push(ev);
      },
    });
    try {
      expect(events).toEqual(model.history);
      expect(events.map((e) => e.epoch)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      const last = events[14];
      expect(last.valLoss).toBeGreaterThan(0);
      expect(last.valLoss!).toBeLessThan(0.2);
      expect(last.valRecall![0]).toBeGreaterThan(0.95);
      expect(last.valRecall![1]).toBeGreaterThan(0.95);
      expect(last.valRecall![2]).toBeNaN(); // no validation rows of class 2
      for (let i = 1; i < events.length; i++) expect(events[i].elapsedMs).toBeGreaterThanOrEqual(events[i - 1].elapsedMs);
      // The reported validation numbers agree with predictProba on the validation set.
      const probs = model.predictProba(validation.X);
      const pred = argmaxRows(probs, 3);
      expect(recallOf(pred, validation.y, 0)).toBeCloseTo(last.valRecall![0], 6);
      let ce = 0;
      for (let i = 0; i < validation.X.rows; i++) ce -= Math.log(probs[3 * i + validation.y[i]]) / validation.X.rows;
      expect(last.valLoss!).toBeCloseTo(ce, 3);
    } finally {
      model.dispose();
    }
  });

  it('class weights raise minority recall on an imbalanced, overlapping problem', async () => {
    const means = [
      [0, 0],
      [1.5, 1.5],
    ];
    const train = blobs(createRng(10), [950, 50], means);
    const test = blobs(createRng(11), [500, 500], means);
    const recall = async (classWeights?: number[]) => {
      const model = await trainClassifier({
        ...train,
        nClasses: 2,
        model: { ...DEFAULT_MODEL_SPEC, kind: 'logistic', epochs: 30, learningRate: 0.05 },
        classWeights,
        rng: createRng(12),
      });
      try {
        return recallOf(argmaxRows(model.predictProba(test.X), 2), test.y, 1);
      } finally {
        model.dispose();
      }
    };
    const plain = await recall();
    const weighted = await recall(inverseFrequencyWeights([950, 50]));
    expect(plain).toBeLessThan(0.4);
    expect(weighted).toBeGreaterThan(0.7);
    expect(weighted - plain).toBeGreaterThan(0.3);
  });

  it('computes validation metrics in chunks for a large validation set', async () => {
    const { X, y } = separable(16);
    const validation = blobs(createRng(17), [3000, 3000, 3000], [
      [-3, 0],
      [3, 0],
      [0, 4],
    ]);
    const model = await trainClassifier({ X, y, nClasses: 3, model: { ...small, epochs: 2 }, validation, rng: createRng(1) });
    try {
      const probs = model.predictProba(validation.X);
      const pred = argmaxRows(probs, 3);
      const last = model.history[1];
      for (let c = 0; c < 3; c++) expect(last.valRecall![c]).toBeCloseTo(recallOf(pred, validation.y, c), 6);
      let ce = 0;
      for (let i = 0; i < validation.X.rows; i++) ce -= Math.log(probs[3 * i + validation.y[i]]) / validation.X.rows;
      expect(last.valLoss!).toBeCloseTo(ce, 4);
    } finally {
      model.dispose();
    }
  });

  it('handles a short last batch, a batch larger than the data, and Float64 input', async () => {
    const { X, y } = separable(13);
    const X64: Matrix = { data: Float64Array.from(X.data), rows: X.rows, cols: X.cols };
    for (const batchSize of [7, 4096]) {
      const model = await trainClassifier({ X: X64, y, nClasses: 3, model: { ...small, batchSize, epochs: 2 }, rng: createRng(1) });
      expect(model.history.every((e) => Number.isFinite(e.loss))).toBe(true);
      expect(model.predictProba(X64).length).toBe(X.rows * 3);
      model.dispose();
    }
  });

  it('predictProba works in chunks on large inputs and refuses after dispose', async () => {
    const { X, y } = separable(14);
    const model = await trainClassifier({ X, y, nClasses: 3, model: { ...small, epochs: 1 }, rng: createRng(1) });
    const rng = createRng(15);
    const big: Matrix = { data: new Float32Array(9000 * 2).map(() => 3 * rng.normal()), rows: 9000, cols: 2 };
    const all = model.predictProba(big);
    const tail: Matrix = { data: big.data.slice(8190 * 2), rows: 810, cols: 2 };
    const tailProbs = model.predictProba(tail);
    for (let i = 0; i < tailProbs.length; i++) expect(all[8190 * 3 + i]).toBeCloseTo(tailProbs[i], 6);
    expect(model.predictProba({ data: new Float32Array(0), rows: 0, cols: 2 })).toHaveLength(0);
    expect(() => model.predictProba({ data: new Float32Array(3), rows: 1, cols: 3 })).toThrow(/Got 3 instead\.$/);
    model.dispose();
    model.dispose();
    expect(() => model.predictProba(X)).toThrow(/disposed/);
  });

  it('predictProba never reads the device synchronously (WebGPU cannot) and creates no tensors', async () => {
    const { X, y } = separable(23);
    const validation = separable(24);
    const model = await trainClassifier({ X, y, nClasses: 3, model: { ...small, epochs: 3 }, validation, rng: createRng(1) });
    // Stands in for WebGPU on Chromium's software adapter, where a synchronous read returns zeros.
    const readSync = vi.spyOn(tf.backend(), 'readSync').mockImplementation(() => {
      throw new Error('synchronous device read');
    });
    try {
      const before = tf.memory().numTensors;
      const probs = model.predictProba(validation.X);
      expect(readSync).not.toHaveBeenCalled();
      expect(tf.memory().numTensors).toBe(before);
      // …and it still predicts what training measured on the device.
      const last = model.history[2];
      const pred = argmaxRows(probs, 3);
      for (let c = 0; c < 3; c++) expect(recallOf(pred, validation.y, c)).toBeCloseTo(last.valRecall![c], 6);
    } finally {
      readSync.mockRestore();
      model.dispose();
    }
  });
});

describe('trainClassifier memory', () => {
  it('returns tf.memory().numTensors to its start value after train + predict + dispose', async () => {
    const { X, y } = separable(20);
    const validation = separable(21);
    const start = tf.memory().numTensors;
    const model = await trainClassifier({ X, y, nClasses: 3, model: small, validation, classWeights: [1, 2, 3], rng: createRng(1) });
    model.predictProba(validation.X);
    expect(tf.memory().numTensors).toBeGreaterThan(start); // the model's parameters
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('cancels at the next epoch boundary, frees everything and throws CancelledError', async () => {
    const { X, y } = separable(22);
    const start = tf.memory().numTensors;
    const controller = new AbortController();
    const seen: number[] = [];
    const run = trainClassifier({
      X,
      y,
      nClasses: 3,
      model: { ...small, epochs: 50 },
      validation: separable(23),
      rng: createRng(1),
      signal: controller.signal,
      onEpoch: (ev) => {
        seen.push(ev.epoch);
        if (ev.epoch === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toEqual([1, 2]);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('an abort from outside (a timer) gets through between epochs', async () => {
    const { X, y } = separable(24);
    const start = tf.memory().numTensors;
    const controller = new AbortController();
    let epochs = 0;
    setTimeout(() => controller.abort(), 0);
    await expect(
      trainClassifier({ X, y, nClasses: 3, model: { ...small, epochs: 1000 }, rng: createRng(1), signal: controller.signal, onEpoch: () => void epochs++ }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(epochs).toBeLessThan(1000);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('an already aborted signal throws before training', async () => {
    const { X, y } = separable(25);
    const start = tf.memory().numTensors;
    let called = false;
    await expect(
      trainClassifier({ X, y, nClasses: 3, model: small, rng: createRng(1), signal: AbortSignal.abort(), onEpoch: () => void (called = true) }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(called).toBe(false);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('a diverging run throws TrainingDivergedError at epoch 1 and frees everything', async () => {
    // With Adam and a log-sum-exp loss even learning rate 10 on ordinary data only makes the loss
    // jump (to ~1e3) and recover, so this uses a setup that certainly overflows: features at
    // ±3e38 (finite, near the float32 limit). The first layer's pre-activations overflow to
    // ±Infinity, relu passes +Infinity on, and the next layer sums +Infinity and −Infinity: NaN in
    // the first batch. Deterministic: data, initial weights and batch order are all seeded (and it
    // diverges at epoch 1 for every seed tried, 1–20).
    const rng = createRng(30);
    const n = 64;
    const data = new Float32Array(n * 30).map(() => (rng.next() < 0.5 ? -3e38 : 3e38));
    const y = Int32Array.from({ length: n }, (_, i) => i % 2);
    const start = tf.memory().numTensors;
    let caught: unknown;
    try {
      await trainClassifier({ X: { data, rows: n, cols: 30 }, y, nClasses: 2, model: { ...DEFAULT_MODEL_SPEC, learningRate: 10, epochs: 20 }, rng: createRng(1) });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TrainingDivergedError);
    const err = caught as TrainingDivergedError;
    expect(err.epoch).toBe(1);
    expect(err.message).toBe(
      'Training diverged: the loss became NaN at epoch 1 (learning rate 10). Lower the learning rate, e.g. to 0.01, and run again.',
    );
    expect(tf.memory().numTensors).toBe(start);
  });

  it('frees everything when onEpoch throws', async () => {
    const { X, y } = separable(26);
    const start = tf.memory().numTensors;
    await expect(
      trainClassifier({
        X,
        y,
        nClasses: 3,
        model: small,
        rng: createRng(1),
        onEpoch: () => {
          throw new Error('listener failed');
        },
      }),
    ).rejects.toThrow('listener failed');
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('trainClassifier input validation', () => {
  const { X, y } = separable(40);
  const base = (): TrainOptions => ({ X, y, nClasses: 3, model: small, rng: createRng(1) });
  const cases: [string, Partial<TrainOptions>, new (...a: never[]) => Error, RegExp][] = [
    ['a learning rate above 10', { model: { ...small, learningRate: 1e3 } }, ConfigError, /model\.learningRate must be a number between 0\.0001 and 10\. Got 1000 instead\.$/],
    ['an out-of-range width', { model: { ...small, width: 1 } }, ConfigError, /Got 1 instead\.$/],
    ['one class', { nClasses: 1 }, ConfigError, /nClasses must be an integer ≥ 2\. Got 1 instead\.$/],
    ['labels out of range', { nClasses: 2 }, DataError, /class indices 0\.\.1 .*Got 2 instead\.$/],
    ['a label count that does not match', { y: y.subarray(1) }, DataError, /one label per row of X \(400\)\. Got 399 instead\.$/],
    ['NaN in X', { X: { ...X, data: Float32Array.from(X.data, (v, i) => (i === 5 ? NaN : v)) } }, DataError, /row 2, column 1\)\. Got NaN instead\.$/],
    ['Infinity in X', { X: { ...X, data: Float32Array.from(X.data, (v, i) => (i === 0 ? Infinity : v)) } }, DataError, /Got Infinity instead\.$/],
    ['a data length that does not match', { X: { ...X, rows: 10 } }, DataError, /Got 800 instead\.$/],
    ['only one class present', { y: new Int32Array(X.rows) }, DataError, /at least 2 classes\. Got only class 0 instead\.$/],
    ['class weights of the wrong length', { classWeights: [1, 2] }, ConfigError, /3 weights.*Got \[1,2\] instead\.$/],
    ['negative class weights', { classWeights: [1, -2, 1] }, ConfigError, /Got \[1,-2,1\] instead\.$/],
    ['validation with other columns', { validation: { X: { data: new Float32Array(3), rows: 1, cols: 3 }, y: Int32Array.from([0]) } }, DataError, /validation\.X must have 2 columns.*Got 3 instead\.$/],
    ['X that is not a matrix', { X: { data: [1, 2] as unknown as Float32Array, rows: 1, cols: 2 } }, DataError, /Got Array instead\.$/],
    ['labels that are not an Int32Array', { y: Array.from(y) as unknown as Int32Array }, DataError, /Got Array instead\.$/],
    ['validation labels out of range', { validation: { X: { data: new Float32Array(2), rows: 1, cols: 2 }, y: Int32Array.from([5]) } }, DataError, /validation\.y .*Got 5 instead\.$/],
  ];
  for (const [what, patch, type, message] of cases) {
    it(`rejects ${what}`, async () => {
      const start = tf.memory().numTensors;
      const run = trainClassifier({ ...base(), ...patch });
      await expect(run).rejects.toBeInstanceOf(type);
      await expect(trainClassifier({ ...base(), ...patch })).rejects.toThrow(message);
      expect(tf.memory().numTensors).toBe(start);
    });
  }
});
