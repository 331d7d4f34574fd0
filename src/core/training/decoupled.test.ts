import { describe, expect, it } from 'vitest';
import { initialParameters, parameterLayout, forwardOnHost, type MlpArchitecture } from '../models/mlp';
import { createRng } from '../random';
import { classifierNorms, featureAugment, learnWeightScaling, penultimateFeatures, predictWith, tauNormalize } from './decoupled';
import { classProbabilities, epochOrder } from './sampling';

const arch: MlpArchitecture = { inputs: 3, hidden: [5, 4], outputs: 3, activation: 'relu' };
const theta = initialParameters(arch, createRng(1));
const X = { data: Float64Array.from({ length: 30 }, (_, i) => Math.sin(i)), rows: 10, cols: 3 };

describe('decoupled classifier pieces', () => {
  it('penultimate features times the last layer give the model’s logits', () => {
    const H = penultimateFeatures(arch, theta, X);
    expect(H.cols).toBe(4);
    const L = parameterLayout(arch).layers[2];
    const logits = forwardOnHost(arch, theta, X.data, X.rows);
    for (let i = 0; i < X.rows; i++) {
      for (let c = 0; c < 3; c++) {
        let z = theta[L.biasOffset + c];
        for (let k = 0; k < 4; k++) z += H.data[i * 4 + k] * theta[L.weightOffset + k * 3 + c];
        expect(z).toBeCloseTo(logits[i * 3 + c], 5);
      }
    }
  });

  it('τ-normalisation: τ = 1 gives unit norms, τ = 0 changes only the biases; hand case', () => {
    const one = classifierNorms(arch, tauNormalize(arch, theta, 1));
    one.forEach((n) => expect(n).toBeCloseTo(1, 6));
    expect(classifierNorms(arch, tauNormalize(arch, theta, 0))).toEqual(classifierNorms(arch, theta));
    // Logistic regression with w_0 = (3, 4): norm 5; τ = 0.5 → w_0 / √5.
    const lr: MlpArchitecture = { inputs: 2, hidden: [], outputs: 2, activation: 'relu' };
    const t = Float32Array.from([3, 0, 4, 1, 0.5, 0.5]);
    const out = tauNormalize(lr, t, 0.5);
    expect(out[0]).toBeCloseTo(3 / Math.sqrt(5), 6);
    expect(out[2]).toBeCloseTo(4 / Math.sqrt(5), 6);
    expect(Array.from(out.subarray(4))).toEqual([0, 0]);
    expect(() => tauNormalize(lr, t, 3)).toThrow(/tau must be a number between 0 and 2/);
  });

  it('LWS raises the scale of a class the head-biased classifier under-predicts', () => {
    // Logistic regression on 1-D features: class 1 rows at x = 1 are given logits that favour class 0.
    const lr: MlpArchitecture = { inputs: 1, hidden: [], outputs: 2, activation: 'relu' };
    const t = Float32Array.from([1, 0.8, 0, 0]); // w = [1, 0.8]
    const H = { data: Float64Array.from([1, 1, 1, 1, 1, -1]), rows: 6, cols: 1 };
    const y = Int32Array.from([1, 1, 1, 0, 0, 0]);
    const { scales, theta: scaled } = learnWeightScaling(lr, t, H, y, 300, 0.5);
    expect(scales[1] / scales[0]).toBeGreaterThan(1);
    const p = predictWith(lr, scaled, { data: Float64Array.from([1]), rows: 1, cols: 1 });
    expect(p[1]).toBeGreaterThan(p[0]);
  });

  it('feature augmentation fills tail classes to the head’s size with the calibrated spread', () => {
    const rng = createRng(3);
    const rows = 60;
    const data = new Float64Array(rows * 2);
    const y = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const c = i < 50 ? 0 : 1;
      y[i] = c;
      data[i * 2] = (c === 0 ? 0 : 5) + rng.normal() * (c === 0 ? 2 : 0.1);
      data[i * 2 + 1] = rng.normal();
    }
    const out = featureAugment({ data, rows, cols: 2 }, y, 2, createRng(4));
    expect(out.added).toEqual([0, 40]);
    expect(out.X.rows).toBe(100);
    const virtual = Array.from({ length: 40 }, (_, k) => out.X.data[(60 + k) * 2]);
    const mean = virtual.reduce((a, b) => a + b, 0) / 40;
    const sd = Math.sqrt(virtual.reduce((a, v) => a + (v - mean) ** 2, 0) / 39);
    expect(mean).toBeGreaterThan(4);
    expect(mean).toBeLessThan(6);
    // λ = 10 / (10 + 30): the spread is mostly borrowed from class 0 (sd ≈ 2), far above the tail's own 0.1.
    expect(sd).toBeGreaterThan(1);
    expect(sd).toBeLessThan(2.5);
  });
});

describe('class-aware batch sampling', () => {
  it('class probabilities of each scheme', () => {
    expect(classProbabilities([90, 10], 'instance')).toEqual([0.9, 0.1]);
    expect(classProbabilities([90, 10], 'class-balanced')).toEqual([0.5, 0.5]);
    const sq = classProbabilities([81, 9], 'square-root');
    expect(sq[0]).toBeCloseTo(0.75, 12);
    expect(classProbabilities([90, 10], 'progressive', 0, 5)).toEqual([0.9, 0.1]);
    expect(classProbabilities([90, 10], 'progressive', 4, 5)).toEqual([0.5, 0.5]);
    expect(classProbabilities([90, 10], 'progressive', 2, 5)[1]).toBeCloseTo(0.3, 12);
  });

  it('a class-balanced epoch visits the classes about equally; instance visits every row once', () => {
    const y = Int32Array.from({ length: 1000 }, (_, i) => (i < 950 ? 0 : 1));
    const order = new Int32Array(1000);
    epochOrder(y, 2, 'class-balanced', 0, 1, createRng(5), order);
    const minority = Array.from(order).filter((i) => y[i] === 1).length;
    expect(minority).toBeGreaterThan(440);
    expect(minority).toBeLessThan(560);
    epochOrder(y, 2, 'instance', 0, 1, createRng(5), order);
    expect(new Set(order).size).toBe(1000);
  });
});

describe('simplex ETF', () => {
  it('C unit columns with pairwise cosine −1/(C−1); too narrow a layer is refused', async () => {
    const { simplexEtf } = await import('./decoupled');
    for (const [d, C] of [[16, 2], [16, 5], [10, 10]]) {
      const { weights, bias } = simplexEtf(d, C, createRng(d * C));
      const col = (c: number) => Array.from({ length: d }, (_, k) => weights[k * C + c]);
      for (let a = 0; a < C; a++) {
        const u = col(a);
        expect(Math.hypot(...u)).toBeCloseTo(1, 5);
        for (let b = a + 1; b < C; b++) expect(u.reduce((s, x, k) => s + x * col(b)[k], 0)).toBeCloseTo(-1 / (C - 1), 5);
      }
      expect(Array.from(bias)).toEqual(new Array(C).fill(0));
    }
    expect(() => simplexEtf(4, 6, createRng(1))).toThrow(/needs a last hidden layer of at least 6 units. Got 4 instead/);
  });
});
