import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, DataError } from '../errors';
import { resolveSamplingStrategy } from './samplingStrategy';
import type { SamplerType, SamplingStrategy } from './samplingStrategy';

type Expected = Record<string, number> | { error: string };
interface Case {
  name: string;
  class_counts: Record<string, number>;
  sampling_strategy_over: Record<string, Expected>;
  sampling_strategy_under: Record<string, Expected>;
  sampling_strategy_clean: Record<string, Expected>;
}
const fixture = JSON.parse(readFileSync(new URL('../../../../shared/fixtures/resampling.json', import.meta.url), 'utf8')) as { cases: Case[] };

const asObject = (m: Map<number, number>) => Object.fromEntries([...m].map(([k, v]) => [String(k), v]));

describe('resolveSamplingStrategy: imbalanced-learn 0.10 fixtures', () => {
  for (const c of fixture.cases) {
    const counts = Object.entries(c.class_counts)
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map(([, n]) => n);
    const kinds: [SamplerType, Record<string, Expected>][] = [
      ['over-sampling', c.sampling_strategy_over],
      ['under-sampling', c.sampling_strategy_under],
      ['clean-sampling', c.sampling_strategy_clean],
    ];
    for (const [type, table] of kinds) {
      it(`${c.name}: ${type}`, () => {
        for (const [strategy, expected] of Object.entries(table)) {
          const run = () => resolveSamplingStrategy(strategy as SamplingStrategy, counts, type);
          if ('error' in expected) {
            expect(run).toThrow(ConfigError);
            // Same reason as imbalanced-learn's message, with the option spelled the way this API spells it.
            const reason = (expected.error as string).replace("'sampling_strategy'=", 'samplingStrategy=');
            expect(run).toThrow(reason);
          } else {
            expect(asObject(run())).toEqual(expected);
          }
        }
      });
    }
  }
});

describe('resolveSamplingStrategy: names', () => {
  it("'majority' targets only the largest class when under-sampling and is refused for over-sampling", () => {
    expect(asObject(resolveSamplingStrategy('majority', [209, 60, 31], 'under-sampling'))).toEqual({ 0: 31 });
    expect(() => resolveSamplingStrategy('majority', [209, 60, 31], 'over-sampling')).toThrow(
      "samplingStrategy='majority' cannot be used with over-sampler.",
    );
  });

  it('breaks ties toward the lower class index and ignores absent classes', () => {
    // Classes 0 and 2 tie for the majority; class 1 is absent.
    expect(asObject(resolveSamplingStrategy('not majority', [10, 0, 10, 4], 'over-sampling'))).toEqual({ 2: 0, 3: 6 });
    expect(asObject(resolveSamplingStrategy('not minority', [4, 0, 10, 4], 'under-sampling'))).toEqual({ 2: 4, 3: 4 });
    expect(asObject(resolveSamplingStrategy('all', [4, 0, 10], 'over-sampling'))).toEqual({ 0: 6, 2: 0 });
  });

  it('returns classes in ascending order', () => {
    expect([...resolveSamplingStrategy('all', [5, 9, 1], 'over-sampling').keys()]).toEqual([0, 1, 2]);
  });

  it('refuses unknown names and single-class data', () => {
    expect(() => resolveSamplingStrategy('most' as SamplingStrategy, [5, 9], 'over-sampling')).toThrow(/needs to be one of .*Got 'most' instead\./);
    expect(() => resolveSamplingStrategy('auto', [5, 0], 'over-sampling')).toThrow(DataError);
  });
});

