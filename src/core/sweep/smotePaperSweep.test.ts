import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { parseConfig } from '../config';
import { ConfigError } from '../errors';
import { prepareExperiment } from '../experiment';
import { runSweepVariant, sweepVariants, sweepView, type SweepPoint } from './smotePaperSweep';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const binary = () =>
  prepareExperiment(parseConfig({ dataset: { kind: 'synthetic', shape: 'moons', n: 500, imbalanceRatio: 9, noise: 0.7 }, model: { epochs: 5, hiddenLayers: 1, width: 8 }, seed: 4 }));

const point = (smotePercent: number, underPercent: number, fpr: number, tpr: number, error?: string): SweepPoint => ({ smotePercent, underPercent, fpr, tpr, auc: 0.9, trainCounts: [1, 1], error });

describe("the SMOTE paper's sweep", () => {
  it('has the paper grid (6 SMOTE amounts × 18 under-sampling amounts) and a quick one', () => {
    expect(sweepVariants('paper')).toHaveLength(108);
    expect(sweepVariants('quick')).toHaveLength(32);
    expect(sweepVariants('paper').filter((v) => v.smotePercent === 0).map((v) => v.underPercent)).toEqual([10, 15, 25, 50, 75, 100, 125, 150, 175, 200, 300, 400, 500, 600, 700, 800, 1000, 2000]);
  });

  it('trains one variant: SMOTE then under-sampling to the asked ratio, one operating point on the test split', async () => {
    const prep = binary();
    const [maj, min] = prep.minorityClass === 1 ? [0, 1] : [1, 0];
    const nMin = prep.trainCounts[min];
    const p = await runSweepVariant(prep, { smotePercent: 200, underPercent: 100 });
    expect(p.error).toBeUndefined();
    expect(p.trainCounts[min]).toBe(nMin * 3);
    expect(p.trainCounts[maj]).toBe(Math.min(prep.trainCounts[maj], nMin * 3));
    expect(p.fpr).toBeGreaterThanOrEqual(0);
    expect(p.fpr).toBeLessThanOrEqual(1);
    expect(p.tpr).toBeGreaterThanOrEqual(0);
    expect(p.tpr).toBeLessThanOrEqual(1);
    const under = await runSweepVariant(prep, { smotePercent: 0, underPercent: 200 });
    expect(under.trainCounts[min]).toBe(nMin);
    expect(under.trainCounts[maj]).toBe(Math.round(nMin / 2));
  });

  it('refuses data with more than two classes', async () => {
    const prep = prepareExperiment(parseConfig({ dataset: { kind: 'synthetic', shape: 'blobs', classes: 3, n: 300 }, model: { epochs: 2 } }));
    await expect(runSweepVariant(prep, { smotePercent: 100, underPercent: 100 })).rejects.toThrow(/two classes .* this data has 3/);
  });

  it('draws families and the hull, and says which family the hull is made of', () => {
    const under = [point(0, 50, 0.1, 0.5), point(0, 100, 0.3, 0.7), point(0, 200, 0.6, 0.8)];
    const smote = [point(200, 50, 0.1, 0.7), point(200, 100, 0.3, 0.9), point(200, 200, 0.6, 0.95)];
    const view = sweepView([...under, ...smote, point(100, 50, 0, 0, 'too few neighbours')]);
    expect(view.families.map((f) => f.label)).toEqual(['under-sampling only', 'SMOTE 200% + under-sampling']);
    expect(view.families[1].onHull).toBe(3);
    expect(view.verdict).toEqual({ smoteVertices: 3, underOnlyVertices: 0, smoteDominates: true });
    expect(view.hull[0]).toEqual({ fpr: 0, tpr: 0, variant: null });
    expect(view.hull.slice(1, -1).map((v) => v.variant)).toEqual([{ smotePercent: 200, underPercent: 50 }, { smotePercent: 200, underPercent: 100 }, { smotePercent: 200, underPercent: 200 }]);
    const mixed = sweepView([point(0, 50, 0.05, 0.8), ...smote]);
    expect(mixed.verdict.smoteDominates).toBe(false);
    expect(mixed.verdict.underOnlyVertices).toBe(1);
  });

  it('says when every variant failed', () => {
    expect(() => sweepView([point(100, 50, NaN, NaN, 'k_neighbors (5) must be below the minority count (3)')])).toThrow(ConfigError);
    expect(() => sweepView([point(100, 50, NaN, NaN, 'k_neighbors (5) must be below the minority count (3)')])).toThrow(/first said: k_neighbors/);
  });
});
