import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { summarizeClassification } from './summary';

describe('summarizeClassification', () => {
  it('binary by hand', () => {
    // argmax predictions: 0 0 1 1 0 → against truth 0 0 0 1 1
    const y = [0, 0, 0, 1, 1];
    const scores = [0.9, 0.1, 0.7, 0.3, 0.4, 0.6, 0.2, 0.8, 0.55, 0.45];
    const s = summarizeClassification(y, scores, 2);
    expect(s.confusion).toEqual([
      [2, 1],
      [1, 1],
    ]);
    expect(s.accuracy).toBeCloseTo(0.6, 15);
    expect(s.minorityClass).toBe(1);
    expect(s.minorityRecall).toBe(0.5);
    // positives 0.8, 0.45 vs negatives 0.1, 0.3, 0.6: wins 3 + 2 of 6 pairs
    expect(s.rocAuc).toBeCloseTo(5 / 6, 15);
    // ranks: 0.8 (+), 0.6, 0.45 (+), ... → AP = (1/1 + 2/3) / 2
    expect(s.averagePrecision).toBeCloseTo((1 + 2 / 3) / 2, 15);
    expect(s.mcc).toBeCloseTo(1 / 6, 15);
    expect(s.perClass).toHaveLength(2);
  });

  it('minorityClass can be chosen; default skips classes absent from yTrue', () => {
    const y = [0, 0, 1, 0, 1, 1, 1];
    const scores = y.flatMap((k) => (k === 0 ? [0.6, 0.3, 0.1] : [0.2, 0.7, 0.1]));
    const s = summarizeClassification(y, scores, 3);
    expect(s.minorityClass).toBe(0); // class 2 has no samples, class 0 has 3 < 4
    expect(s.minorityRecall).toBe(1);
    expect(summarizeClassification(y, scores, 3, { minorityClass: 1 }).minorityClass).toBe(1);
    expect(() => summarizeClassification(y, scores, 3, { minorityClass: 3 })).toThrow(/Got 3 instead\.$/);
  });

  it('rocAuc and averagePrecision are NaN when a class has no true sample', () => {
    const y = [0, 0, 1, 1];
    const scores = [0.6, 0.3, 0.1, 0.5, 0.4, 0.1, 0.2, 0.7, 0.1, 0.3, 0.6, 0.1];
    const s = summarizeClassification(y, scores, 3);
    expect(s.rocAuc).toBeNaN();
    expect(s.averagePrecision).toBeNaN();
    expect(s.accuracy).toBe(1);
    const one = summarizeClassification([0, 0], [0.9, 0.1, 0.4, 0.6], 2);
    expect(one.rocAuc).toBeNaN();
    expect(one.averagePrecision).toBeNaN();
    expect(one.balancedAccuracy).toBe(0.5);
  });

  it('validates inputs', () => {
    expect(() => summarizeClassification([0, 1], [0.5, 0.5], 2)).toThrow(ConfigError);
    expect(() => summarizeClassification([0, 1], [0.5, 0.5, 0.5, 0.5], 1)).toThrow(/Got 1 instead\.$/);
    expect(() => summarizeClassification([], [], 2)).toThrow(ConfigError);
  });
});
