import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { glorotUniform } from './initializers';
import { gradientPair, type GradientPair } from './gradientCheck';
import { architectureFor, createMlp, forwardOnHost, initialParameters, packBatchRows, parameterLayout, type MlpArchitecture } from './mlp';
import { DEFAULT_MODEL_SPEC } from './modelSpec';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function expectGradientsClose(pair: GradientPair, tol = 1e-5) {
  expect(pair.ours.loss).toBeCloseTo(pair.auto.loss, 5);
  expect(pair.ours.grad.length).toBe(pair.auto.grad.length);
  let maxAbs = 0;
  for (const g of pair.auto.grad) maxAbs = Math.max(maxAbs, Math.abs(g));
  expect(maxAbs).toBeGreaterThan(1e-4);
  for (let i = 0; i < pair.auto.grad.length; i++) {
    expect(Math.abs(pair.ours.grad[i] - pair.auto.grad[i])).toBeLessThanOrEqual(tol * Math.max(1, maxAbs));
  }
}

describe('glorotUniform', () => {
  it('draws from U(−a, a), a = √(6/(fanIn+fanOut)), reproducibly', () => {
    const w = glorotUniform(30, 64, createRng(1));
    const a = Math.sqrt(6 / 94);
    expect(w.length).toBe(30 * 64);
    let mean = 0;
    let sq = 0;
    for (const v of w) {
      expect(Math.abs(v)).toBeLessThan(a);
      mean += v / w.length;
      sq += (v * v) / w.length;
    }
    expect(Math.abs(mean)).toBeLessThan(0.02);
    // Var(U(−a, a)) = a²/3 = 2/(fanIn+fanOut).
    expect(sq).toBeCloseTo(2 / 94, 2);
    expect(glorotUniform(30, 64, createRng(1))).toEqual(w);
    expect(glorotUniform(30, 64, createRng(2))).not.toEqual(w);
  });
});

describe('architecture and layout', () => {
  it('logistic regression has no hidden layers', () => {
    const arch = architectureFor({ ...DEFAULT_MODEL_SPEC, kind: 'logistic' }, 30, 3);
    expect(arch.hidden).toEqual([]);
    expect(parameterLayout(arch)).toEqual({ layers: [{ fanIn: 30, fanOut: 3, weightOffset: 0, biasOffset: 90 }], size: 93 });
  });

  it('an MLP has hiddenLayers × width and [W; b] blocks back to back', () => {
    const arch = architectureFor({ ...DEFAULT_MODEL_SPEC, hiddenLayers: 2, width: 64 }, 30, 2);
    expect(arch.hidden).toEqual([64, 64]);
    const { layers, size } = parameterLayout(arch);
    expect(size).toBe(30 * 64 + 64 + 64 * 64 + 64 + 64 * 2 + 2);
    expect(layers[1]).toEqual({ fanIn: 64, fanOut: 64, weightOffset: 30 * 64 + 64, biasOffset: 30 * 64 + 64 + 64 * 64 });
  });

  it('initial biases are zero and weights are Glorot-uniform, seeded', () => {
    const arch = architectureFor({ ...DEFAULT_MODEL_SPEC, width: 8 }, 5, 3);
    const theta = initialParameters(arch, createRng(3));
    for (const L of parameterLayout(arch).layers) {
      const a = Math.sqrt(6 / (L.fanIn + L.fanOut));
      for (let i = L.weightOffset; i < L.biasOffset; i++) expect(Math.abs(theta[i])).toBeLessThan(a);
      for (let i = L.biasOffset; i < L.biasOffset + L.fanOut; i++) expect(theta[i]).toBe(0);
    }
    expect(initialParameters(arch, createRng(3))).toEqual(theta);
  });
});

