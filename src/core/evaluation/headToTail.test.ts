import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { DEFAULT_SHOT_THRESHOLDS, headToTail, shotGroups } from './headToTail';
import type { ScoredMethod } from './scoredMethod';

/** A method that predicts `pred[i]` for row i with probability 1 (one-hot scores). */
function hard(index: number, yTrue: number[], pred: number[], nClasses: number): ScoredMethod {
  const scores = new Float32Array(yTrue.length * nClasses);
  pred.forEach((p, i) => (scores[i * nClasses + p] = 1));
  return { index, label: `m${index}`, yTrue, scores };
}

const groupOf = (shot: string[], g: string): number[] => shot.flatMap((s, k) => (s === g ? [k] : []));

describe('shotGroups', () => {
  it('splits digits-like counts with the default 100 / 20 rule', () => {
    const r = shotGroups([126, 76, 46, 27, 16, 10, 6, 3, 2, 2]);
    expect(r.scaled).toBe(false);
    expect(r.thresholds).toEqual(DEFAULT_SHOT_THRESHOLDS);
    expect(groupOf(r.shot, 'many')).toEqual([0]);
    expect(groupOf(r.shot, 'medium')).toEqual([1, 2, 3]);
    expect(groupOf(r.shot, 'few')).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('treats the thresholds themselves as medium-shot', () => {
    expect(shotGroups([101, 100, 20, 19]).shot).toEqual(['many', 'medium', 'medium', 'few']);
  });

  it('scales the defaults so the largest class is many-shot when no class exceeds 100', () => {
    const r = shotGroups([60, 30, 5]);
    expect(r.scaled).toBe(true);
    expect(r.thresholds).toEqual({ many: 30, few: 6 });
    expect(r.shot).toEqual(['many', 'medium', 'few']);
    expect(shotGroups([100, 50]).scaled).toBe(true);
  });

  it('never scales explicit thresholds', () => {
    const r = shotGroups([60, 30, 5], { many: 100, few: 20 });
    expect(r.scaled).toBe(false);
    expect(r.shot).toEqual(['medium', 'medium', 'few']);
  });

  it('does not scale when every count is 0', () => {
    expect(shotGroups([0, 0])).toEqual({ thresholds: DEFAULT_SHOT_THRESHOLDS, scaled: false, shot: ['few', 'few'] });
  });

  it('rejects bad counts and thresholds', () => {
    expect(() => shotGroups([])).toThrow(ConfigError);
    expect(() => shotGroups([10, -1])).toThrow(/trainCounts\[1\].*Got -1 instead\./);
    expect(() => shotGroups([10, 5], { many: 10, few: 20 })).toThrow(/few ≤ many.*instead\./);
    expect(() => shotGroups([10, 5], { many: NaN, few: 2 })).toThrow(ConfigError);
  });

  it('the largest class is many-shot whenever the defaults apply or are scaled', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 20 }), (counts) => {
        const r = shotGroups(counts);
        const max = Math.max(...counts);
        if (max > 0) expect(r.shot[counts.indexOf(max)]).toBe('many');
        expect(r.scaled).toBe(max > 0 && max <= 100);
      }),
    );
  });
});

describe('headToTail', () => {
  it('computes per-class, per-group accuracy and the gap by hand', () => {
    // Class 0 many-shot (4 test rows, 3 right), 1 medium (2 rows, 1 right), 2 few (2 rows, 0 right).
    const y = [0, 0, 0, 0, 1, 1, 2, 2];
    const pred = [0, 0, 0, 1, 1, 0, 0, 1];
    const r = headToTail([200, 50, 5], [hard(7, y, pred, 3)], 3);
    expect(r.shot).toEqual(['many', 'medium', 'few']);
    expect(r.order).toEqual([0, 1, 2]);
    expect(r.trainCounts).toEqual([200, 50, 5]);
    expect(r.methods).toEqual([{ index: 7, label: 'm7', perClass: [0.75, 0.5, 0], many: 0.75, medium: 0.5, few: 0, gap: 0.75 }]);
  });

  it('pools the test rows of a group rather than averaging its classes', () => {
    // Few-shot classes 1 (1 row, right) and 2 (3 rows, wrong): pooled 1/4, class mean would be 1/2.
    const y = [0, 1, 2, 2, 2];
    const r = headToTail([500, 3, 2], [hard(0, y, [0, 1, 0, 0, 0], 3)], 3);
    expect(r.methods[0].few).toBe(0.25);
    expect(r.methods[0].medium).toBeNull();
    expect(r.methods[0].gap).toBe(0.75);
  });

  it('orders classes by training count, largest first and stable', () => {
    const y = [0, 1, 2];
    expect(headToTail([5, 200, 50], [hard(0, y, y, 3)], 3).order).toEqual([1, 2, 0]);
    expect(headToTail([10, 10, 20], [hard(0, y, y, 3)], 3).order).toEqual([2, 0, 1]);
  });

  it('marks classes and groups without test rows as NaN / null', () => {
    const r = headToTail([200, 50, 5], [hard(0, [0, 1], [0, 1], 3)], 3);
    expect(r.methods[0].perClass).toEqual([1, 1, NaN]);
    expect(r.methods[0].few).toBeNull();
    expect(r.methods[0].gap).toBeNull();
  });

  it('passes explicit thresholds through and rejects a count list of the wrong length', () => {
    const r = headToTail([60, 30, 5], [hard(0, [0], [0], 3)], 3, { many: 40, few: 10 });
    expect(r.scaled).toBe(false);
    expect(r.thresholds).toEqual({ many: 40, few: 10 });
    expect(() => headToTail([60, 30], [hard(0, [0], [0], 3)], 3)).toThrow(/one count per class \(3\)\. Got 2 counts instead\./);
  });

  it('group accuracies lie between their classes’ recalls and pool to the overall accuracy', () => {
    const C = 5;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: C, maxLength: C }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: C - 1 }), fc.integer({ min: 0, max: C - 1 })), { minLength: 1, maxLength: 80 }),
        (counts, rows) => {
          const y = rows.map((r) => r[0]);
          const r = headToTail(counts, [hard(0, y, rows.map((x) => x[1]), C)], C);
          const m = r.methods[0];
          let right = 0;
          let seen = 0;
          for (const g of ['many', 'medium', 'few'] as const) {
            const members = groupOf(r.shot, g).filter((k) => !Number.isNaN(m.perClass[k]));
            const acc = m[g];
            if (members.length === 0) {
              expect(acc).toBeNull();
              continue;
            }
            expect(acc).not.toBeNull();
            expect(acc!).toBeGreaterThanOrEqual(Math.min(...members.map((k) => m.perClass[k])) - 1e-12);
            expect(acc!).toBeLessThanOrEqual(Math.max(...members.map((k) => m.perClass[k])) + 1e-12);
            const n = y.filter((c) => members.includes(c)).length;
            right += acc! * n;
            seen += n;
          }
          expect(seen).toBe(y.length);
          expect(right / seen).toBeCloseTo(rows.filter(([a, b]) => a === b).length / rows.length, 12);
        },
      ),
    );
  });
});