describe('resolveSamplingStrategy: ratio (binary only)', () => {
  it('over-sampling: minority target = int(ratio · N_max − N_min) samples to generate', () => {
    expect(asObject(resolveSamplingStrategy(0.5, [100, 20], 'over-sampling'))).toEqual({ 1: 30 });
    expect(asObject(resolveSamplingStrategy(1, [100, 20], 'over-sampling'))).toEqual({ 1: 80 });
    // int() truncates: 0.333 · 100 − 20 = 13.3 → 13
    expect(asObject(resolveSamplingStrategy(0.333, [20, 100], 'over-sampling'))).toEqual({ 0: 13 });
    // 0.2 · 100 − 20 = 0 → imbalanced-learn 0.10 refuses a ratio that generates nothing.
    expect(() => resolveSamplingStrategy(0.2, [100, 20], 'over-sampling')).toThrow(/Please increase the ratio/);
    expect(() => resolveSamplingStrategy(0.1, [100, 20], 'over-sampling')).toThrow(ConfigError);
  });

  it('under-sampling: majority keeps int(N_min / ratio)', () => {
    expect(asObject(resolveSamplingStrategy(0.5, [100, 20], 'under-sampling'))).toEqual({ 0: 40 });
    expect(asObject(resolveSamplingStrategy(0.3, [100, 20], 'under-sampling'))).toEqual({ 0: 66 });
    expect(() => resolveSamplingStrategy(0.1, [100, 20], 'under-sampling')).toThrow(/Please increase the ratio/);
  });

  it('refuses ratios out of (0, 1], multi-class targets and cleaning methods', () => {
    for (const r of [0, -0.5, 1.5, Number.NaN]) {
      expect(() => resolveSamplingStrategy(r, [100, 20], 'over-sampling')).toThrow(/range \(0, 1\]\. Got .* instead\./);
    }
    expect(() => resolveSamplingStrategy(0.5, [100, 20, 10], 'over-sampling')).toThrow(/only when the target is binary/);
    expect(() => resolveSamplingStrategy(0.5, [100, 20], 'clean-sampling')).toThrow(/clean-sampling/);
  });
});

describe('resolveSamplingStrategy: per-class object and list', () => {
  it('over-sampling: samples to generate = requested − current', () => {
    expect(asObject(resolveSamplingStrategy({ 1: 60, 2: 31 }, [209, 60, 31], 'over-sampling'))).toEqual({ 1: 0, 2: 0 });
    expect(asObject(resolveSamplingStrategy({ 2: 100 }, [209, 60, 31], 'over-sampling'))).toEqual({ 2: 69 });
    // Class names are accepted as keys when given.
    expect(asObject(resolveSamplingStrategy({ minority: 40 }, [100, 20], 'over-sampling', ['majority', 'minority']))).toEqual({ 1: 20 });
    // More than the majority is allowed (imbalanced-learn only warns).
    expect(asObject(resolveSamplingStrategy({ 1: 500 }, [100, 20], 'over-sampling'))).toEqual({ 1: 480 });
    expect(() => resolveSamplingStrategy({ 1: 10 }, [100, 20], 'over-sampling')).toThrow(
      /should be greater or equal to the original number of samples\. Originally, there are 20 samples in class '1' and 10 samples are asked\. Got 10 instead\./,
    );
  });

  it('under-sampling: samples to keep, at most the current count', () => {
    expect(asObject(resolveSamplingStrategy({ 0: 50 }, [100, 20], 'under-sampling'))).toEqual({ 0: 50 });
    expect(() => resolveSamplingStrategy({ 1: 30 }, [100, 20], 'under-sampling')).toThrow(/should be less or equal to the original number of samples/);
  });

  it('refuses absent classes, negative or fractional counts, and objects for cleaning methods', () => {
    expect(() => resolveSamplingStrategy({ 5: 10 }, [100, 20], 'over-sampling')).toThrow(/The '5' target class is\/are not present in the data/);
    expect(() => resolveSamplingStrategy({ 1: 10 }, [100, 0, 20], 'under-sampling')).toThrow(/not present/);
    expect(() => resolveSamplingStrategy({ 0: -1 }, [100, 20], 'under-sampling')).toThrow(/cannot be negative/);
    expect(() => resolveSamplingStrategy({ 0: 2.5 }, [100, 20], 'under-sampling')).toThrow(ConfigError);
    expect(() => resolveSamplingStrategy({ 0: 10 }, [100, 20], 'clean-sampling')).toThrow(/not supported for cleaning methods/);
  });

  it('lists are for cleaning methods only, mapping each class to N_min', () => {
    expect(asObject(resolveSamplingStrategy([0, 2], [100, 20, 30], 'clean-sampling'))).toEqual({ 0: 20, 2: 20 });
    expect(() => resolveSamplingStrategy([0], [100, 20], 'under-sampling')).toThrow(/cannot be a list/);
    expect(() => resolveSamplingStrategy([7], [100, 20], 'clean-sampling')).toThrow(/not present/);
  });
});
