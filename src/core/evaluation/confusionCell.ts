/**
 * Which test rows make up one cell of a confusion matrix: true class `actual`, predicted class
 * `predicted` (the first maximum of each score row, as the matrix itself counts them). Clicking a
 * cell lists those rows, so a user sees what the model confuses, not only how often.
 */
import { argmaxRows } from '../metrics';

/** Positions (0-based, in test-split order) of the rows in cell (actual, predicted). */
export function confusionCellRows(testY: ArrayLike<number>, testScores: Float32Array | Float64Array, nClasses: number, actual: number, predicted: number): number[] {
  const pred = argmaxRows(testScores, nClasses);
  const out: number[] = [];
  for (let i = 0; i < testY.length; i++) if (testY[i] === actual && pred[i] === predicted) out.push(i);
  return out;
}
