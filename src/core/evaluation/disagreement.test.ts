import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import type { RankedMetric } from './disagreement';
import { metricRanking, RANKED_METRICS } from './disagreement';

type Row = { index: number; label: string; metrics: Record<RankedMetric, number> };

/** Rows whose every metric equals `base[i]`, with some metrics overridden per column. */
function rows(base: number[], overrides: Partial<Record<RankedMetric, number[]>> = {}): Row[] {
  return base.map((b, i) => ({
    index: i,
    label: `m${i}`,
    metrics: Object.fromEntries(RANKED_METRICS.map((m) => [m, overrides[m]?.[i] ?? b])) as Record<RankedMetric, number>,
  }));
}

const col = (m: RankedMetric): number => RANKED_METRICS.indexOf(m);

describe('metricRanking', () => {
  it('gives tau 1 and no disagreement when every metric ranks alike', () => {
    const r = metricRanking(rows([0.9, 0.7, 0.8]));
    expect(r.metrics).toEqual([...RANKED_METRICS]);
    expect(r.kendallTauVsAccuracy).toEqual(RANKED_METRICS.map(() => 1));
    expect(r.disagrees).toEqual(RANKED_METRICS.map(() => false));
    expect(r.methods[1]).toEqual({ index: 1, label: 'm1', values: RANKED_METRICS.map(() => 0.7), ranks: RANKED_METRICS.map(() => 3) });
  });

  it('gives tau −1 and a disagreement when a metric reverses the ranking', () => {
    const r = metricRanking(rows([0.9, 0.8, 0.7], { balancedAccuracy: [0.5, 0.6, 0.7] }));
    expect(r.kendallTauVsAccuracy[col('balancedAccuracy')]).toBe(-1);
    expect(r.disagrees[col('balancedAccuracy')]).toBe(true);
    expect(r.methods.map((m) => m.ranks[col('balancedAccuracy')])).toEqual([3, 2, 1]);
  });

  it('averages tied ranks and puts NaN last', () => {
    const r = metricRanking(rows([0.9, 0.8, 0.8, 0.5], { rocAuc: [NaN, 0.3, NaN, 0.7] }));
    expect(r.methods.map((m) => m.ranks[col('accuracy')])).toEqual([1, 2.5, 2.5, 4]);
    expect(r.methods.map((m) => m.ranks[col('rocAuc')])).toEqual([3.5, 2, 3.5, 1]);
    expect(r.methods[0].values[col('rocAuc')]).toBeNaN();
  });

  it('computes tau-b with ties (scipy.stats.kendalltau: 9/√90)', () => {
    const r = metricRanking(rows([5, 4, 3, 2, 1], { mcc: [5, 4, 4, 2, 1] }));
    expect(r.kendallTauVsAccuracy[col('mcc')]).toBeCloseTo(9 / Math.sqrt(90), 15);
    expect(r.disagrees[col('mcc')]).toBe(false);
  });

  it('does not call a shared best a disagreement', () => {
    // Accuracy: m0 and m1 tie for best; F1 picks m1 alone.
    const r = metricRanking(rows([0.9, 0.9, 0.5], { f1Macro: [0.6, 0.7, 0.8] }));
    expect(r.disagrees[col('f1Macro')]).toBe(true);
    const s = metricRanking(rows([0.9, 0.9, 0.5], { f1Macro: [0.6, 0.7, 0.1] }));
    expect(s.disagrees[col('f1Macro')]).toBe(false);
  });

  it('returns NaN tau for a single method or an all-NaN metric, without a disagreement', () => {
    const one = metricRanking(rows([0.9]));
    expect(one.kendallTauVsAccuracy.every(Number.isNaN)).toBe(true);
    expect(one.disagrees.every((d) => !d)).toBe(true);
    const r = metricRanking(rows([0.9, 0.8], { averagePrecision: [NaN, NaN] }));
    expect(r.kendallTauVsAccuracy[col('averagePrecision')]).toBeNaN();
    expect(r.disagrees[col('averagePrecision')]).toBe(false);
    expect(metricRanking([]).methods).toEqual([]);
  });

  it('rejects a row without a metric', () => {
    const bad = rows([0.9]);
    delete (bad[0].metrics as Partial<Record<RankedMetric, number>>).gmean;
    expect(() => metricRanking(bad)).toThrow(/rows\[0\]\.metrics\.gmean must be a number.*Got undefined instead\./);
    expect(() => metricRanking(bad)).toThrow(ConfigError);
  });

  it('ranks are a permutation-with-ties of 1..n and tau lies in [−1, 1]', () => {
    const value = fc.oneof(fc.constantFrom(NaN, 0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    const tableArb = fc.array(fc.array(value, { minLength: RANKED_METRICS.length, maxLength: RANKED_METRICS.length }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(tableArb, (table) => {
        const input: Row[] = table.map((vals, i) => ({
          index: i,
          label: `m${i}`,
          metrics: Object.fromEntries(RANKED_METRICS.map((m, j) => [m, vals[j]])) as Record<RankedMetric, number>,
        }));
        const r = metricRanking(input);
        const n = table.length;
        RANKED_METRICS.forEach((_, j) => {
          const ranks = r.methods.map((m) => m.ranks[j]);
          expect(ranks.reduce((a, b) => a + b, 0)).toBeCloseTo((n * (n + 1)) / 2, 9);
          for (let a = 0; a < n; a++) {
            for (let b = 0; b < n; b++) {
              const va = table[a][j];
              const vb = table[b][j];
              if (!Number.isNaN(va) && (Number.isNaN(vb) || va > vb)) expect(ranks[a]).toBeLessThan(ranks[b]);
            }
          }
          const tau = r.kendallTauVsAccuracy[j];
          if (!Number.isNaN(tau)) expect(Math.abs(tau)).toBeLessThanOrEqual(1 + 1e-12);
        });
        const accRanks = r.methods.map((m) => m.ranks[0]);
        if (new Set(accRanks).size > 1) expect(r.kendallTauVsAccuracy[0]).toBeCloseTo(1, 12);
      }),
    );
  });
});
