/**
 * 2-D synthetic datasets with a controlled imbalance: the playground's built-in data.
 */
import type { Rng } from '../random';
import type { Dataset } from '../types';
import { classCounts } from './classCounts';
import { flipLabels } from './labelNoise';
import { range } from './indices';
import { SHAPE_SAMPLERS } from './shapes';

/** Geometry of the classes (see `shapes.ts`). */
export type Shape = 'moons' | 'blobs' | 'circles' | 'spiral' | 'xor';
/**
 * A 2-D synthetic dataset: `n` points in `classes` classes (2..10) whose sizes follow
 * `imbalanceRatio` (largest / smallest, >= 1) and, for more than two classes, the long-tail
 * `profile`; `noise` in [0, 1] is the overlap knob, `labelNoise` in [0, 0.5] the fraction of flipped labels.
 */
export interface SyntheticSpec { shape: Shape; n: number; classes: number; imbalanceRatio: number; profile: 'exponential' | 'step'; noise: number; labelNoise: number; }

export { SHAPE_IDS, validateSyntheticSpec } from './syntheticSpec';
export { classCounts, longTailWeights } from './classCounts';

/** Class names of a synthetic set: ['majority', 'minority'] for two classes, else ['c0', 'c1', …]. */
export function syntheticClassNames(classes: number): string[] {
  return classes === 2 ? ['majority', 'minority'] : Array.from({ length: classes }, (_, c) => `c${c}`);
}

/**
 * Draws a 2-D dataset: exactly `classCounts(spec)[c]` points of class c from the shape's sampler
 * (see `shapes.ts`), then flips exactly round(labelNoise · n) labels to another class
 * (`flipLabels`), then shuffles the rows so that their order carries no information.
 *
 * Three independent streams are forked from `rng` ('points', 'labelNoise', 'shuffle'), so changing
 * the label noise does not move the points. Same seed, same dataset.
 *
 * @returns a Dataset with Float32 features ['x1', 'x2'], kind 'tabular'.
 * @throws ConfigError when the spec is invalid (see `validateSyntheticSpec`).
 */
export function generateSynthetic(spec: SyntheticSpec, rng: Rng): Dataset {
  const counts = classCounts(spec);
  const { n, classes } = spec;
  const sample = SHAPE_SAMPLERS[spec.shape];
  const pointRng = rng.fork('points');
  const xs = new Float64Array(2 * n);
  const ys = new Int32Array(n);
  const p = new Float64Array(2);
  let row = 0;
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < counts[c]; i++, row++) {
      sample(c, classes, spec.noise, pointRng, p);
      xs[2 * row] = p[0];
      xs[2 * row + 1] = p[1];
      ys[row] = c;
    }
  }
  const noisy = spec.labelNoise > 0 ? flipLabels(ys, classes, spec.labelNoise, rng.fork('labelNoise')).y : ys;
  const order = rng.fork('shuffle').shuffle(range(n));
  const data = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const src = order[i];
    data[2 * i] = xs[2 * src];
    data[2 * i + 1] = xs[2 * src + 1];
    y[i] = noisy[src];
  }
  return {
    X: { data, rows: n, cols: 2 },
    y,
    classNames: syntheticClassNames(classes),
    featureNames: ['x1', 'x2'],
    kind: 'tabular',
  };
}
