import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../core/config';
import { shareSummary } from './shareSummary';

describe('shareSummary', () => {
  it('says what the default experiment link holds, and that no rows or results travel', () => {
    const s = shareSummary(defaultConfig());
    expect(s.lines[0]).toMatch(/^Data: generated moons data: 1050 points, 2 classes, imbalance 1:20\.$/);
    expect(s.lines[1]).toMatch(/^Evaluation: hold-out \(test 30 %, validation 20 %\)\.$/);
    expect(s.lines[2]).toMatch(/^Methods \(5\): No rebalancing, /);
    expect(s.lines[4]).toMatch(/Not in the link: any data rows or results/);
    expect(s.warning).toBeNull();
  });

  it("warns that a user's own file does not travel with the link", () => {
    const c = parseConfig({ ...defaultConfig(), dataset: { kind: 'upload', name: 'claims.csv', target: 'fraud' }, split: { ...defaultConfig().split, protocol: 'cross-validation', folds: 5, repeats: 2 } });
    const s = shareSummary(c);
    expect(s.lines[0]).toBe("Data: your file 'claims.csv', target 'fraud'.");
    expect(s.lines[1]).toBe('Evaluation: 5-fold cross-validation, 2 repeats.');
    expect(s.warning).toMatch(/names your file 'claims.csv' but cannot carry it/);
  });
});
