import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from './config';
import { METHOD_IDS, METHODS, methodLabel } from './methods';

describe('experiment config', () => {
  it('the default is the 1:20 two-class moons comparison of five methods', () => {
    const c = defaultConfig();
    expect(c.dataset).toMatchObject({ kind: 'synthetic', shape: 'moons', classes: 2, imbalanceRatio: 20 });
    expect(c.methods.map((m) => m.id)).toEqual(['none', 'random-over', 'random-under', 'smote', 'class-weight']);
    expect(parseConfig(c)).toEqual(c);
  });

  it('fills defaults for missing fields and accepts method ids as strings', () => {
    const c = parseConfig({ methods: ['smote'], seed: 9 });
    expect(c.methods).toEqual([{ id: 'smote', params: { kNeighbors: 5, samplingStrategy: 'auto', leakBeforeSplit: false } }]);
    expect(c.model).toEqual(defaultConfig().model);
  });

  it.each([
    [{ colour: 1 }, /config has no field 'colour'/],
    [{ version: 2 }, /config.version must be 1. Got 2 instead./],
    [{ dataset: { kind: 'csv' } }, /dataset.kind must be 'synthetic'.*Got 'csv' instead./],
    [{ dataset: { imbalanceRatio: 0.5 } }, /dataset.imbalanceRatio must be a number between 1 and 1000. Got 0.5 instead./],
    [{ methods: [] }, /methods must be a list of 1 to 8 methods/],
    [{ methods: [{ id: 'smote', params: { k: 3 } }] }, /methods\[0\].params has no parameter 'k'. Known parameters: kNeighbors, samplingStrategy, leakBeforeSplit/],
    [{ methods: [{ id: 'smote', params: { kNeighbors: 0 } }] }, /methods\[0\].params.kNeighbors must be an integer between 1 and 50. Got 0 instead./],
    [{ model: { epochs: 1.5 } }, /model.epochs must be an integer/],
    [{ split: { test: 0.6, validation: 0.4 } }, /must leave at least 10 % of the data for training/],
    [{ seed: -1 }, /seed must be an integer between 0 and/],
  ])('rejects %j with a message naming the field', (raw, message) => {
    expect(() => parseConfig(raw)).toThrow(message);
  });

  it('every method has an explanation, a citation and a label', () => {
    for (const id of METHOD_IDS) {
      expect(METHODS[id].summary.length).toBeGreaterThan(100);
      expect(METHODS[id].citation).toMatch(/\d{4}/);
    }
    expect(methodLabel({ id: 'smote', params: { kNeighbors: 3, samplingStrategy: 'auto' } })).toBe('SMOTE (k=3)');
    expect(methodLabel({ id: 'smote', params: { kNeighbors: 5, samplingStrategy: 'auto' } })).toBe('SMOTE');
    expect(methodLabel({ id: 'smote', params: { kNeighbors: 5, leakBeforeSplit: true } })).toBe('SMOTE — leaky, resampled before split');
  });
});
