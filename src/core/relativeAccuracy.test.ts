import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { parseCsvFile } from '../io/csv/nodeFile';
import { defaultConfig, parseConfig } from './config';
import { runExperiment } from './experiment';
import { balancedReference, prepareExperiment, type LoadedData } from './protocol';
import { countClasses } from './types';

const dir = new URL('../../public/datasets/', import.meta.url).pathname;
const load = async (file: string): Promise<LoadedData> => ({ kind: 'table', table: await parseCsvFile(`${dir}${file}`) });

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const digitsLt = (relativeAccuracy = true) =>
  parseConfig({
    ...defaultConfig(),
    dataset: { kind: 'builtin', name: 'digits', longTail: { profile: 'exponential', imbalanceFactor: 20, testPerClass: 20 } },
    split: { ...defaultConfig().split, validation: 0.1, relativeAccuracy },
    model: { ...defaultConfig().model, kind: 'logistic', epochs: 8 },
    methods: [{ id: 'none', params: {} }, { id: 'class-weight', params: {} }],
  });

describe('relative accuracy', () => {
  it('the reference is balanced, as large as the imbalanced training set, from rows the long tail left out, scored on the same test rows', async () => {
    const data = await load('digits.csv');
    const prep = prepareExperiment(digitsLt(), data);
    const ref = balancedReference(prep);
    const perClass = Math.ceil(prep.train.y.length / 10);
    expect(countClasses(ref.train.y, 10)).toEqual(new Array(10).fill(perClass));
    expect(Array.from(ref.test.y)).toEqual(Array.from(prep.test.y));
    expect(ref.validation.y.length).toBe(prep.validation.y.length);
    // The balanced rows avoid the test and validation rows (in the builder's input numbering).
    const base = prep.source.base!;
    const held = new Set([...prep.split.test, ...prep.split.validation].map((r) => base.rows[r]));
    for (const r of ref.split.train) expect(held.has(r)).toBe(false);
    // Seeded: the same reference every time.
    expect(Array.from(balancedReference(prep).split.train)).toEqual(Array.from(ref.split.train));
  });

  it('is accuracy ÷ max(balanced cross-entropy, the balanced method) for every method, as an extra run', async () => {
    const data = await load('digits.csv');
    const result = await runExperiment(digitsLt(), { data });
    for (const m of result.methods) {
      expect(m.status).toBe('done');
      const r = m.relativeAccuracy as { value: number; balancedVanilla: number; balancedMethod: number; trainRows: number };
      expect(r.value).toBeCloseTo(m.metrics!.accuracy / Math.max(r.balancedVanilla, r.balancedMethod), 12);
      expect(r.value).toBeGreaterThan(0);
    }
    // Plain cross-entropy's own balanced run is the vanilla reference itself.
    const none = result.methods[0].relativeAccuracy as { balancedVanilla: number; balancedMethod: number };
    expect(none.balancedMethod).toBe(none.balancedVanilla);
    const off = await runExperiment(digitsLt(false), { data });
    expect(off.methods[0].relativeAccuracy).toBeUndefined();
    expect(off.methods[0].metrics!.accuracy).toBe(result.methods[0].metrics!.accuracy);
  });

  it('says which class is too small when the data has no size-matched balanced set', async () => {
    const data = await load('pima-diabetes.csv');
    const cfg = parseConfig({
      ...defaultConfig(),
      dataset: { kind: 'builtin', name: 'pima-diabetes' },
      split: { ...defaultConfig().split, relativeAccuracy: true },
      model: { ...defaultConfig().model, kind: 'logistic', epochs: 3 },
      methods: [{ id: 'none', params: {} }],
    });
    const result = await runExperiment(cfg, { data });
    expect(result.methods[0].status).toBe('done');
    expect((result.methods[0].relativeAccuracy as { error: string }).error).toMatch(/balanced training set as large as the imbalanced one .* class '.+' has only \d+\. Build the long tail from a balanced dataset/);
  });
});
