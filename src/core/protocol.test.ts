import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from './config';
import { METHOD_IDS, METHODS } from './methods';
import { methodData, prepareExperiment } from './protocol';
import { countClasses } from './types';

describe('every workbench method on the default dataset', () => {
  const playable = METHOD_IDS.filter((id) => !METHODS[id].requires);
  const prep = prepareExperiment(defaultConfig());

  it('covers the whole library', () => {
    expect(playable.length).toBeGreaterThan(20);
  });

  it.each(playable)('%s prepares its training data', (id) => {
    const method = parseConfig({ methods: [id] }).methods[0];
    const data = methodData(prep, method);
    const counts = countClasses(data.train.y, prep.nClasses);
    expect(counts.every((c) => c > 0)).toBe(true);
    // Validation and test rows are never resampled under the honest protocol.
    expect(data.test).toBe(prep.test);
    expect(data.validation).toBe(prep.validation);
    if (METHODS[id].resampler) expect(data.resampled).not.toBeNull();
    else expect(data.train).toBe(prep.train);
  });
});

describe('classes without training rows', () => {
  it('are refused with the class, the count and what to change', async () => {
    const { assertEveryClassTrained } = await import('./protocol');
    expect(() => assertEveryClassTrained([10, 0, 3], [14, 2, 5], ['a', 'b', 'c'])).toThrow(
      /Class 'b' has no training rows after the split \(all 2 of its rows went to validation or test\)\. Lower the test or validation fraction/,
    );
    expect(() => assertEveryClassTrained([10, 0], [14, 0], ['a', 'b'])).not.toThrow();
  });
});
