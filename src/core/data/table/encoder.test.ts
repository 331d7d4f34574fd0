import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../errors';
import { codesToOneHot, encodeRows, fitTableEncoder, medianInPlace } from './encoder';
import { inferSchema, withOverrides, type TableSchema } from './inferSchema';
import type { Table } from './table';
import { createTableBuilder } from './tableBuilder';

function tableOf(columns: Record<string, string[]>): Table {
  const names = Object.keys(columns);
  const b = createTableBuilder({ header: true });
  b.addRows([names, ...columns[names[0]].map((_, i) => names.map((k) => columns[k][i]))]);
  return b.finish();
}

const rows = (...r: number[]) => Int32Array.from(r);

describe('fitTableEncoder + encodeRows', () => {
  //            0      1     2     3      4     5
  const t = tableOf({
    x: ['1', '', '3', '10', '100', '7'],
    c: ['b', 'a', '', 'b', 'zzz', 'a'],
    f: ['yes', 'no', 'yes', '', 'no', 'yes'],
    k: ['5', '5', '5', '5', '9', '5'],
    label: ['0', '1', '0', '1', '0', '1'],
  });
  const schema = withOverrides(inferSchema(t), { columnTypes: { k: 'numeric' } });
  const train = rows(0, 1, 2, 3);
  const enc = fitTableEncoder(t, schema, train);

  it('fits every statistic on the training rows only', () => {
    // x on train: 1, NaN, 3, 10 → median 3; imputed → 1, 3, 3, 10: mean 4.25, population std.
    const x = [1, 3, 3, 10];
    const mean = 4.25;
    const std = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / 4);
    expect(enc.features[0]).toEqual({ kind: 'numeric', column: 'x', median: 3, mean, scale: std });
    // c on train: b, a, (missing), b → categories [a, b], most frequent b ('zzz' only in row 4: unknown).
    expect(enc.features[1]).toEqual({ kind: 'categorical', column: 'c', categories: ['a', 'b'], fill: 'b' });
    expect(enc.features[2]).toEqual({ kind: 'boolean', column: 'f', trueLevels: ['yes'], falseLevels: ['no'], fill: 1 });
    // k is constant on the training rows: scale 1, not a division by zero.
    expect(enc.features[3]).toEqual({ kind: 'numeric', column: 'k', median: 5, mean: 5, scale: 1 });
    expect(enc.imputedInTraining).toEqual([
      { column: 'x', count: 1 },
      { column: 'c', count: 1 },
      { column: 'f', count: 1 },
    ]);
    expect(enc).toMatchObject({ oneHotWidth: 5, codesWidth: 4, fittedRows: 4, target: 'label' });
    expect(JSON.parse(JSON.stringify(enc))).toEqual(enc);
  });

  it('encodes one-hot: scaled numbers, 0/1 booleans, unknown categories as zeros', () => {
    const out = encodeRows(t, enc, rows(1, 4), 'one-hot');
    const f = enc.features[0];
    if (f.kind !== 'numeric') throw new Error('x must be numeric');
    expect(out.featureNames).toEqual(['x', 'c=a', 'c=b', 'f', 'k']);
    expect(out.X.rows).toBe(2);
    expect(Array.from(out.X.data)).toEqual([(3 - f.mean) / f.scale, 1, 0, 0, 0, (100 - f.mean) / f.scale, 0, 0, 0, 4]);
    expect(out.categoricalFeatures).toEqual([]);
    expect(out.imputed).toEqual([{ column: 'x', count: 1 }]);
  });

  it('encodes codes for SMOTE-NC, and codesToOneHot gives the one-hot columns exactly', () => {
    const all = rows(0, 1, 2, 3, 4, 5);
    const codes = encodeRows(t, enc, all, 'codes');
    expect(codes.featureNames).toEqual(['x', 'c', 'f', 'k']);
    expect(codes.categoricalFeatures).toEqual([1, 2]);
    expect(Array.from(codes.X.data.filter((_, k) => k % 4 === 1))).toEqual([1, 0, 1, 1, -1, 0]);
    expect(codesToOneHot(codes.X, enc)).toEqual(encodeRows(t, enc, all, 'one-hot').X);
    expect(codes.imputed).toEqual([
      { column: 'x', count: 1 },
      { column: 'c', count: 1 },
      { column: 'f', count: 1 },
    ]);
  });

  it('refuses codes that are not codes', () => {
    const X = { data: Float64Array.from([0, 2.5, 1, 0]), rows: 1, cols: 4 };
    expect(() => codesToOneHot(X, enc)).toThrow("Row 0, column 'c' of the codes matrix must hold a category code between -1 and 1. Got 2.5 instead.");
    expect(() => codesToOneHot({ data: new Float64Array(3), rows: 1, cols: 3 }, enc)).toThrow(DataError);
  });

  it('applies to another table with the same column names', () => {
    const test = tableOf({ label: ['0'], k: ['5'], f: ['maybe'], c: ['a'], x: [''] });
    const out = encodeRows(test, enc, rows(0), 'one-hot');
    expect(out.X.data[1]).toBe(1);
    expect(out.X.data[3]).toBe(1); // unknown boolean spelling imputed with the training mode
    expect(out.imputed).toEqual([
      { column: 'x', count: 1 },
      { column: 'f', count: 1 },
    ]);
    expect(() => encodeRows(tableOf({ x: ['1'] }), enc, rows(0), 'one-hot')).toThrow(/The table has no column 'c', which the encoder was fitted with/);
  });

  it('refuses out-of-range rows', () => {
    expect(() => encodeRows(t, enc, rows(6), 'one-hot')).toThrow('rows must be row indices between 0 and 5, but entry 0 is not. Got 6 instead.');
    expect(() => fitTableEncoder(t, schema, rows())).toThrow('The encoder needs at least one training row. Got 0 training rows instead.');
  });
});

