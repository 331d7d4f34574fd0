import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confusionMatrix, argmaxRows } from '../metrics';
import { confusionCellRows } from './confusionCell';

describe('confusionCellRows', () => {
  it('lists the rows of a cell by hand', () => {
    const y = [0, 0, 1, 1, 2];
    const scores = Float64Array.from([0.9, 0.1, 0, 0.2, 0.7, 0.1, 0.6, 0.4, 0, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4]);
    expect(confusionCellRows(y, scores, 3, 0, 1)).toEqual([1]);
    expect(confusionCellRows(y, scores, 3, 1, 0)).toEqual([2]);
    expect(confusionCellRows(y, scores, 3, 2, 2)).toEqual([4]);
    expect(confusionCellRows(y, scores, 3, 2, 0)).toEqual([]);
  });

  it('every cell holds exactly as many rows as the confusion matrix counts, and the cells partition the rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 })), { minLength: 1, maxLength: 40 }), (rows) => {
        const y = rows.map(([c]) => c);
        const scores = Float64Array.from(rows.flatMap(([, s]) => s));
        const cm = confusionMatrix(y, argmaxRows(scores, 3), 3);
        const seen: number[] = [];
        for (let a = 0; a < 3; a++) for (let p = 0; p < 3; p++) {
          const cell = confusionCellRows(y, scores, 3, a, p);
          expect(cell.length).toBe(cm[a][p]);
          seen.push(...cell);
        }
        expect(seen.sort((u, v) => u - v)).toEqual(rows.map((_, i) => i));
      }),
    );
  });
});
