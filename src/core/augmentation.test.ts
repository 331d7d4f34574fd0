import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfigData } from '../cli/loadData';
import { parseConfig } from './config';
import { runExperiment } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('image augmentation in training', () => {
  it('trains digits-lt with tail-only and all-class augmentation; a non-image dataset is refused', async () => {
    const base = { dataset: { kind: 'builtin', name: 'digits-lt', image: { size: 8, color: 'gray' } }, methods: ['none'], seed: 2 };
    const plain = parseConfig({ ...base, model: { epochs: 6, width: 32 } });
    const data = await loadConfigData(plain);
    const off = await runExperiment(plain, { data, gridResolution: 0 });
    const tail = await runExperiment(parseConfig({ ...base, model: { epochs: 6, width: 32, augment: 'tail', rotate: 15, shift: 1 } }), { data, gridResolution: 0 });
    const all = await runExperiment(parseConfig({ ...base, model: { epochs: 6, width: 32, augment: 'all', noise: 0.05 } }), { data, gridResolution: 0 });
    for (const r of [off, tail, all]) expect(r.methods[0].error?.message ?? 'ok').toBe('ok');
    // Augmentation changes what training sees, so the training losses differ from the plain run.
    expect(tail.methods[0].history.at(-1)!.loss).not.toBe(off.methods[0].history.at(-1)!.loss);
    expect(all.methods[0].history.at(-1)!.loss).not.toBe(off.methods[0].history.at(-1)!.loss);
    const synthetic = await runExperiment(parseConfig({ methods: ['none'], model: { epochs: 1, augment: 'all' } }), { gridResolution: 0 });
    expect(synthetic.methods[0].error?.message).toMatch(/Image augmentation needs an image set; this dataset is generated 2-D data/);
  }, 120_000);
});