describe('fitTableEncoder errors', () => {
  it('names a categorical column above the cardinality cap, with the fixes', () => {
    const t = tableOf({ word: Array.from({ length: 80 }, (_, i) => `w${i % 60}`), label: Array.from({ length: 80 }, (_, i) => String(i % 2)) });
    const s = withOverrides(inferSchema(t), { columnTypes: {}, ignored: [] });
    const forced: TableSchema = { ...s, columns: s.columns.map((c) => (c.name === 'word' ? { ...c, role: 'feature' } : c)) };
    const all = Int32Array.from({ length: 80 }, (_, i) => i);
    expect(() => fitTableEncoder(t, forced, all)).toThrow(
      "Column 'word' has 60 distinct values in the training rows, more than the 50 categories one-hot encoding allows. Mark it ignored (an ID or free text?), or raise the category limit. Got 60 categories instead.",
    );
    expect(fitTableEncoder(t, forced, all, { maxCategories: 60 }).oneHotWidth).toBe(60);
  });

  it('refuses a numeric column with no value in the training rows', () => {
    const t = tableOf({ x: ['', '', '1', '2'], y: ['1', '2', '3', '4'], label: ['0', '1', '0', '1'] });
    expect(() => fitTableEncoder(t, inferSchema(t, { emptyFraction: 0.9 }), rows(0, 1))).toThrow(
      "Column 'x' has no number in the 2 training rows, so it cannot be imputed or scaled. Mark it ignored. Got 0 numbers instead.",
    );
  });
});

