/**
 * Validation of a 2-D synthetic dataset spec (the type lives in `generators.ts`).
 */
import { ConfigError, got } from '../errors';
import type { Shape, SyntheticSpec } from './generators';

export const SHAPE_IDS: readonly Shape[] = ['moons', 'blobs', 'circles', 'spiral', 'xor'];

/** Largest number of classes a synthetic set may have (the colour palette and the UI assume it). */
export const MAX_SYNTHETIC_CLASSES = 10;

/**
 * Checks every field of a spec.
 *
 * @throws ConfigError (with `field` set) when the shape or profile is unknown, `classes` is not an
 *   integer in [2, 10], `n` is not an integer >= `classes`, `imbalanceRatio` is not a finite number
 *   >= 1, `noise` is outside [0, 1] or `labelNoise` is outside [0, 0.5].
 */
export function validateSyntheticSpec(spec: SyntheticSpec): void {
  if (!SHAPE_IDS.includes(spec.shape)) {
    throw new ConfigError(`shape must be one of ${SHAPE_IDS.map((s) => `'${s}'`).join(', ')}. Got ${got(spec.shape)} instead.`, 'shape');
  }
  if (spec.profile !== 'exponential' && spec.profile !== 'step') {
    throw new ConfigError(`profile must be 'exponential' or 'step'. Got ${got(spec.profile)} instead.`, 'profile');
  }
  if (!Number.isInteger(spec.classes) || spec.classes < 2 || spec.classes > MAX_SYNTHETIC_CLASSES) {
    throw new ConfigError(`classes must be an integer between 2 and ${MAX_SYNTHETIC_CLASSES}. Got ${got(spec.classes)} instead.`, 'classes');
  }
  if (!Number.isInteger(spec.n) || spec.n < spec.classes) {
    throw new ConfigError(
      `n must be an integer of at least the number of classes (${spec.classes}), so every class gets a point. Got ${got(spec.n)} instead.`,
      'n',
    );
  }
  if (typeof spec.imbalanceRatio !== 'number' || !Number.isFinite(spec.imbalanceRatio) || spec.imbalanceRatio < 1) {
    throw new ConfigError(
      `imbalanceRatio (largest class / smallest class) must be a finite number >= 1. Got ${got(spec.imbalanceRatio)} instead.`,
      'imbalanceRatio',
    );
  }
  if (typeof spec.noise !== 'number' || !(spec.noise >= 0 && spec.noise <= 1)) {
    throw new ConfigError(`noise must be a number between 0 and 1. Got ${got(spec.noise)} instead.`, 'noise');
  }
  if (typeof spec.labelNoise !== 'number' || !(spec.labelNoise >= 0 && spec.labelNoise <= 0.5)) {
    throw new ConfigError(`labelNoise must be a fraction between 0 and 0.5. Got ${got(spec.labelNoise)} instead.`, 'labelNoise');
  }
}
