/**
 * Checks of the trainer's inputs and of each epoch's health, shared by the MLP loop (train.ts)
 * and the CNN loop (trainCnn.ts). Messages name the field and end "Got X instead."
 */
import { ConfigError, DataError, TrainingDivergedError, got } from '../errors';
import { validateImbalanceLoss } from '../losses/imbalanceLoss';
import { validateClassWeights } from '../losses/weightedCrossEntropy';
import type { Labels, Matrix } from '../types';
import type { TrainOptions } from './train';

/**
 * The divergence verdict of one epoch: a non-finite loss or weight check, or a loss above
 * `explodedLoss` (see EXPLODED_LOSS_FACTOR). Null when training is healthy.
 */
export function divergenceError(loss: number, weightsCheck: number, epoch: number, learningRate: number, explodedLoss: number, nClasses: number): TrainingDivergedError | null {
  const exploded = Number.isFinite(loss) && loss > explodedLoss;
  if (Number.isFinite(loss) && Number.isFinite(weightsCheck) && !exploded) return null;
  const what = exploded
    ? `loss exploded to ${loss.toPrecision(3)} (a classifier that guesses scores ${Math.log(nClasses).toFixed(2)})`
    : Number.isFinite(loss)
      ? 'weights became NaN or infinite'
      : `loss became ${Number.isNaN(loss) ? 'NaN' : 'infinite'}`;
  const suggestion = learningRate > 0.01 ? 0.01 : Number((learningRate / 10).toPrecision(2));
  return new TrainingDivergedError(
    `Training diverged: the ${what} at epoch ${epoch} (learning rate ${learningRate}). ` + `Lower the learning rate, e.g. to ${suggestion}, and run again.`,
    epoch,
  );
}

export function validateInputs(opts: TrainOptions): void {
  const { X, y, nClasses } = opts;
  if (!Number.isInteger(nClasses) || nClasses < 2) {
    throw new ConfigError(`nClasses must be an integer ≥ 2. Got ${got(nClasses)} instead.`, 'nClasses');
  }
  if (!opts.rng || typeof opts.rng.fork !== 'function') {
    throw new ConfigError(`rng must be a seeded generator from createRng(seed). Got ${got(opts.rng)} instead.`, 'rng');
  }
  validateMatrix(X, 'X');
  if (X.rows < 1) throw new DataError(`X must have at least 1 row. Got ${X.rows} instead.`);
  validateLabels(y, X.rows, nClasses, 'y', 'X');
  const present = new Set<number>();
  for (let i = 0; i < y.length && present.size < 2; i++) present.add(y[i]);
  if (present.size < 2) {
    throw new DataError(`The training data must contain at least 2 classes. Got only class ${y[0]} instead.`);
  }
  if (opts.classWeights !== undefined) validateClassWeights(opts.classWeights, nClasses, 'classWeights');
  if (opts.loss?.kind === 'family') {
    validateImbalanceLoss(opts.loss.loss, nClasses);
    const drw = opts.loss.drw;
    if (drw) {
      const epochs = opts.model.epochs;
      if (!Number.isInteger(drw.epoch) || drw.epoch < 1 || drw.epoch > epochs) {
        throw new ConfigError(`The DRW switch epoch must be between 1 and the number of epochs (${epochs}). Got ${got(drw.epoch)} instead.`, 'drwEpoch');
      }
      validateClassWeights(drw.classWeights, nClasses, 'drw.classWeights');
    }
  }
  if (opts.loss?.kind === 'confusion' && !(opts.loss.amplification >= 1 && opts.loss.amplification <= 100)) {
    throw new ConfigError(`amplification must be a number between 1 and 100. Got ${got(opts.loss.amplification)} instead.`, 'amplification');
  }
  if (opts.validation) {
    const v = opts.validation;
    validateMatrix(v.X, 'validation.X', X.cols);
    if (v.X.rows < 1) throw new DataError(`validation.X must have at least 1 row. Got ${v.X.rows} instead.`);
    validateLabels(v.y, v.X.rows, nClasses, 'validation.y', 'validation.X');
  }
}

export function validateMatrix(X: Matrix, path: string, cols?: number): void {
  if (!X || !(X.data instanceof Float32Array || X.data instanceof Float64Array)) {
    const what = X == null ? String(X) : X.data == null ? 'no data' : ((X.data as object).constructor?.name ?? typeof X.data);
    throw new DataError(`${path} must be a matrix {data: Float32Array | Float64Array, rows, cols}. Got ${what} instead.`);
  }
  if (!Number.isInteger(X.rows) || X.rows < 0 || !Number.isInteger(X.cols) || X.cols < 1) {
    throw new DataError(`${path} must have a whole number of rows and at least 1 column. Got ${got(X.rows)} × ${got(X.cols)} instead.`);
  }
  if (cols !== undefined && X.cols !== cols) {
    throw new DataError(`${path} must have ${cols} columns, like the training data. Got ${X.cols} instead.`);
  }
  if (X.data.length !== X.rows * X.cols) {
    throw new DataError(`${path}.data must hold rows × cols = ${X.rows * X.cols} values. Got ${X.data.length} instead.`);
  }
  const d = X.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      const row = Math.floor(i / X.cols);
      throw new DataError(`${path} must contain only finite numbers (row ${row}, column ${i - row * X.cols}). Got ${d[i]} instead.`);
    }
  }
}

function validateLabels(y: Labels, rows: number, nClasses: number, path: string, xPath: string): void {
  if (!(y instanceof Int32Array)) {
    const what = y == null ? String(y) : ((y as object).constructor?.name ?? typeof y);
    throw new DataError(`${path} must be an Int32Array of class indices. Got ${what} instead.`);
  }
  if (y.length !== rows) {
    throw new DataError(`${path} must have one label per row of ${xPath} (${rows}). Got ${y.length} instead.`);
  }
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= nClasses) {
      throw new DataError(`${path} must hold class indices 0..${nClasses - 1} (row ${i}). Got ${y[i]} instead.`);
    }
  }
}
