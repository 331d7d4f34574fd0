import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultConfig, parseConfig, type ExperimentConfig } from './config';
import { prepareExperiment, runExperiment, runMethod } from './experiment';
import { countClasses } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const small = (over: Partial<ExperimentConfig> = {}): ExperimentConfig =>
  parseConfig({
    dataset: { kind: 'synthetic', shape: 'moons', n: 300, imbalanceRatio: 10, noise: 0.4 },
    model: { epochs: 8, hiddenLayers: 1, width: 8 },
    seed: 3,
    ...over,
  });

describe('experiment pipeline', () => {
  it('splits before resampling: validation and test rows are never resampled', () => {
    const prep = prepareExperiment(small());
    const all = [...prep.split.train, ...prep.split.validation, ...prep.split.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(prep.trainCounts).toEqual(countClasses(prep.train.y, 2));
    expect(prep.minorityClass).toBe(1);
  });

  it('fits the scaler on the training split only', () => {
    const prep = prepareExperiment(small());
    for (let j = 0; j < 2; j++) {
      let mean = 0;
      for (let i = 0; i < prep.train.X.rows; i++) mean += prep.train.X.data[i * 2 + j];
      expect(Math.abs(mean / prep.train.X.rows)).toBeLessThan(1e-5);
    }
    let testMean = 0;
    for (let i = 0; i < prep.test.X.rows; i++) testMean += prep.test.X.data[i * 2];
    expect(Math.abs(testMean / prep.test.X.rows)).toBeGreaterThan(1e-4);
  });

  it('resamples only the training split and reports counts before and after', async () => {
    const config = small({ methods: [{ id: 'none', params: {} }, { id: 'smote', params: {} }, { id: 'random-under', params: {} }] } as never);
    const result = await runExperiment(config);
    const [none, smote, under] = result.methods;
    expect(none.trainCountsAfter).toEqual(result.trainCounts);
    expect(smote.trainCountsAfter).toEqual([result.trainCounts[0], result.trainCounts[0]]);
    expect(under.trainCountsAfter).toEqual([result.trainCounts[1], result.trainCounts[1]]);
    for (const m of result.methods) {
      expect(m.status).toBe('done');
      expect(m.testY.length).toBe(result.testCounts.reduce((a, b) => a + b, 0));
      expect(m.testScores.length).toBe(m.testY.length * 2);
      expect(m.history).toHaveLength(8);
      expect(m.grid!.probs.length).toBe(64 * 64 * 2);
    }
    expect(smote.synthetic!.X.length / 2).toBe(result.trainCounts[0] - result.trainCounts[1]);
    expect(none.synthetic).toBeUndefined();
    // Synthetic parents are dataset rows of the minority class.
    const prep = prepareExperiment(config);
    for (const p of smote.synthetic!.parents) expect(prep.dataset.y[p]).toBe(1);
  });

  it('is reproducible: same seed → identical results on the CPU backend', async () => {
    const a = await runExperiment(small());
    const b = await runExperiment(small());
    expect(a.methods.map((m) => Array.from(m.testScores))).toEqual(b.methods.map((m) => Array.from(m.testScores)));
    expect(a.methods.map((m) => m.metrics)).toEqual(b.methods.map((m) => m.metrics));
    const c = await runExperiment(small({ seed: 4 }));
    expect(c.methods[0].testScores).not.toEqual(a.methods[0].testScores);
  });

  it("a method's results do not depend on which other methods run", async () => {
    const alone = await runExperiment(small({ methods: [{ id: 'smote', params: {} }] } as never));
    const inList = await runExperiment(small());
    const smote = inList.methods.find((m) => m.method.id === 'smote')!;
    expect(Array.from(smote.testScores)).toEqual(Array.from(alone.methods[0].testScores));
  });

  it('leaks no tensors over a whole run, including failed methods', async () => {
    const before = tf.memory().numTensors;
    await runExperiment(small({ methods: [{ id: 'none', params: {} }, { id: 'smote', params: { kNeighbors: 50 } }] } as never));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a method that cannot run reports why while the others finish', async () => {
    const config = small({
      dataset: { kind: 'synthetic', shape: 'moons', n: 120, classes: 2, imbalanceRatio: 30, profile: 'exponential', noise: 0.3, labelNoise: 0 },
      methods: [{ id: 'none', params: {} }, { id: 'smote', params: { kNeighbors: 10, samplingStrategy: 'auto' } }],
    } as never);
    const result = await runExperiment(config);
    expect(result.methods[0].status).toBe('done');
    expect(result.methods[1].status).toBe('error');
    expect(result.methods[1].error).toMatchObject({ name: 'DataError', unexpected: false });
    expect(result.methods[1].error!.message).toMatch(/kNeighbors must be < the number of samples in class 'minority'.*Got 10 instead/);
  });

  it('a diverging learning rate becomes an error result with the fix, not NaN metrics', async () => {
    const config = small({ model: { ...defaultConfig().model, learningRate: 10, epochs: 10 } });
    const result = await runExperiment(config);
    const failed = result.methods.filter((m) => m.status === 'error');
    expect(failed.length).toBeGreaterThan(0);
    for (const m of failed) expect(m.error!.message).toMatch(/Training diverged.*Lower the learning rate/);
    for (const m of result.methods.filter((r) => r.status === 'done')) expect(Number.isFinite(m.metrics!.accuracy)).toBe(true);
  });

  it('the leaky protocol resamples before the split, and its test score is inflated', async () => {
    const config = parseConfig({
      dataset: { shape: 'moons', n: 1050, imbalanceRatio: 20, noise: 0.6 },
      model: { epochs: 30 },
      methods: ['smote', { id: 'smote', params: { leakBeforeSplit: true } }],
      seed: 42,
    });
    const [honest, leaky] = (await runExperiment(config)).methods;
    expect(leaky.label).toBe('SMOTE — leaky, resampled before split');
    // Honest: the test split is the original imbalanced one. Leaky: it is a split of the balanced,
    // resampled data, so it holds synthetic minority points whose parents are in training.
    const count = (y: Int32Array, c: number) => y.filter((v) => v === c).length;
    expect(count(honest.testY, 1)).toBe(15);
    expect(count(leaky.testY, 1)).toBe(count(leaky.testY, 0));
    expect(leaky.trainCountsBefore).toEqual([1000, 50]);
    expect(leaky.metrics!.f1Macro).toBeGreaterThan(honest.metrics!.f1Macro);
    for (const p of leaky.synthetic!.parents) expect(p).toBeLessThan(1050);
  });

  it('streams one progress event per epoch', async () => {
    const prep = prepareExperiment(small());
    const epochs: number[] = [];
    await runMethod(prep, 0, { onEpoch: (ev) => void epochs.push(ev.epoch), gridResolution: 0 });
    expect(epochs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
