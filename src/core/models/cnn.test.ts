import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfigData } from '../../cli/loadData';
import { parseConfig } from '../config';
import { runExperiment } from '../experiment';
import { createRng } from '../random';
import { Cnn } from './cnn';
import { registerGradients } from './registerGradients';
import { cnnBlocks, cnnForwardOnHost, type CnnArchitecture } from './cnnHost';

beforeAll(async () => {
  await registerGradients();
  await tf.setBackend('cpu');
  await tf.ready();
});

const arch: CnnArchitecture = { height: 8, width: 6, channels: 2, blocks: 2, filters: 4, outputs: 3 };

describe('small CNN', () => {
  it('pools between blocks while the map is at least 4×4', () => {
    expect(cnnBlocks(arch).map((b) => [b.cin, b.cout, b.h, b.w, b.pool])).toEqual([
      [2, 4, 8, 6, true],
      [4, 8, 4, 3, false],
    ]);
  });

  it('the host forward pass equals the device forward pass (inference mode), after running statistics moved', async () => {
    const model = new Cnn(arch, createRng(1));
    const rng = createRng(2);
    const n = 5;
    const x = Float32Array.from({ length: n * 96 }, () => rng.next());
    const xt = tf.tensor4d(x, [n, 8, 6, 2]);
    // One training-mode pass to move the running statistics away from (0, 1).
    const before = tf.memory().numTensors;
    tf.tidy(() => model.updateRunningStats(model.forward(xt, true).moments));
    const device = tf.tidy(() => model.forward(xt, false).logits);
    const deviceValues = Array.from(await device.data());
    device.dispose();
    const host = cnnForwardOnHost(arch, await model.readParams(), x, n);
    deviceValues.forEach((v, k) => expect(host[k]).toBeCloseTo(v, 4));
    xt.dispose();
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
    model.dispose();
  });

  it('trains on the long-tailed digits images with losses and decoupled methods; leaks no tensors', async () => {
    const base = { dataset: { kind: 'builtin', name: 'digits-lt', image: { size: 8, color: 'gray' } }, seed: 3 };
    const cfg = parseConfig({ ...base, model: { kind: 'cnn', epochs: 8, blocks: 2, filters: 8, learningRate: 0.01, batchSize: 32 }, methods: ['none', 'balanced-softmax', 'tau-norm', 'crt'] });
    const data = await loadConfigData(cfg);
    const before = tf.memory().numTensors;
    const result = await runExperiment(cfg, { data, gridResolution: 0 });
    expect(tf.memory().numTensors).toBe(before);
    for (const m of result.methods) {
      expect(m.error?.message ?? 'ok').toBe('ok');
      // 10 balanced classes: chance is 0.1.
      expect(m.metrics!.balancedAccuracy).toBeGreaterThan(0.3);
      expect(m.history.at(-1)!.loss).toBeLessThan(m.history[0].loss);
    }
    const refused = await runExperiment(parseConfig({ ...base, model: { kind: 'cnn', epochs: 1 }, methods: ['two-phase', 'etf-classifier'] }), { data, gridResolution: 0 });
    expect(refused.methods[0].error?.message).toMatch(/Two-phase training fine-tunes the MLP/);
    expect(refused.methods[1].error?.message).toMatch(/A fixed ETF classifier sits on a learned representation: use the MLP/);
    const tabular = await runExperiment(parseConfig({ model: { kind: 'cnn', epochs: 1 }, methods: ['none'] }), { gridResolution: 0 });
    expect(tabular.methods[0].error?.message).toMatch(/The CNN works on image sets; this data has no image shape/);
  }, 180_000);
});
