import { describe, expect, it } from 'vitest';
import { projectTo2d } from './preview';

describe('projection to 2-D for drawing', () => {
  it('keeps two features as they are', () => {
    const data = Float32Array.from([1, 2, 3, 4]);
    const r = projectTo2d({ data, rows: 2, cols: 2 });
    expect(r.projection).toEqual({ kind: 'features' });
    expect(r.points).toBe(data);
  });

  it('projects wider data on its principal plane', () => {
    // Points on a tilted plane in 3-D: two components explain all the variance.
    const rows = 50;
    const data = new Float64Array(rows * 3);
    for (let i = 0; i < rows; i++) {
      const a = Math.sin(i), b = Math.cos(3 * i);
      data.set([a + b, a - b, 2 * a], i * 3);
    }
    const r = projectTo2d({ data, rows, cols: 3 });
    expect(r.points.length).toBe(2 * rows);
    expect(r.projection.kind).toBe('pca');
    if (r.projection.kind === 'pca') expect(r.projection.explainedVarianceRatio[0] + r.projection.explainedVarianceRatio[1]).toBeCloseTo(1, 9);
  });
});
