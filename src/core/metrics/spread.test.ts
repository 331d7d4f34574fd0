import { describe, expect, it } from 'vitest';
import { meanStd } from './spread';

describe('meanStd', () => {
  it('uses the sample standard deviation and skips NaN', () => {
    const r = meanStd([0.7, 0.8, 0.9, NaN]);
    expect(r.n).toBe(3);
    expect(r.mean).toBeCloseTo(0.8, 12);
    expect(r.std).toBeCloseTo(0.1, 12);
  });
  it('one value: std 0; none: NaN', () => {
    expect(meanStd([0.5])).toEqual({ mean: 0.5, std: 0, n: 1 });
    expect(meanStd([NaN]).n).toBe(0);
    expect(Number.isNaN(meanStd([]).mean)).toBe(true);
  });
});
