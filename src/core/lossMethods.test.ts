import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfig } from './config';
import { runExperiment } from './experiment';
import { trainingLossFor } from './lossMethods';
import { METHODS, type MethodId } from './methods';
import { defaultParams } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const config = (methods: string[], over: Record<string, unknown> = {}): ExperimentConfig =>
  parseConfig({
    dataset: { kind: 'synthetic', shape: 'moons', n: 400, imbalanceRatio: 15, noise: 0.3 },
    model: { epochs: 10, hiddenLayers: 1, width: 8 },
    seed: 5,
    methods,
    ...over,
  });

const LOSS_AND_POSTHOC: MethodId[] = ['class-weight', 'focal', 'cb-focal', 'ldam-drw', 'balanced-softmax', 'logit-adjusted-loss', 'dice', 'anyloss', 'prior-correction', 'posthoc-logit-adjust', 'threshold-moving'];

describe('algorithm-level methods in the pipeline', () => {
  it('every loss and post-hoc method trains and scores; DRW is marked at 80 % of the epochs', async () => {
    // At most 8 methods per config: two runs, each with the baseline.
    const a = await runExperiment(config(['none', ...LOSS_AND_POSTHOC.slice(0, 6)]), { gridResolution: 0 });
    const b = await runExperiment(config(['none', ...LOSS_AND_POSTHOC.slice(6)]), { gridResolution: 0 });
    const result = { methods: [...a.methods, ...b.methods.slice(1)] };
    for (const m of result.methods) {
      expect(m.error?.message ?? 'ok').toBe('ok');
      expect(m.metrics!.balancedAccuracy).toBeGreaterThan(0.4);
      const sums = Array.from({ length: m.testY.length }, (_, i) => m.testScores[2 * i] + m.testScores[2 * i + 1]);
      for (const s of sums) expect(s).toBeCloseTo(1, 5);
    }
    const byId = Object.fromEntries(result.methods.map((m) => [m.method.id, m]));
    expect(byId['ldam-drw'].marker).toEqual({ epoch: 8, label: 'DRW' });
    expect(byId.none.marker).toBeUndefined();
    expect(byId['threshold-moving'].threshold).toBeGreaterThan(0);
    expect(byId['threshold-moving'].threshold).toBeLessThan(1);
    // Post-hoc methods reuse the baseline's training (same seed, same loss): same ranking of the scores.
    expect(byId['prior-correction'].metrics!.rocAuc).toBeCloseTo(byId.none.metrics!.rocAuc, 6);
    expect(byId['threshold-moving'].metrics!.rocAuc).toBeCloseTo(byId.none.metrics!.rocAuc, 6);
    // Prior correction moves decisions towards the minority: recall up (or equal).
    expect(byId['prior-correction'].metrics!.minorityRecall).toBeGreaterThanOrEqual(byId.none.metrics!.minorityRecall);
  }, 120_000);

  it('bad parameters are refused with the parameter and its valid range', async () => {
    expect(() => trainingLossFor('ldam-drw', { ...defaultParams(METHODS['ldam-drw'].params), drwEpoch: 50 }, [90, 10], 20)).toThrow(
      /The DRW switch epoch must be between 1 and the number of epochs \(20\).*Got 50 instead/,
    );
    expect(() => parseConfig({ methods: [{ id: 'focal', params: { gamma: 9 } }] })).toThrow(/methods\[0\].params.gamma must be a number between 0 and 5. Got 9 instead./);
    const three = await runExperiment(
      parseConfig({ dataset: { kind: 'synthetic', classes: 3, n: 300 }, model: { epochs: 2 }, methods: ['threshold-moving', { id: 'ldam-drw', params: { drwEpoch: 5 } }] }),
      { gridResolution: 0 },
    );
    expect(three.methods[0].error?.message).toMatch(/Threshold moving works on two classes; this data has 3/);
    expect(three.methods[1].error?.message).toMatch(/DRW switch epoch must be between 1 and the number of epochs \(2\)/);
    const noVal = await runExperiment(config(['threshold-moving'], { split: { validation: 0 } }), { gridResolution: 0 });
    expect(noVal.methods[0].error?.message).toMatch(/Set the validation fraction above 0/);
  }, 60_000);
});

