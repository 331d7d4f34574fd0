import { describe, expect, it } from 'vitest';
import { DataError } from '../../errors';
import { inferSchema } from './inferSchema';
import { summarizeLabels, targetLabels } from './labels';
import type { Table } from './table';
import { createTableBuilder } from './tableBuilder';

function tableOf(columns: Record<string, string[]>): Table {
  const names = Object.keys(columns);
  const b = createTableBuilder({ header: true });
  b.addRows([names, ...columns[names[0]].map((_, i) => names.map((k) => columns[k][i]))]);
  return b.finish();
}

const labelsOf = (labels: string[], opts?: { maxClasses?: number }) => {
  const t = tableOf({ x: labels.map((_, i) => String(i)), label: labels });
  return targetLabels(t, inferSchema(t), opts);
};

describe('targetLabels', () => {
  it('maps labels to class indices sorted like numpy.unique, -1 for empty cells', () => {
    const r = labelsOf(['10', '9', '', '10', '2', 'NA']);
    expect(r.classNames).toEqual(['2', '9', '10']);
    expect(Array.from(r.y)).toEqual([2, 1, -1, 2, 0, -1]);
    expect(r.counts).toEqual([1, 1, 2]);
    expect(Array.from(r.unlabeledRows)).toEqual([2, 5]);
    expect(r.target).toBe('label');
  });

  it('sorts text labels by code unit', () => {
    expect(labelsOf(['b', 'B', 'a', 'b']).classNames).toEqual(['B', 'a', 'b']);
  });

  it('refuses a target with one class', () => {
    expect(() => labelsOf(['a', 'a', '', 'a'])).toThrow(
      "The target column 'label' has only one class 'a' (3 rows); a classifier needs at least two. Pick another target column, or add rows of the other classes. Got 1 class instead.",
    );
  });

  it('refuses a target without labels', () => {
    expect(() => labelsOf(['', 'NA', ''])).toThrow(
      "The target column 'label' has no labels: every cell is empty or missing. Pick the column that holds the class labels as the target. Got 0 labeled rows instead.",
    );
  });

  it('refuses a single labeled row', () => {
    expect(() => labelsOf(['x', ''])).toThrow(/has only one labeled row \('x'\).*Got 1 labeled row instead\./);
  });

  it('refuses a continuous target', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i * 0.731).toFixed(3));
    expect(() => labelsOf(values)).toThrow(
      "The target column 'label' has 500 distinct values (numbers): it looks like a continuous value, not a class (at most 100 classes). Pick the column that holds the class labels as the target, or bin the values into classes first. Got 500 distinct values instead.",
    );
    expect(labelsOf(values, { maxClasses: 1000 }).classNames).toHaveLength(500);
    const many = Array.from({ length: 1500 }, (_, i) => `v${i}`);
    expect(() => labelsOf(many)).toThrow(/more than 1000 distinct values: it looks like a continuous value or an identifier/);
  });

  it('throws DataError (not a crash) when the schema has no target', () => {
    const t = tableOf({ a: ['1', '2'] });
    expect(() => targetLabels(t, { ...inferSchema(t), target: null })).toThrow(DataError);
  });
});

describe('summarizeLabels', () => {
  it('gives the imbalance ratio and the few-shot classes', () => {
    const y = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 2, -1]);
    expect(summarizeLabels(y, 4, { fewShotBelow: 3 })).toEqual({ counts: [6, 2, 1, 0], imbalanceRatio: 6, majority: 0, minority: 2, fewShot: [1, 2], absent: [3] });
  });

  it('counts only the given rows (e.g. the training split)', () => {
    const y = Int32Array.from([0, 0, 1, 1, 1, 0]);
    const s = summarizeLabels(y, 2, { rows: [0, 1, 2] });
    expect(s.counts).toEqual([2, 1]);
    expect(s.imbalanceRatio).toBe(2);
    expect(s.fewShot).toEqual([0, 1]);
  });
});
