import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../core/config';
import { prepareExperiment } from '../core/protocol';
import { buildPreview, projectTo2d } from './preview';

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

describe('dataset preview', () => {
  it('shows exactly the data and training counts the experiment trains on', () => {
    for (const config of [defaultConfig(), parseConfig({ dataset: { shape: 'spiral', classes: 5, n: 700 }, seed: 9 })]) {
      const preview = buildPreview(config);
      const prep = prepareExperiment(config);
      expect(preview.error).toBeNull();
      expect(Array.from(preview.points)).toEqual(Array.from(prep.dataset.X.data));
      expect(Array.from(preview.y)).toEqual(Array.from(prep.dataset.y));
      expect(preview.trainCounts).toEqual(prep.trainCounts);
    }
  });

  it('keeps the data on screen and explains when the split is impossible', () => {
    const preview = buildPreview(parseConfig({ dataset: { n: 20, classes: 10, imbalanceRatio: 1 } }));
    expect(preview.counts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(preview.error).toMatch(/Got/);
  });
});
