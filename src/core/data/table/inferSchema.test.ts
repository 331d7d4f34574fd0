import { describe, expect, it } from 'vitest';
import { ConfigError, DataError } from '../../errors';
import { featureColumns, inferSchema, withOverrides, type TableSchema } from './inferSchema';
import type { Table } from './table';
import { createTableBuilder } from './tableBuilder';

/** A table from columns of cell strings (header = the keys). */
function tableOf(columns: Record<string, string[]>): Table {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  const b = createTableBuilder({ header: true });
  b.addRows([names, ...Array.from({ length: n }, (_, i) => names.map((k) => columns[k][i]))]);
  return b.finish();
}

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
const byName = (s: TableSchema, name: string) => s.columns.find((c) => c.name === name)!;

describe('inferSchema', () => {
  const n = 40;
  const table = tableOf({
    id: range(n, (i) => `user-${1000 + i}`),
    row: range(n, (i) => String(i + 1)),
    age: range(n, (i) => String(20 + ((i * 7) % 50))),
    income: range(n, (i) => (i % 10 === 0 ? '' : (1000 + i * 13.5).toFixed(2))),
    city: range(n, (i) => ['Paris', 'Lyon', 'Nice'][i % 3]),
    zip: range(n, (i) => ['02134', '10001', '07030'][i % 3]),
    smoker: range(n, (i) => (i % 4 === 0 ? 'Yes' : 'no')),
    bool01: range(n, (i) => String(i % 2)),
    grade: range(n, (i) => String(1 + (i % 4))),
    country: range(n, () => 'FR'),
    notes: range(n, (i) => (i % 5 === 0 ? 'x' : '')),
    nothing: range(n, () => 'NA'),
    mostlyNumbers: range(n, (i) => (i === 3 ? 'n/k' : String(i * 1.5))),
    label: range(n, (i) => (i % 8 === 0 ? 'fraud' : 'ok')),
  });
  const schema = inferSchema(table);

  it.each([
    ['id', 'identifier', 'ignored', 'every value is unique text: looks like an identifier'],
    ['row', 'identifier', 'ignored', 'every value is a different whole number, in increasing order: looks like a row number or an ID'],
    ['age', 'numeric', 'feature', 'numbers'],
    ['income', 'numeric', 'feature', 'numbers; 10 % missing, imputed with the training median'],
    ['city', 'categorical', 'feature', "text with 3 distinct values ('Paris', 'Lyon', 'Nice')"],
    ['zip', 'categorical', 'feature', "whole numbers written with leading zeros (e.g. '02134'): looks like a code, not a quantity"],
    ['smoker', 'boolean', 'feature', "only yes/no values ('Yes', 'no'), read as 1 and 0"],
    ['bool01', 'boolean', 'feature', "only yes/no values ('0', '1'), read as 1 and 0"],
    ['grade', 'numeric', 'feature', 'whole numbers with 4 distinct values; if they are codes for categories, switch the column to categorical'],
    ['country', 'constant', 'ignored', "every non-empty cell holds the same value 'FR'"],
    ['notes', 'empty', 'ignored', '80 % of the cells are empty or missing (more than 50 %)'],
    ['nothing', 'empty', 'ignored', 'every cell is empty or missing'],
    ['mostlyNumbers', 'numeric', 'feature', "numbers; 1 text cell (e.g. 'n/k') treated as missing"],
    ['label', 'categorical', 'target', "the target: named 'label'"],
  ])('%s is %s (%s): %s', (name, type, role, reason) => {
    expect(byName(schema, name)).toMatchObject({ type, role, reason });
  });

  it('guesses the target by name, case-insensitively, else takes the last column', () => {
    expect(inferSchema(tableOf({ a: ['1', '2'], Class: ['x', 'y'], b: ['3', '4'] })).target).toBe('Class');
    expect(inferSchema(tableOf({ Y: ['1', '2'], b: ['3', '4'] })).target).toBe('Y');
    expect(inferSchema(tableOf({ target: ['1', '2'], label: ['3', '4'] })).target).toBe('label');
    const last = inferSchema(tableOf({ a: ['1', '2'], outcome: ['x', 'y'] }));
    expect(last.target).toBe('outcome');
    expect(last.targetReason).toBe('the last column (no column is named label, class, target, y)');
    expect(inferSchema(tableOf({ a: ['1', '2'], b: ['x', 'y'] }), { target: 'a' }).target).toBe('a');
    expect(() => inferSchema(tableOf({ a: ['1'] }), { target: 'nope' })).toThrow(ConfigError);
  });

  it('ignores a text column with more categories than the one-hot cap', () => {
    const t = tableOf({ word: range(300, (i) => `w${i % 120}`), label: range(300, (i) => String(i % 2)) });
    expect(byName(inferSchema(t), 'word')).toMatchObject({
      type: 'categorical',
      role: 'ignored',
      reason: 'text with 120 distinct values; ignored by default: 120 distinct values are more than the 50 categories one-hot encoding allows',
    });
    expect(byName(inferSchema(t, { maxCategories: 200 }), 'word').role).toBe('feature');
  });

  it('calls unique text in a large column an identifier, even past the dictionary limit', () => {
    const t = tableOf({ email: range(3000, (i) => `person${i}@example.com`), label: range(3000, (i) => String(i % 2)) });
    expect(byName(inferSchema(t), 'email')).toMatchObject({ type: 'identifier', role: 'ignored' });
    expect(byName(inferSchema(t), 'email').reason).toMatch(/^almost every value is different text \(about \d+ distinct in 3000 cells\): looks like an identifier$/);
  });

  it('keeps unicode column names', () => {
    const s = inferSchema(tableOf({ 'Größe (cm)': ['170', '180'], 'クラス': ['a', 'b'] }));
    expect(s.columns.map((c) => c.name)).toEqual(['Größe (cm)', 'クラス']);
  });

  it('does not call a short column of unique values an identifier', () => {
    expect(byName(inferSchema(tableOf({ name: ['ann', 'bob', 'cy'], label: ['0', '1', '0'] })), 'name').type).toBe('categorical');
  });
});

