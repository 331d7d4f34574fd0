import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRng } from '../random';
import { countClasses } from '../types';
import type { Matrix } from '../types';
import { randomOverSampler } from './randomOverSampler';
import { randomUnderSampler } from './randomUnderSampler';
import { smote } from './smote';

interface Case {
  name: string;
  X: number[][];
  y: number[];
  class_counts: Record<string, number>;
  counts_after: Record<string, Record<string, number> | number[]>;
}
const fixture = JSON.parse(readFileSync(new URL('../../../../shared/fixtures/resampling.json', import.meta.url), 'utf8')) as { cases: Case[] };

const countsOf = (expected: Record<string, number> | number[]) =>
  Object.entries(expected as Record<string, number>)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, n]) => n);

describe('class counts after resampling match imbalanced-learn 0.10', () => {
  for (const c of fixture.cases) {
    const X: Matrix = { data: Float64Array.from(c.X.flat()), rows: c.X.length, cols: c.X[0].length };
    const y = Int32Array.from(c.y);
    const C = Object.keys(c.class_counts).length;
    const runs = {
      RandomOverSampler: (seed: number) => randomOverSampler(X, y, {}, createRng(seed)),
      RandomUnderSampler: (seed: number) => randomUnderSampler(X, y, {}, createRng(seed)),
      SMOTE_k5: (seed: number) => smote(X, y, { kNeighbors: 5 }, createRng(seed)),
      SMOTE_k3_not_majority: (seed: number) => smote(X, y, { kNeighbors: 3, samplingStrategy: 'not majority' }, createRng(seed)),
    };
    for (const [name, run] of Object.entries(runs)) {
      it(`${c.name}: ${name}`, () => {
        expect(countClasses(y, C)).toEqual(countsOf(c.class_counts));
        for (const seed of [0, 1, 2]) {
          expect(countClasses(run(seed).y, C)).toEqual(countsOf(c.counts_after[name]));
        }
      });
    }
  }
});
