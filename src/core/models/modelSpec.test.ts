import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { DEFAULT_MODEL_SPEC, MODEL_PARAM_SPECS, validateModelSpec } from './modelSpec';

describe('MODEL_PARAM_SPECS', () => {
  it('has one spec per ModelSpec field with the agreed defaults and ranges', () => {
    expect(MODEL_PARAM_SPECS.map((s) => s.name)).toEqual(['kind', 'hiddenLayers', 'width', 'activation', 'optimizer', 'learningRate', 'epochs', 'batchSize', 'blocks', 'filters', 'augment', 'flip', 'shift', 'rotate', 'noise']);
    expect(DEFAULT_MODEL_SPEC).toEqual({
      kind: 'mlp',
      hiddenLayers: 2,
      width: 16,
      activation: 'relu',
      optimizer: 'adam',
      learningRate: 0.01,
      epochs: 60,
      batchSize: 64,
      blocks: 2,
      filters: 8,
      augment: 'none',
      flip: false,
      shift: 1,
      rotate: 10,
      noise: 0.02,
    });
    const byName = Object.fromEntries(MODEL_PARAM_SPECS.map((s) => [s.name, s]));
    expect([byName.hiddenLayers.min, byName.hiddenLayers.max]).toEqual([1, 4]);
    expect([byName.width.min, byName.width.max]).toEqual([2, 256]);
    expect([byName.learningRate.min, byName.learningRate.max, byName.learningRate.log]).toEqual([1e-4, 10, true]);
    expect([byName.epochs.min, byName.epochs.max]).toEqual([1, 1000]);
    expect([byName.batchSize.min, byName.batchSize.max]).toEqual([1, 4096]);
    expect(byName.activation.options).toEqual(['relu', 'tanh', 'sigmoid']);
    expect(byName.kind.options).toEqual(['logistic', 'mlp', 'cnn']);
    expect([byName.blocks.min, byName.blocks.max, byName.filters.min, byName.filters.max]).toEqual([1, 3, 2, 64]);
    expect(byName.augment.options).toEqual(['none', 'all', 'tail']);
    expect([byName.shift.min, byName.shift.max, byName.rotate.max, byName.noise.max]).toEqual([0, 8, 45, 0.5]);
    for (const s of MODEL_PARAM_SPECS) {
      expect(s.label.length).toBeGreaterThan(0);
      expect(s.help.length).toBeGreaterThan(0);
    }
  });

  it('is plain data (survives JSON)', () => {
    expect(JSON.parse(JSON.stringify(MODEL_PARAM_SPECS))).toEqual(MODEL_PARAM_SPECS);
  });
});

describe('validateModelSpec', () => {
  it('fills defaults and keeps valid values', () => {
    expect(validateModelSpec({})).toEqual(DEFAULT_MODEL_SPEC);
    expect(validateModelSpec({ kind: 'logistic', learningRate: '0.5' })).toEqual({ ...DEFAULT_MODEL_SPEC, kind: 'logistic', learningRate: 0.5 });
  });

  it('rejects out-of-range, non-integer, unknown and misspelled values with "Got X instead."', () => {
    expect(() => validateModelSpec({ width: 300 })).toThrow('model.width must be an integer between 2 and 256. Got 300 instead.');
    expect(() => validateModelSpec({ hiddenLayers: 1.5 })).toThrow(ConfigError);
    expect(() => validateModelSpec({ learningRate: 1000 })).toThrow(/learningRate.*Got 1000 instead\.$/);
    expect(() => validateModelSpec({ activation: 'gelu' })).toThrow(/Got 'gelu' instead\.$/);
    expect(() => validateModelSpec({ widht: 3 })).toThrow(/Got 'widht' instead\.$/);
  });
});
