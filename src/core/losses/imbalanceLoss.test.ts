import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { classWeightsFor, ldamMargins, logPriors } from './classWeights';
import { confusionLossHead, imbalanceLossHead, lossConstants, validateImbalanceLoss, type ConfusionMetric, type ImbalanceLoss } from './imbalanceLoss';
import { confusionLossReference, imbalanceLossReference, numericGradient } from './referenceLosses';
import { fillNormalizedTargets } from './weightedCrossEntropy';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Runs the tensor head on plain inputs and returns plain outputs. */
function head(logits: number[][], labels: number[], loss: ImbalanceLoss) {
  const B = logits.length;
  const C = logits[0].length;
  const T = new Float32Array(B * C);
  const r = new Float32Array(B);
  fillNormalizedTargets(Int32Array.from(labels), Array.from({ length: B }, (_, i) => i), C, loss.classWeights as number[] | undefined, T, r);
  const O = new Float32Array(B * C);
  labels.forEach((y, i) => (O[i * C + y] = 1));
  const consts = lossConstants(loss);
  const before = tf.memory().numTensors;
  const tensors = { T: tf.tensor2d(T, [B, C]), r: tf.tensor2d(r, [B, 1]), O: tf.tensor2d(O, [B, C]) };
  const z = tf.tensor2d(logits.flat(), [B, C]);
  const out = imbalanceLossHead(z, tensors, loss, consts, true);
  const value = out.loss.dataSync()[0];
  const grad = Array.from(out.dLogits!.dataSync());
  tf.dispose([out.loss, out.dLogits!, z, tensors.T, tensors.r, tensors.O]);
  const leaked = tf.memory().numTensors - before;
  tf.dispose([consts.offsets, consts.margins].filter((t): t is tf.Tensor2D => t !== undefined));
  return { value, grad, leaked };
}

function randomBatch(seed: number, B: number, C: number) {
  const rng = createRng(seed);
  const logits = Array.from({ length: B }, () => Array.from({ length: C }, () => (rng.next() - 0.5) * 6));
  const labels = Array.from({ length: B }, (_, i) => (i < C ? i : rng.int(C)));
  return { logits, labels };
}

const counts = [500, 120, 30, 6];
const members: [string, ImbalanceLoss][] = [
  ['cross-entropy', { term: { kind: 'ce' } }],
  ['class-weighted (inverse)', { classWeights: classWeightsFor(counts, 'inverse'), term: { kind: 'ce' } }],
  ['class-weighted (inverse √)', { classWeights: classWeightsFor(counts, 'inverse-sqrt'), term: { kind: 'ce' } }],
  ['focal γ=2', { term: { kind: 'focal', gamma: 2 } }],
  ['focal γ=0.5', { term: { kind: 'focal', gamma: 0.5 } }],
  ['class-balanced focal', { classWeights: classWeightsFor(counts, 'effective-number', 0.99), term: { kind: 'focal', gamma: 1 } }],
  ['LDAM', { margins: ldamMargins(counts, 0.5), scale: 2, term: { kind: 'ce' } }],
  ['LDAM-DRW (after the switch)', { margins: ldamMargins(counts, 0.5), scale: 2, classWeights: classWeightsFor(counts, 'effective-number', 0.999), term: { kind: 'ce' } }],
  ['balanced softmax', { logitOffsets: counts.map(Math.log), term: { kind: 'ce' } }],
  ['logit adjustment τ=1.5', { logitOffsets: logPriors(counts).map((v) => 1.5 * v), term: { kind: 'ce' } }],
  ['dice', { term: { kind: 'dice', alpha: 0, smoothing: 1 } }],
  ['self-adjusting dice', { term: { kind: 'dice', alpha: 1, smoothing: 1 } }],
];