describe('withOverrides', () => {
  const table = tableOf({
    city: ['Paris', 'Lyon', 'Paris', 'Nice'],
    code: ['1', '2', '3', '1'],
    flag: ['yes', 'no', 'maybe', 'no'],
    id: ['a1', 'a2', 'a3', 'a4'],
    label: ['0', '1', '0', '1'],
  });
  const schema = inferSchema(table);

  it('refuses to make a text column numeric, naming how many cells are not numbers', () => {
    expect(() => withOverrides(schema, { columnTypes: { city: 'numeric' } })).toThrow(
      "Column 'city' cannot be numeric: 4 of its 4 non-empty cells are not numbers (e.g. 'Paris', 'Lyon', 'Nice'). Keep it categorical, or fix those cells in the file. Got type 'numeric' instead.",
    );
    expect(() => withOverrides(schema, { columnTypes: { flag: 'boolean' } })).toThrow(DataError);
  });

  it('applies types, target and ignored columns', () => {
    const s = withOverrides(schema, { columnTypes: { code: 'categorical' }, target: 'city', ignored: ['flag'] });
    expect(byName(s, 'code')).toMatchObject({ type: 'categorical', role: 'feature', inferredType: 'numeric', reason: 'set to categorical by you (inferred: numeric)' });
    expect(byName(s, 'city')).toMatchObject({ role: 'target', reason: 'the target: chosen by you' });
    expect(byName(s, 'flag')).toMatchObject({ role: 'ignored' });
    expect(byName(s, 'label')).toMatchObject({ role: 'feature', type: 'boolean' });
    expect(s.target).toBe('city');
  });

  it('refuses unknown columns and ignoring the target', () => {
    expect(() => withOverrides(schema, { columnTypes: { nope: 'numeric' } })).toThrow(ConfigError);
    expect(() => withOverrides(schema, { target: 'nope' })).toThrow(/target must name a column of the table/);
    expect(() => withOverrides(schema, { ignored: ['label'] })).toThrow("The target column 'label' cannot also be ignored; pick another target first. Got ignored = [\"label\"] instead.");
  });
});

describe('featureColumns', () => {
  it('explains why there is no feature', () => {
    const s = inferSchema(tableOf({ id: range(30, (i) => `k${i}`), ref: range(30, (i) => `r-${i}`), label: range(30, (i) => String(i % 2)) }));
    expect(() => featureColumns(s)).toThrow(
      "No usable feature column: every column besides the target 'label' is ignored ('id': identifier; 'ref': identifier). Mark at least one column as a numeric, categorical or boolean feature. Got 0 feature columns instead.",
    );
  });

  it('points at the delimiter when the table is one column', () => {
    const s = inferSchema(tableOf({ 'a;b;label': ['1;2;0', '3;4;1'] }));
    expect(() => featureColumns(s)).toThrow(/^The table has a single column \('a;b;label'\), so there is no feature besides the target\. If the file uses a delimiter other than comma, semicolon, tab or '\|', choose it explicitly\. Got 1 column instead\.$/);
  });
});
