import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultConfig, parseConfig, type SyntheticDatasetConfig } from '../core/config';
import { METHOD_IDS } from '../core/methods';
import { decodeConfig, encodeConfig } from './urlCodec';

describe('urlCodec', () => {
  it('round-trips the default config', () => {
    const config = defaultConfig();
    const { config: back, backend } = decodeConfig(encodeConfig(config));
    expect(back).toEqual(config);
    expect(backend).toBe('auto');
  });

  it('round-trips real datasets: built-in with target, column overrides, image options and the long-tail builder', () => {
    const base = defaultConfig();
    const configs = [
      parseConfig({ ...base, dataset: { kind: 'builtin', name: 'adult-subset', target: 'label', columns: { 'native country': 'ignored', fnlwgt: 'numeric' } } }),
      parseConfig({ ...base, dataset: { kind: 'builtin', name: 'digits-lt', image: { size: 8, color: 'gray' }, longTail: { profile: 'step', imbalanceFactor: 10, testPerClass: 5 } } }),
      parseConfig({ ...base, dataset: { kind: 'upload', name: 'my data (v2).csv' }, split: { protocol: 'cross-validation', folds: 3, repeats: 2 } }),
    ];
    for (const config of configs) expect(decodeConfig(encodeConfig(config)).config).toEqual(config);
    expect(encodeConfig(configs[0])).toContain('data=adult-subset');
    expect(encodeConfig(configs[2])).toContain('file=my%20data%20(v2).csv');
  });

  it('round-trips a cost matrix parameter', () => {
    const config = parseConfig({ ...defaultConfig(), methods: [{ id: 'cost-matrix', params: { costs: '0,1.5;10,0', use: 'decision-rule' } }] });
    const q = encodeConfig(config);
    expect(q).toContain('method=cost-matrix(costs~0%2C1.5%3B10%2C0*use~decision-rule)');
    expect(decodeConfig(q).config).toEqual(config);
  });

  it('rejects links that mix a real dataset with generator settings, or name an unknown built-in', () => {
    expect(() => decodeConfig('?data=yeast&shape=moons')).toThrow(/mixes a real dataset/);
    expect(() => decodeConfig('?target=label')).toThrow(/names no dataset/);
    expect(() => decodeConfig('?data=nope')).toThrow(/built-in dataset/);
    expect(() => decodeConfig('?data=yeast&col.mcg=text')).toThrow(/numeric, categorical, boolean, ignored/);
  });

  it('returns null for an empty query so the app uses its defaults', () => {
    expect(decodeConfig('').config).toBeNull();
    expect(decodeConfig('?backend=cpu')).toEqual({ config: null, backend: 'cpu' });
  });

  it('keeps a forced backend apart from the config', () => {
    const q = encodeConfig(defaultConfig(), 'wasm');
    expect(q).toContain('backend=wasm');
    expect(decodeConfig(q).backend).toBe('wasm');
  });

  it('round-trips arbitrary valid configs', () => {
    const arb = fc.record({
      shape: fc.constantFrom('moons', 'blobs', 'circles', 'spiral', 'xor'),
      n: fc.integer({ min: 20, max: 20000 }),
      classes: fc.integer({ min: 2, max: 10 }),
      imbalanceRatio: fc.double({ min: 1, max: 1000, noNaN: true }),
      profile: fc.constantFrom('exponential', 'step'),
      noise: fc.double({ min: 0, max: 1, noNaN: true }),
      labelNoise: fc.double({ min: 0, max: 0.5, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      methods: fc.array(fc.constantFrom(...METHOD_IDS), { minLength: 1, maxLength: 8 }),
      k: fc.integer({ min: 1, max: 50 }),
      strategy: fc.constantFrom('auto', 'not majority', 'all'),
      lr: fc.double({ min: 1e-4, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const config = parseConfig({
          dataset: { kind: 'synthetic', shape: a.shape, n: a.n, classes: a.classes, imbalanceRatio: a.imbalanceRatio, profile: a.profile, noise: a.noise, labelNoise: a.labelNoise },
          methods: a.methods.map((id) =>
            id === 'smote' ? { id, params: { kNeighbors: a.k, samplingStrategy: a.strategy } } : id === 'random-over' ? { id, params: { samplingStrategy: a.strategy } } : { id },
          ),
          model: { learningRate: a.lr },
          seed: a.seed,
        });
        expect(decodeConfig(encodeConfig(config)).config).toEqual(config);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a hand-written short link, filling defaults', () => {
    const { config } = decodeConfig('?shape=blobs&ir=50&method=none&method=smote(kNeighbors~3)&seed=7');
    expect((config!.dataset as SyntheticDatasetConfig).shape).toBe('blobs');
    expect((config!.dataset as SyntheticDatasetConfig).imbalanceRatio).toBe(50);
    expect(config!.methods.map((m) => m.id)).toEqual(['none', 'smote']);
    expect(config!.methods[1].params.kNeighbors).toBe(3);
    expect(config!.seed).toBe(7);
    expect(config!.model).toEqual(defaultConfig().model);
  });

  it('rejects unknown keys and out-of-range values with a message naming them', () => {
    expect(() => decodeConfig('?colour=red')).toThrow(/unknown setting 'colour'/);
    expect(() => decodeConfig('?ir=5000')).toThrow(/dataset.imbalanceRatio must be a number between 1 and 1000. Got '5000' instead./);
    expect(() => decodeConfig('?method=magic')).toThrow(/methods\[0\].id must be one of/);
    expect(() => decodeConfig('?backend=tpu')).toThrow(/backend must be one of/);
  });
});