describe('Mlp', () => {
  it('packBatchRows appends a ones column and transposes', () => {
    const data = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const { xAug, xAugT } = packBatchRows(data, 2, [2, 0]);
    expect(Array.from(xAug)).toEqual([5, 6, 1, 1, 2, 1]);
    expect(Array.from(xAugT)).toEqual([5, 1, 6, 2, 1, 1]);
  });

  it('forward gives the logits of x·W + b for logistic regression', () => {
    const arch: MlpArchitecture = { inputs: 2, hidden: [], outputs: 2, activation: 'relu' };
    const model = createMlp(arch, createRng(4));
    const theta = model.params.dataSync();
    const logits = tf.tidy(() => model.forward(tf.tensor2d([[1, -2]])).dataSync());
    // W row-major [2, 2], then b = 0.
    expect(logits[0]).toBeCloseTo(theta[0] - 2 * theta[2], 6);
    expect(logits[1]).toBeCloseTo(theta[1] - 2 * theta[3], 6);
    model.dispose();
    expect(() => model.forward(tf.zeros([1, 2]) as tf.Tensor2D)).toThrow(/disposed/);
  });

  for (const activation of ['relu', 'tanh', 'sigmoid'] as const) {
    it(`hand-written gradient equals autodiff (${activation} MLP, class weights)`, async () => {
      const arch: MlpArchitecture = { inputs: 5, hidden: [7, 6], outputs: 3, activation };
      expectGradientsClose(await gradientPair(arch, 5, 13, [1, 4, 0.5]));
    });
  }

  it('hand-written gradient equals autodiff (logistic regression, one hidden layer)', async () => {
    expectGradientsClose(await gradientPair({ inputs: 4, hidden: [], outputs: 2, activation: 'relu' }, 6, 9));
    expectGradientsClose(await gradientPair({ inputs: 3, hidden: [5], outputs: 4, activation: 'tanh' }, 7, 1));
  });

  it('leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    await gradientPair({ inputs: 3, hidden: [4, 4], outputs: 2, activation: 'relu' }, 8, 6);
    expect(tf.memory().numTensors).toBe(before);
  });

  for (const [name, arch] of [
    ['logistic regression', { inputs: 4, hidden: [], outputs: 3, activation: 'relu' }],
    ['relu MLP', { inputs: 5, hidden: [7, 6], outputs: 3, activation: 'relu' }],
    ['tanh MLP', { inputs: 3, hidden: [9], outputs: 2, activation: 'tanh' }],
    ['sigmoid MLP', { inputs: 2, hidden: [4, 5, 3], outputs: 4, activation: 'sigmoid' }],
  ] satisfies [string, MlpArchitecture][]) {
    it(`forwardOnHost computes the logits of forward without TF.js (${name})`, async () => {
      const rng = createRng(21);
      const model = createMlp(arch, rng.fork('init'));
      // Non-zero biases, so the bias terms are checked too.
      model.params.assign(tf.tensor1d(new Float32Array(model.params.size).map(() => rng.normal())));
      const rows = 11;
      const x = new Float64Array(rows * arch.inputs).map(() => 2 * rng.normal());
      const expected = await tf.tidy(() => model.forward(tf.tensor2d(Float32Array.from(x), [rows, arch.inputs]))).data();
      const theta = (await model.params.data()).slice() as Float32Array;
      const before = tf.memory().numTensors;
      const logits = forwardOnHost(arch, theta, x, rows);
      expect(tf.memory().numTensors).toBe(before);
      expect(logits.length).toBe(rows * arch.outputs);
      for (let i = 0; i < logits.length; i++) expect(logits[i]).toBeCloseTo(expected[i], 4);
      model.dispose();
    });
  }

  it('forwardOnHost rejects θ or x of the wrong size', () => {
    const arch: MlpArchitecture = { inputs: 2, hidden: [3], outputs: 2, activation: 'relu' };
    const theta = initialParameters(arch, createRng(1));
    expect(() => forwardOnHost(arch, theta.subarray(1), new Float32Array(2), 1)).toThrow(/Got 16 instead\.$/);
    expect(() => forwardOnHost(arch, theta, new Float32Array(3), 2)).toThrow(/Got 3 instead\.$/);
    expect(forwardOnHost(arch, theta, new Float32Array(0), 0)).toHaveLength(0);
  });
});
