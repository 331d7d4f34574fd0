import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DataError } from '../errors';
import { createRng, type Rng } from '../random';
import {
  crossEntropyFromTargets,
  fillNormalizedTargets,
  inverseFrequencyWeights,
  normalizedCrossEntropy,
  weightedCrossEntropy,
  weightedCrossEntropyReference,
  weightedTargets,
} from './weightedCrossEntropy';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function randomCase(rng: Rng, scale = 3) {
  const B = 1 + rng.int(20);
  const C = 2 + rng.int(5);
  const logits = Array.from({ length: B }, () => Array.from({ length: C }, () => scale * rng.normal()));
  const labels = Array.from({ length: B }, () => rng.int(C));
  const weights = Array.from({ length: C }, () => 0.1 + 3 * rng.next());
  return { B, C, logits, labels, weights };
}

function tensorLoss(logits: number[][], labels: number[], weights?: number[]): number {
  return tf.tidy(() => weightedCrossEntropy(tf.tensor2d(logits), Int32Array.from(labels), { classWeights: weights }).dataSync()[0]);
}

describe('weightedCrossEntropy', () => {
  it('equals the plain-number reference on random inputs', () => {
    const rng = createRng(11);
    for (let k = 0; k < 50; k++) {
      const { logits, labels, weights } = randomCase(rng);
      expect(tensorLoss(logits, labels, weights)).toBeCloseTo(weightedCrossEntropyReference(logits, labels, weights), 5);
    }
  });

  it('accepts labels as an int32 tensor', () => {
    const loss = tf.tidy(() =>
      weightedCrossEntropy(tf.tensor2d([[1, 2], [3, -1]]), tf.tensor1d([1, 0], 'int32'), { classWeights: [2, 1] }).dataSync()[0],
    );
    expect(loss).toBeCloseTo(weightedCrossEntropyReference([[1, 2], [3, -1]], [1, 0], [2, 1]), 6);
  });

  it('with all weights 1 equals plain mean cross-entropy (tf.losses.softmaxCrossEntropy)', () => {
    const rng = createRng(12);
    for (let k = 0; k < 20; k++) {
      const { C, logits, labels } = randomCase(rng);
      const ones = new Array<number>(C).fill(1);
      const plain = tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(labels, 'int32'), C), tf.tensor2d(logits)).dataSync()[0]);
      expect(tensorLoss(logits, labels, ones)).toBeCloseTo(plain, 5);
      expect(tensorLoss(logits, labels)).toBeCloseTo(plain, 5);
    }
  });

  it('matches a hand-computed value', () => {
    // logits [0, ln 3] → p = [1/4, 3/4]; CE(label 0) = ln 4, CE(label 1) = ln(4/3).
    const logits = [
      [0, Math.log(3)],
      [0, Math.log(3)],
    ];
    expect(weightedCrossEntropyReference(logits, [0, 1], [1, 1])).toBeCloseTo((Math.log(4) + Math.log(4 / 3)) / 2, 12);
    // Weights [3, 1]: (3 ln 4 + ln 4/3) / 4.
    expect(tensorLoss(logits, [0, 1], [3, 1])).toBeCloseTo((3 * Math.log(4) + Math.log(4 / 3)) / 4, 5);
  });

  it('is stable for huge logits', () => {
    const logits = [
      [1e4, -1e4, 0],
      [-3e4, 2e4, 5],
    ];
    const loss = tensorLoss(logits, [1, 0], [1, 2, 1]);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss / weightedCrossEntropyReference(logits, [1, 0], [1, 2, 1])).toBeCloseTo(1, 5);
  });

  it('is 0 (not NaN) when every sample in the batch has weight 0', () => {
    expect(tensorLoss([[1, 2]], [0], [0, 1])).toBe(0);
    expect(weightedCrossEntropyReference([[1, 2]], [0], [0, 1])).toBe(0);
  });

  it('rejects class weights that do not fit', () => {
    expect(() => tensorLoss([[1, 2]], [0], [1, 2, 3])).toThrow(ConfigError);
    expect(() => tensorLoss([[1, 2]], [0], [1, -1])).toThrow(/Got \[1,-1\] instead\.$/);
    expect(() => tensorLoss([[1, 2]], [0], [0, 0])).toThrow(ConfigError);
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    tensorLoss([[1, 2], [0, 1]], [0, 1], [1, 3]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('closed-form gradient', () => {
  it('crossEntropyFromTargets dLogits equals autodiff of the loss', () => {
    const rng = createRng(13);
    for (let k = 0; k < 10; k++) {
      const { B, C, logits, labels, weights } = randomCase(rng);
      tf.tidy(() => {
        const z = tf.tensor2d(logits);
        const auto = tf.grad((x: tf.Tensor) => weightedCrossEntropy(x as tf.Tensor2D, Int32Array.from(labels), { classWeights: weights }))(z);
        const T = tf.tensor2d(weightedTargets(Int32Array.from(labels), C, weights), [B, C]);
        const terms = crossEntropyFromTargets(z, T, true);
        const a = auto.dataSync();
        const g = terms.dLogits!.dataSync();
        for (let i = 0; i < a.length; i++) expect(g[i]).toBeCloseTo(a[i], 6);
        expect(terms.loss.dataSync()[0]).toBeCloseTo(weightedCrossEntropyReference(logits, labels, weights), 5);
      });
    }
  });

  it('normalizedCrossEntropy (host-normalised targets) gives the same loss and gradient', () => {
    const rng = createRng(14);
    for (let k = 0; k < 10; k++) {
      const { B, C, logits, labels, weights } = randomCase(rng);
      const y = Int32Array.from(labels);
      const T = new Float32Array(B * C);
      const r = new Float32Array(B);
      const sum = fillNormalizedTargets(y, Array.from({ length: B }, (_, i) => i), C, weights, T, r);
      expect(sum).toBeCloseTo(labels.reduce((s, c) => s + weights[c], 0), 5);
      tf.tidy(() => {
        const z = tf.tensor2d(logits);
        const fast = normalizedCrossEntropy(z, tf.tensor2d(T, [B, C]), tf.tensor2d(r, [B, 1]), true);
        const ref = crossEntropyFromTargets(z, tf.tensor2d(weightedTargets(y, C, weights), [B, C]), true);
        expect(fast.loss.dataSync()[0]).toBeCloseTo(ref.loss.dataSync()[0], 5);
        const a = fast.dLogits!.dataSync();
        const b = ref.dLogits!.dataSync();
        for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 6);
      });
    }
  });

  it('fillNormalizedTargets uses the given rows and handles an all-zero-weight batch', () => {
    const y = Int32Array.from([0, 1, 1, 2]);
    const T = new Float32Array(2 * 3);
    const r = new Float32Array(2);
    expect(fillNormalizedTargets(y, [3, 1], 3, [1, 2, 6], T, r)).toBe(8);
    expect(Array.from(T)).toEqual([0, 0, 0.75, 0, 0.25, 0]);
    expect(Array.from(r)).toEqual([0.75, 0.25]);
    expect(fillNormalizedTargets(y, [0], 3, [0, 1, 1], T, r)).toBe(0);
    expect(Array.from(T.subarray(0, 3))).toEqual([0, 0, 0]);
  });
});

describe('inverseFrequencyWeights', () => {
  it('is n / (C · n_c)', () => {
    const w = inverseFrequencyWeights([90, 10]);
    expect(w[0]).toBeCloseTo(100 / 180, 12);
    expect(w[1]).toBe(5);
    // n = 10, C = 3: [10/6, 10/9, 10/15]
    const w3 = inverseFrequencyWeights([2, 3, 5]);
    expect(w3[0]).toBeCloseTo(10 / 6, 12);
    expect(w3[1]).toBeCloseTo(10 / 9, 12);
    expect(w3[2]).toBeCloseTo(10 / 15, 12);
    // Balanced counts give all ones; each class's total weight is n / C.
    expect(inverseFrequencyWeights([7, 7, 7])).toEqual([1, 1, 1]);
    const counts = [3, 40, 157];
    const wc = inverseFrequencyWeights(counts);
    for (let c = 0; c < 3; c++) expect(wc[c] * counts[c]).toBeCloseTo(200 / 3, 10);
  });

  it('gives weight 0 to an empty class', () => {
    // n = 40, C = 3: [40/30, 0, 40/90]
    const w = inverseFrequencyWeights([10, 0, 30]);
    expect(w[0]).toBeCloseTo(4 / 3, 12);
    expect(w[1]).toBe(0);
    expect(w[2]).toBeCloseTo(4 / 9, 12);
  });

  it('rejects bad counts', () => {
    expect(() => inverseFrequencyWeights([0, 0])).toThrow(DataError);
    expect(() => inverseFrequencyWeights([1.5, 2])).toThrow(/Got \[1\.5,2\] instead\.$/);
    expect(() => inverseFrequencyWeights([-1, 2])).toThrow(DataError);
  });
});
