import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from './config';
import { buildResamplingPreview, PREVIEW_MAX_ROWS, WALKTHROUGH_STEPS } from './resamplingPreview';

const config = parseConfig({ ...defaultConfig(), methods: ['none', 'random-under', 'smote', { id: 'smote', params: { leakBeforeSplit: true } }] });

describe('resampling preview', () => {
  it('SMOTE: every synthetic point comes from a training sample and one of its k nearest same-class neighbours', () => {
    const view = buildResamplingPreview(config, 2);
    expect(view.error).toBeNull();
    expect(view.countsBefore).toEqual([500, 25]);
    expect(view.countsAfter).toEqual([500, 500]);
    expect(view.synthetic.y.length).toBe(475);
    expect(view.removedRows.length).toBe(0);
    expect(view.neighbours.length).toBe(Math.min(WALKTHROUGH_STEPS, 475));
    const train = new Set(view.inputRows);
    view.neighbours.forEach((nb, s) => {
      const [a, b] = [view.synthetic.parents[2 * s], view.synthetic.parents[2 * s + 1]];
      expect(train.has(a) && train.has(b)).toBe(true);
      expect(nb.length).toBe(5);
      expect(Array.from(nb)).toContain(b);
    });
  });

  it('random under-sampling: removes majority training rows only, never synthesises', () => {
    const view = buildResamplingPreview(config, 1);
    expect(view.countsAfter).toEqual([25, 25]);
    expect(view.removedRows.length).toBe(475);
    expect(view.synthetic.y.length).toBe(0);
    const train = new Set(view.inputRows);
    for (const r of view.removedRows) expect(train.has(r)).toBe(true);
  });

  it('the leaky protocol resamples every row of the dataset', () => {
    const view = buildResamplingPreview(config, 3);
    expect(view.inputRows.length).toBe(1050);
    expect(view.countsBefore).toEqual([1000, 50]);
    expect(view.label).toMatch(/leaky/);
  });

  it('explains what it cannot show', () => {
    expect(buildResamplingPreview(config, 0).error).toMatch(/does not resample the data/);
    const big = parseConfig({ ...config, dataset: { ...config.dataset, n: 20000 } });
    expect(buildResamplingPreview(big, 2).error).toMatch(new RegExp(`stops at ${PREVIEW_MAX_ROWS.toLocaleString('en')} rows`));
    const tooSmall = parseConfig({ ...config, dataset: { ...config.dataset, n: 100, imbalanceRatio: 40 }, methods: [{ id: 'smote', params: { kNeighbors: 10 } }] });
    expect(buildResamplingPreview(tooSmall, 0).error).toMatch(/kNeighbors must be < the number of samples/);
  });
});
