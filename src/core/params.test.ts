import { describe, expect, it } from 'vitest';
import { defaultParams, validateParam, validateParams, type ParamSpec } from './params';

const k: ParamSpec = { name: 'kNeighbors', kind: 'int', label: 'k', help: '', default: 5, min: 1, max: 50 };
const lr: ParamSpec = { name: 'learningRate', kind: 'float', label: 'lr', help: '', default: 0.01, min: 1e-4, max: 10 };
const strategy: ParamSpec = { name: 'samplingStrategy', kind: 'enum', label: 's', help: '', default: 'auto', options: ['auto', 'minority'] };
const flag: ParamSpec = { name: 'replacement', kind: 'bool', label: 'r', help: '', default: false };

describe('parameter specs', () => {
  it('normalises strings from URLs and CLIs', () => {
    expect(validateParam(k, '7', 'k')).toBe(7);
    expect(validateParam(lr, '0.5', 'lr')).toBe(0.5);
    expect(validateParam(flag, 'true', 'r')).toBe(true);
    expect(validateParam(k, undefined, 'k')).toBe(5);
  });

  it.each([
    [k, 0, "k must be an integer between 1 and 50. Got 0 instead."],
    [k, 2.5, 'k must be an integer between 1 and 50. Got 2.5 instead.'],
    [k, 'five', "k must be an integer between 1 and 50. Got 'five' instead."],
    [lr, NaN, 'lr must be a number between 0.0001 and 10. Got NaN instead.'],
    [strategy, 'most', "s must be one of 'auto', 'minority'. Got 'most' instead."],
    [flag, 'maybe', "r must be true or false. Got 'maybe' instead."],
  ])('rejects %#: %s', (spec, raw, message) => {
    expect(() => validateParam(spec, raw, spec === k ? 'k' : spec === lr ? 'lr' : spec === strategy ? 's' : 'r')).toThrow(message);
  });

  it('fills defaults and rejects unknown names', () => {
    expect(validateParams([k, strategy], { kNeighbors: 3 }, 'p')).toEqual({ kNeighbors: 3, samplingStrategy: 'auto' });
    expect(() => validateParams([k], { k: 3 }, 'p')).toThrow("p has no parameter 'k'. Known parameters: kNeighbors. Got 'k' instead.");
    expect(defaultParams([k, lr])).toEqual({ kNeighbors: 5, learningRate: 0.01 });
  });
});

describe("number parameters that accept 'auto'", () => {
  const threshold: ParamSpec = { name: 'clusterBalanceThreshold', kind: 'float', label: 't', help: '', default: 'auto', min: 0, max: 1, allowAuto: true };
  it("accept 'auto' and numbers in range, and say so when rejecting", () => {
    expect(validateParam(threshold, 'auto', 't')).toBe('auto');
    expect(validateParam(threshold, '0.3', 't')).toBe(0.3);
    expect(validateParam(threshold, undefined, 't')).toBe('auto');
    expect(() => validateParam(threshold, 2, 't')).toThrow("t must be a number between 0 and 1, or 'auto'. Got 2 instead.");
    expect(() => validateParam(k, 'auto', 'k')).toThrow("k must be an integer between 1 and 50. Got 'auto' instead.");
  });
});