describe('sampling and two-stage methods', () => {
  it('each trains, marks its second stage on the curve, and reports the classifier norms', async () => {
    const cfg = config(['none', { id: 'balanced-sampling', params: { scheme: 'progressive' } }, 'two-phase', 'crt', 'tau-norm', 'lws', 'feature-augment'] as never);
    const result = await runExperiment(cfg, { gridResolution: 0 });
    const byId = Object.fromEntries(result.methods.map((m) => [m.method.id, m]));
    for (const m of result.methods) {
      expect(m.error?.message ?? 'ok').toBe('ok');
      expect(m.classifierNorms).toHaveLength(2);
      expect(m.metrics!.balancedAccuracy).toBeGreaterThan(0.4);
    }
    // Second stages continue the epoch count: 10 + auto (10 / 4 → 3).
    for (const id of ['two-phase', 'crt', 'feature-augment']) {
      expect(byId[id].history.map((h) => h.epoch)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
      expect(byId[id].marker!.epoch).toBe(11);
    }
    expect(byId['tau-norm'].history).toHaveLength(10);
    // τ = 1 equalises the norms exactly.
    const [a, b] = byId['tau-norm'].classifierNorms!;
    expect(a).toBeCloseTo(1, 5);
    expect(b).toBeCloseTo(1, 5);
  }, 120_000);
});

describe('cost matrix', () => {
  it('parses and refuses bad matrices with the row and the value', async () => {
    const { validateParam } = await import('./params');
    const { COST_PARAMS } = await import('./lossMethods');
    const spec = COST_PARAMS[0];
    expect(validateParam(spec, ' 0, 1 ; 5,0 ', 'costs')).toBe('0,1;5,0');
    expect(validateParam(spec, [[0, 2], [3, 0]], 'costs')).toBe('0,2;3,0');
    expect(validateParam(spec, 'auto', 'costs')).toBe('auto');
    expect(() => validateParam(spec, '0,1;-5,0', 'costs')).toThrow(/row 2 holds -5, and costs cannot be negative or missing/);
    expect(() => validateParam(spec, '0,1,2;5,0', 'costs')).toThrow(/row 1 has 3 entries but there are 2 rows/);
    expect(() => validateParam(spec, '0,x;1,0', 'costs')).toThrow(/row 1 holds NaN/);
  });

  it('as loss weights, as a decision rule; the wrong size and multi-class decisions are refused', async () => {
    expect(trainingLossFor('cost-matrix', { costs: '0,1;5,0', use: 'loss-weights' }, [90, 10], 10)).toEqual({ kind: 'family', loss: { classWeights: [1, 5], term: { kind: 'ce' } } });
    expect(trainingLossFor('cost-matrix', { costs: 'auto', use: 'loss-weights' }, [90, 10], 10)).toEqual({ kind: 'family', loss: { classWeights: [1, 9], term: { kind: 'ce' } } });
    expect(trainingLossFor('cost-matrix', { costs: '0,1;5,0', use: 'decision-rule' }, [90, 10], 10)).toBeNull();
    expect(() => trainingLossFor('cost-matrix', { costs: '0,1;5,0', use: 'loss-weights' }, [80, 15, 5], 10)).toThrow(/costs must be a 3 × 3 matrix, one row and one column per class. Got 2 × 2 instead/);
    const result = await runExperiment(config(['none', { id: 'cost-matrix', params: { costs: '0,1;8,0', use: 'decision-rule' } }, { id: 'cost-matrix', params: { costs: '0,1;8,0' } }] as never), { gridResolution: 0 });
    const [none, rule, weights] = result.methods;
    expect(rule.error?.message ?? 'ok').toBe('ok');
    expect(rule.threshold).toBeCloseTo(1 / 9, 12);
    expect(rule.metrics!.rocAuc).toBeCloseTo(none.metrics!.rocAuc, 6);
    expect(rule.metrics!.minorityRecall).toBeGreaterThanOrEqual(none.metrics!.minorityRecall);
    expect(weights.error?.message ?? 'ok').toBe('ok');
    const three = await runExperiment(
      parseConfig({ dataset: { kind: 'synthetic', classes: 3, n: 300 }, model: { epochs: 2 }, methods: [{ id: 'cost-matrix', params: { use: 'decision-rule' } }] }),
      { gridResolution: 0 },
    );
    expect(three.methods[0].error?.message).toMatch(/The cost decision rule is implemented for two classes; this data has 3/);
  }, 60_000);
});

describe('fixed simplex ETF classifier', () => {
  it('trains the representation only: the last layer stays exactly the ETF', async () => {
    const result = await runExperiment(config(['none', 'etf-classifier'] as never), { gridResolution: 0 });
    const etf = result.methods[1];
    expect(etf.error?.message ?? 'ok').toBe('ok');
    // Unit columns (norm 1) survive training unchanged.
    for (const n of etf.classifierNorms!) expect(n).toBeCloseTo(1, 5);
    expect(etf.metrics!.balancedAccuracy).toBeGreaterThan(0.5);
    const logistic = await runExperiment(config(['etf-classifier'] as never, { model: { kind: 'logistic', epochs: 2 } }), { gridResolution: 0 });
    expect(logistic.methods[0].error?.message).toMatch(/use the MLP model with at least one hidden layer/);
  }, 60_000);
});