describe('encoder invariants', () => {
  const cell = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => String(v)), fc.constantFrom('', 'NA', 'inf'));
  const cat = fc.constantFrom('a', 'b', 'c', 'd', '', '?');
  const flag = fc.constantFrom('yes', 'no', '');
  const data = fc
    .array(fc.tuple(cell, cat, flag, fc.constantFrom('0', '1')), { minLength: 4, maxLength: 60 })
    .chain((r) => fc.tuple(fc.constant(r), fc.subarray(r.map((_, i) => i), { minLength: 1 })));
  const make = (r: [string, string, string, string][]) => tableOf({ x: r.map((v) => v[0]), c: r.map((v) => v[1]), f: r.map((v) => v[2]), label: r.map((v) => v[3]) });
  const typed = (t: Table) => withOverrides(inferSchema(t, { emptyFraction: 1 }), { columnTypes: { x: 'numeric', c: 'categorical' } });

  it('values that appear only outside the training rows never change the encoder', () => {
    fc.assert(
      fc.property(data, fc.array(fc.tuple(cell, fc.constantFrom('a', 'e', 'zz', ''), fc.constantFrom('yes', 'no', '', 'maybe', 'TRUE')), { minLength: 1, maxLength: 10 }), ([r, trainList], replacement) => {
        fc.pre(trainList.some((i) => r[i][0] !== '' && r[i][0] !== 'NA' && r[i][0] !== 'inf'));
        fc.pre(trainList.some((i) => r[i][1] !== '' && r[i][1] !== '?'));
        const train = Int32Array.from(trainList);
        const inTrain = new Set(trainList);
        const changed = r.map((v, i) => (inTrain.has(i) ? v : ([...replacement[i % replacement.length], v[3]] as [string, string, string, string])));
        const a = make(r);
        const b = make(changed);
        // The schema is the user's reviewed choice, fixed before the split; only the fit is tested.
        const schema = typed(a);
        let ea;
        try {
          ea = fitTableEncoder(a, schema, train);
        } catch (e) {
          expect(() => fitTableEncoder(b, schema, train)).toThrow((e as Error).message);
          return;
        }
        expect(fitTableEncoder(b, schema, train)).toEqual(ea);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets NaN or Infinity out, and codes → one-hot equals one-hot', () => {
    fc.assert(
      fc.property(data, ([r, trainList]) => {
        fc.pre(trainList.some((i) => r[i][0] !== '' && r[i][0] !== 'NA' && r[i][0] !== 'inf'));
        fc.pre(trainList.some((i) => r[i][1] !== '' && r[i][1] !== '?'));
        fc.pre(trainList.some((i) => r[i][2] === 'yes') && trainList.some((i) => r[i][2] === 'no'));
        const t = make(r);
        const s = withOverrides(inferSchema(t, { emptyFraction: 1 }), { columnTypes: { x: 'numeric', c: 'categorical', f: 'boolean' } });
        const enc = fitTableEncoder(t, s, Int32Array.from(trainList));
        const all = Int32Array.from(r.map((_, i) => i));
        const oneHot = encodeRows(t, enc, all, 'one-hot');
        const codes = encodeRows(t, enc, all, 'codes');
        expect(oneHot.X.data.every(Number.isFinite)).toBe(true);
        expect(codes.X.data.every(Number.isFinite)).toBe(true);
        expect(codesToOneHot(codes.X, enc)).toEqual(oneHot.X);
        // The standardised training columns have mean 0.
        const train = encodeRows(t, enc, Int32Array.from(trainList), 'one-hot');
        let sum = 0;
        for (let i = 0; i < train.X.rows; i++) sum += train.X.data[i * train.X.cols];
        expect(Math.abs(sum / train.X.rows)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });
});

describe('encoder: near-constant columns', () => {
  // Found by the invariant above in CI: training values 999999.9999999999, 999999.9999999998 and a
  // missing cell differ only in their last bits; scaled by their ~1e-11 deviation they came out
  // with mean 0.94. Such a column is constant to float64 (scikit-learn's _is_constant_feature).
  it('values that differ only in their last bits get scale 1, so the standardised training mean stays 0', () => {
    const r: [string, string, string, string][] = [["6e-323","?","","1"],["inf","a","yes","0"],["","d","no","0"],["inf","b","yes","1"],["999999.9999999999","a","no","0"],["inf","?","yes","1"],["3.210321878136968e-297","b","no","0"],["1.2958860656868243e-269","","yes","1"],["-5e-323","","yes","0"],["-5.3727591728273074e-170","a","yes","0"],["999999.9999999998","b","yes","1"],["NA","","","1"],["4.4e-323","d","no","0"],["NA","a","","1"]];
    const trainList = [4, 10, 11];
    const t = tableOf({ x: r.map((v) => v[0]), c: r.map((v) => v[1]), f: r.map((v) => v[2]), label: r.map((v) => v[3]) });
    const s = withOverrides(inferSchema(t, { emptyFraction: 1 }), { columnTypes: { x: 'numeric', c: 'categorical', f: 'boolean' } });
    const enc = fitTableEncoder(t, s, Int32Array.from(trainList));
    const train = encodeRows(t, enc, Int32Array.from(trainList), 'one-hot');
    let sum = 0;
    for (let i = 0; i < train.X.rows; i++) sum += train.X.data[i * train.X.cols];
    expect(Math.abs(sum / train.X.rows)).toBeLessThan(1e-9);
  });
});

describe('medianInPlace', () => {
  it('equals the sorted middle (mean of the two middles for even counts), like numpy.median', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 200 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const h = sorted.length >> 1;
        // -0 and +0 sort as equal, so which one is the middle is arbitrary; the median is reported as +0.
        const expected = (sorted.length % 2 ? sorted[h] : sorted[h - 1] + (sorted[h] - sorted[h - 1]) / 2) + 0;
        expect(medianInPlace(Float64Array.from(values), values.length)).toBe(expected);
      }),
      { numRuns: 500 },
    );
    expect(medianInPlace(Float64Array.from([3, 1, 2, 10]), 4)).toBe(2.5);
    expect(medianInPlace(Float64Array.from([0, 0, 5e-324, 5e-324, -0]), 5)).toBe(0);
    expect(medianInPlace(Float64Array.from([-0, -0, 1]), 3)).toBe(0);
  });
});