describe('the imbalance loss family', () => {
  it.each(members)('%s: value and gradient match the plain-number reference (1e-5), no tensor leaks', (_name, loss) => {
    validateImbalanceLoss(loss, 4);
    for (const seed of [1, 2, 3]) {
      const { logits, labels } = randomBatch(seed, 12, 4);
      const out = head(logits, labels, loss);
      expect(out.leaked).toBe(0);
      const ref = imbalanceLossReference(logits, labels, loss);
      expect(Math.abs(out.value - ref)).toBeLessThan(1e-5 * Math.max(1, Math.abs(ref)));
      const num = numericGradient((z) => imbalanceLossReference(z, labels, loss), logits).flat();
      for (let k = 0; k < num.length; k++) expect(Math.abs(out.grad[k] - num[k])).toBeLessThan(1e-5);
    }
  });

  it('every member is plain cross-entropy at its neutral parameters (γ = 0, τ = 0, equal weights, no margin, s = 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        const { logits, labels } = randomBatch(seed, 8, 3);
        const ce = head(logits, labels, { term: { kind: 'ce' } });
        const neutral: ImbalanceLoss[] = [
          { term: { kind: 'focal', gamma: 0 } },
          { classWeights: [2, 2, 2], term: { kind: 'ce' } },
          { logitOffsets: [0, 0, 0], term: { kind: 'ce' } },
          { margins: [0, 0, 0], scale: 1, term: { kind: 'ce' } },
          { classWeights: classWeightsFor([5, 5, 5], 'effective-number', 0.9), term: { kind: 'focal', gamma: 0 } },
        ];
        for (const loss of neutral) {
          const out = head(logits, labels, loss);
          expect(Math.abs(out.value - ce.value)).toBeLessThan(1e-6);
          out.grad.forEach((g, k) => expect(Math.abs(g - ce.grad[k])).toBeLessThan(1e-6));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('focal loss down-weights easy examples: for p_t = 0.9 and γ = 2 the loss is (0.1)² of cross-entropy', () => {
    // Two classes, logits [log 9, 0]: p_t = 0.9 for label 0.
    const logits = [[Math.log(9), 0]];
    const ce = head(logits, [0], { term: { kind: 'ce' } }).value;
    const focal = head(logits, [0], { term: { kind: 'focal', gamma: 2 } }).value;
    expect(ce).toBeCloseTo(-Math.log(0.9), 6);
    expect(focal).toBeCloseTo(0.01 * -Math.log(0.9), 6);
  });

  it('balanced softmax with equal counts is cross-entropy; with skewed counts it penalises the head class less', () => {
    const logits = [[0, 0]];
    const equal = head(logits, [0], { logitOffsets: [Math.log(10), Math.log(10)], term: { kind: 'ce' } }).value;
    expect(equal).toBeCloseTo(Math.log(2), 6);
    const head0 = head(logits, [0], { logitOffsets: [Math.log(90), Math.log(10)], term: { kind: 'ce' } }).value;
    const tail1 = head(logits, [1], { logitOffsets: [Math.log(90), Math.log(10)], term: { kind: 'ce' } }).value;
    expect(head0).toBeCloseTo(-Math.log(0.9), 6);
    expect(tail1).toBeCloseTo(-Math.log(0.1), 6);
  });

  it('weights, margins and priors of the named members', () => {
    const inv = classWeightsFor([90, 10], 'inverse');
    expect(inv[0]).toBeCloseTo(0.2, 12);
    expect(inv[1]).toBeCloseTo(1.8, 12);
    const sq = classWeightsFor([100, 25], 'inverse-sqrt');
    expect(sq[1] / sq[0]).toBeCloseTo(2, 12);
    // β → 0: equal weights; the effective number E_n = (1 − β^n)/(1 − β).
    expect(classWeightsFor([100, 1], 'effective-number', 0)).toEqual([1, 1]);
    const cb = classWeightsFor([100, 10], 'effective-number', 0.99);
    expect(cb[1] / cb[0]).toBeCloseTo((1 - 0.99 ** 100) / (1 - 0.99 ** 10), 10);
    const m = ldamMargins([10000, 625, 16], 0.5);
    expect(m[2]).toBeCloseTo(0.5, 12);
    expect(m[0]).toBeCloseTo(0.5 * (2 / 10), 12);
    expect(logPriors([3, 1])).toEqual([Math.log(0.75), Math.log(0.25)]);
    expect(() => classWeightsFor([1, 2], 'effective-number', 1)).toThrow(/beta must be a number in \[0, 1\)/);
  });

  it('rejects parameters outside their range, naming them', () => {
    expect(() => validateImbalanceLoss({ term: { kind: 'focal', gamma: -1 } }, 2)).toThrow(/gamma must be a number between 0 and 10. Got -1 instead./);
    expect(() => validateImbalanceLoss({ margins: [0.1], term: { kind: 'ce' } }, 2)).toThrow(/loss.margins must be 2 finite numbers ≥ 0/);
    expect(() => validateImbalanceLoss({ scale: 0, term: { kind: 'ce' } }, 2)).toThrow(/loss.scale must be a number > 0/);
    expect(() => validateImbalanceLoss({ classWeights: [0, 0], term: { kind: 'ce' } }, 2)).toThrow(/must have a weight > 0/);
  });
});

describe('confusion-matrix losses (AnyLoss)', () => {
  it.each(['f1', 'gmean', 'balanced-accuracy'] as ConfusionMetric[])('%s: value and closed-form gradient match the reference; no leaks', (metric) => {
    for (const seed of [4, 5]) {
      const { logits, labels } = randomBatch(seed, 10, 3);
      const O = new Float32Array(30);
      labels.forEach((y, i) => (O[i * 3 + y] = 1));
      const before = tf.memory().numTensors;
      const Ot = tf.tensor2d(O, [10, 3]);
      const z = tf.tensor2d(logits.flat(), [10, 3]);
      const out = confusionLossHead(z, Ot, metric, 5, true);
      const value = out.loss.dataSync()[0];
      const grad = Array.from(out.dLogits!.dataSync());
      tf.dispose([out.loss, out.dLogits!, Ot, z]);
      expect(tf.memory().numTensors).toBe(before);
      const ref = confusionLossReference(logits, labels, metric, 5);
      expect(Math.abs(value - ref)).toBeLessThan(1e-5);
      const num = numericGradient((x) => confusionLossReference(x, labels, metric, 5), logits).flat();
      num.forEach((g, k) => expect(Math.abs(grad[k] - g)).toBeLessThan(1e-5));
    }
  });

  it('a perfect, confident classifier has loss ≈ 0 and an all-majority one loses on the minority', () => {
    const O = tf.tensor2d([1, 0, 0, 1], [2, 2]);
    const good = tf.tensor2d([20, -20, -20, 20], [2, 2]);
    const bad = tf.tensor2d([20, -20, 20, -20], [2, 2]);
    expect(confusionLossHead(good, O, 'balanced-accuracy', 73, false).loss.dataSync()[0]).toBeLessThan(1e-6);
    expect(confusionLossHead(bad, O, 'balanced-accuracy', 73, false).loss.dataSync()[0]).toBeCloseTo(0.5, 5);
    tf.dispose([O, good, bad]);
  });
});
