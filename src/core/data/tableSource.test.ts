import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvFile } from '../../io/csv/nodeFile';
import { defaultConfig, parseConfig, type ExperimentConfig } from '../config';
import { runExperiment } from '../experiment';
import { METHODS } from '../methods';
import { defaultParams } from '../params';
import { methodData, prepareExperiment, splitCount, type LoadedData } from '../protocol';
import { countClasses } from '../types';
import { describeTable } from './tableSource';
import { longTailCounts } from './images/longTail';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

const dir = new URL('../../../public/datasets/', import.meta.url).pathname;
const load = async (file: string): Promise<LoadedData> => ({ kind: 'table', table: await parseCsvFile(`${dir}${file}`) });
const config = (name: string, extra: Omit<Partial<ExperimentConfig>, 'dataset'> & { dataset?: object } = {}) =>
  parseConfig({ ...defaultConfig(), ...extra, dataset: { kind: 'builtin', name, ...(extra.dataset ?? {}) } });

describe('tables in the protocol', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });

  it('adult-subset: features are encoded with statistics of the training rows only, never NaN', async () => {
    const data = await load('adult-subset.csv');
    const prep = prepareExperiment(config('adult-subset'), data);
    const table = (data as { table: import('./table/table').Table }).table;
    // The standardisation of 'age' uses the training rows' mean: recompute it by hand.
    const age = table.columns.find((c) => c.name === 'age')!;
    const labeled = Int32Array.from({ length: table.rows }, (_, i) => i);
    const trainAges = Array.from(prep.split.train, (i) => age.numbers[labeled[i]]);
    const mean = trainAges.reduce((a, b) => a + b, 0) / trainAges.length;
    const j = prep.encoded.featureNames.indexOf('age');
    expect(j).toBeGreaterThanOrEqual(0);
    expect(prep.scaler.mean[j]).toBeCloseTo(mean, 9);
    const allFinite = (m: { data: ArrayLike<number> }) => Array.from(m.data).every(Number.isFinite);
    expect(allFinite(prep.train.X) && allFinite(prep.validation.X) && allFinite(prep.test.X)).toBe(true);
    expect(prep.train.X.cols).toBe(prep.test.X.cols);
    // 6 numeric columns + one-hot blocks of the 8 categorical ones.
    expect(prep.train.X.cols).toBeGreaterThan(14);
    expect(prep.dataset.classNames).toEqual(['<=50K', '>50K']);
  });

  it('SMOTE-NC resamples category codes and hands the model the same one-hot columns; SMOTE on numeric data has none to use', async () => {
    const data = await load('adult-subset.csv');
    const prep = prepareExperiment(config('adult-subset'), data);
    const method = { id: 'smote-nc' as const, params: defaultParams(METHODS['smote-nc'].params) };
    const d = methodData(prep, method);
    const counts = countClasses(d.train.y, 2);
    expect(counts[0]).toBe(counts[1]);
    expect(d.train.X.cols).toBe(prep.train.X.cols);
    // Every synthetic row picks exactly one category per one-hot block (no blends of categories).
    const names = prep.encoded.featureNames;
    const blocks = new Map<string, number[]>();
    names.forEach((n, j) => {
      const m = /^(.+)=/.exec(n);
      if (m) blocks.set(m[1], [...(blocks.get(m[1]) ?? []), j]);
    });
    expect(blocks.size).toBeGreaterThanOrEqual(8);
    const synthetic = Array.from(d.resampled!.origin.keys()).filter((i) => d.resampled!.origin[i] < 0);
    expect(synthetic.length).toBe(counts[0] - prep.trainCounts[1]);
    for (const i of synthetic.slice(0, 200)) {
      for (const cols of blocks.values()) {
        const ones = cols.map((j) => d.train.X.data[i * d.train.X.cols + j]);
        expect(ones.every((v) => v === 0 || v === 1)).toBe(true);
        expect(ones.filter((v) => v === 1).length).toBeLessThanOrEqual(1);
      }
    }
    const pima = prepareExperiment(config('pima-diabetes'), await load('pima-diabetes.csv'));
    expect(() => methodData(pima, method)).toThrow(/needs categorical columns, and this data has none/);
    // SMOTEN would treat the numeric columns as categories: refused, naming them.
    const smoten = { id: 'smoten' as const, params: defaultParams(METHODS.smoten.params) };
    expect(() => methodData(prep, smoten)).toThrow(/SMOTEN needs every feature to be categorical; this data also has numeric columns \('age', 'fnlwgt'/);
  });

  it('cross-validation runs every fold and reports mean ± std', async () => {
    const data = await load('breast-cancer-wisconsin-diagnostic.csv');
    const cfg = config('breast-cancer-wisconsin-diagnostic', {
      split: { protocol: 'cross-validation', folds: 3, repeats: 1, validation: 0.2, test: 0.3, testPerClass: 20, relativeAccuracy: false },
      methods: [{ id: 'none', params: {} }],
      model: { ...defaultConfig().model, epochs: 3 },
    });
    expect(splitCount(cfg)).toBe(3);
    const tested = new Set<number>();
    for (let s = 0; s < 3; s++) for (const i of prepareExperiment(cfg, data, s).split.test) tested.add(i);
    expect(tested.size).toBe(569);
    const result = await runExperiment(cfg, { data, gridResolution: 0 });
    const m = result.methods[0];
    expect(m.error?.message ?? 'ok').toBe('ok');
    expect(m.splits).toHaveLength(3);
    expect(m.spread!.balancedAccuracy.n).toBe(3);
    expect(m.spread!.balancedAccuracy.mean).toBeCloseTo(m.splits!.reduce((a, s) => a + s.metrics.balancedAccuracy, 0) / 3, 12);
  }, 60_000);

  it('the long-tail builder on digits: an exponential training profile and a balanced test set', async () => {
    const data = await load('digits.csv');
    const cfg = config('digits', { dataset: { longTail: { profile: 'exponential', imbalanceFactor: 50, testPerClass: 10 } } });
    const prep = prepareExperiment(cfg, data);
    expect(countClasses(prep.test.y, 10)).toEqual(new Array(10).fill(10));
    const train = countClasses(prep.train.y, 10);
    const pool = prep.trainCounts.map((c, i) => c + countClasses(prep.validation.y, 10)[i]);
    // Head = class 0 with all its non-test rows; the rest follow n_i = ⌊n_max · 50^(−i/9)⌋.
    expect(pool[0]).toBe(178 - 10);
    expect(pool).toEqual(longTailCounts(168, 10, { profile: 'exponential', imbalanceFactor: 50 }));
    expect(train.every((c) => c >= 1)).toBe(true);
  });

  it('reports what imputation fills: per column, among all rows and the training rows', async () => {
    const data = await load('adult-subset.csv');
    const table = (data as { table: import('./table/table').Table }).table;
    const source = prepareExperiment(config('adult-subset'), data).source;
    const all = Int32Array.from({ length: table.rows }, (_, i) => i);
    const missing = source.missingIn!(all);
    const byName = Object.fromEntries(missing.map((m) => [m.column, m]));
    for (const name of ['workclass', 'occupation', 'native_country']) {
      expect(byName[name]).toEqual({ column: name, count: table.columns.find((c) => c.name === name)!.missing, strategy: 'most frequent' });
      expect(byName[name].count).toBeGreaterThan(0);
    }
    expect(missing.map((m) => m.column).sort()).toEqual(['native_country', 'occupation', 'workclass']);
  });

  it('rows with an empty target are kept aside as unlabeled and reported', async () => {
    const { parseCsv } = await import('../../io/csv/parseCsv');
    const table = await parseCsv('x,z,label\n1,4,a\n2,5,\n3,6,b\n4,7,a\n5,8,b\n6,9,a\n7,1,b\n');
    const view = describeTable(table, {});
    expect(view.columns.map((c) => c.use)).toEqual(['numeric', 'numeric', 'target']);
    const cfg = parseConfig({ ...defaultConfig(), dataset: { kind: 'upload', name: 't.csv' }, split: { test: 0.3, validation: 0 } });
    const prep = prepareExperiment(cfg, { kind: 'table', table });
    expect(prep.dataset.y.length).toBe(6);
    expect(prep.source.unlabeled).toBe(1);
    expect(prep.source.notes.join(' ')).toMatch(/1 row has an empty target \('label'\): kept aside as unlabeled/);
  });

  it('shows a row as loaded (every column, the target and empty cells too), skipping unlabeled rows', async () => {
    const { parseCsv } = await import('../../io/csv/parseCsv');
    const table = await parseCsv('x,colour,label\n1.5,red,a\n2,,\n,blue,b\n4,red,a\n5,blue,b\n6,red,a\n7,blue,b\n');
    const cfg = parseConfig({ ...defaultConfig(), dataset: { kind: 'upload', name: 't.csv' }, split: { test: 0.3, validation: 0 } });
    const prep = prepareExperiment(cfg, { kind: 'table', table });
    // Source row 1 is file row 3 (file row 2 has no target).
    expect(prep.source.example(1)).toEqual({ kind: 'cells', cells: [{ name: 'x', value: '' }, { name: 'colour', value: 'blue' }, { name: 'label', value: 'b' }] });
    expect(prep.source.example(0)).toEqual({ kind: 'cells', cells: [{ name: 'x', value: '1.5' }, { name: 'colour', value: 'red' }, { name: 'label', value: 'a' }] });
  });
});
