/**
 * Class labels from the target column, and the imbalance summary the UI shows before a run.
 */
import { DataError, got } from '../../errors';
import { quoteCell, sortLikeNumpyUnique } from './cells';
import type { TableSchema } from './inferSchema';
import { MAX_LEVELS, type Table } from './table';

export interface TargetLabels {
  /** Name of the target column. */
  target: string;
  /** Class index per row into `classNames`; -1 where the target cell is empty (an unlabeled row). */
  y: Int32Array;
  /** Label texts sorted like numpy.unique (numerically when every label is a number). */
  classNames: string[];
  /** Rows per class. */
  counts: number[];
  /** Rows whose target is empty or missing, ascending. */
  unlabeledRows: Int32Array;
}

export interface TargetLabelOptions {
  /** More distinct target values than this is an error (default 100). */
  maxClasses?: number;
}

/**
 * The target column as class indices.
 *
 * @throws DataError when the schema has no target, when no row is labeled, when only one row or one
 *   class is labeled ("…has only one class 'a' … pick another target column"), or when the target has
 *   more than `maxClasses` distinct values ("looks like a continuous value, not a class").
 */
export function targetLabels(table: Table, schema: TableSchema, opts: TargetLabelOptions = {}): TargetLabels {
  const maxClasses = opts.maxClasses ?? 100;
  const name = schema.target;
  const col = name === null ? undefined : table.columns.find((c) => c.name === name);
  if (name === null || col === undefined) {
    throw new DataError(`Pick a target column: the table has ${table.columns.length} columns and none is marked as the target. Got ${got(name)} instead.`);
  }
  if (col.codes === null || col.levels === null) {
    throw new DataError(
      `The target column '${name}' has more than ${MAX_LEVELS} distinct values: it looks like a continuous value or an identifier, not a class (at most ${maxClasses} classes). Pick the column that holds the class labels as the target. Got more than ${MAX_LEVELS} distinct values instead.`,
    );
  }
  const labeled = table.rows - col.missing;
  if (labeled === 0) {
    throw new DataError(
      `The target column '${name}' has no labels: ${table.rows === 0 ? 'the table has no rows' : 'every cell is empty or missing'}. Pick the column that holds the class labels as the target. Got 0 labeled rows instead.`,
    );
  }
  const levels = col.levels;
  if (levels.length > maxClasses) {
    const numeric = col.nonNumeric === 0;
    throw new DataError(
      `The target column '${name}' has ${levels.length} distinct values${numeric ? ' (numbers)' : ''}: it looks like a continuous value, not a class (at most ${maxClasses} classes). Pick the column that holds the class labels as the target${numeric ? ', or bin the values into classes first' : ''}. Got ${levels.length} distinct values instead.`,
    );
  }
  if (labeled === 1) {
    throw new DataError(
      `The target column '${name}' has only one labeled row (${quoteCell(levels[0])}); a classifier needs rows of at least two classes. Add rows, or pick another target column. Got 1 labeled row instead.`,
    );
  }
  if (levels.length === 1) {
    throw new DataError(
      `The target column '${name}' has only one class ${quoteCell(levels[0])} (${labeled} rows); a classifier needs at least two. Pick another target column, or add rows of the other classes. Got 1 class instead.`,
    );
  }
  const classNames = sortLikeNumpyUnique(levels);
  const levelToClass = new Int32Array(levels.length);
  const index = new Map(classNames.map((c, k) => [c, k]));
  levels.forEach((l, k) => (levelToClass[k] = index.get(l)!));
  const y = new Int32Array(table.rows);
  const counts = new Array<number>(classNames.length).fill(0);
  const unlabeled = new Int32Array(table.rows - labeled);
  const codes = col.codes;
  let u = 0;
  for (let i = 0; i < y.length; i++) {
    const code = codes[i];
    if (code < 0) {
      y[i] = -1;
      unlabeled[u++] = i;
    } else {
      const c = levelToClass[code];
      y[i] = c;
      counts[c]++;
    }
  }
  return { target: name, y, classNames, counts, unlabeledRows: unlabeled };
}

export interface LabelSummary {
  /** Rows per class (of the rows counted). */
  counts: number[];
  /** Largest class count / smallest non-empty class count (1 for a balanced set). */
  imbalanceRatio: number;
  majority: number;
  minority: number;
  /** Classes with fewer than `fewShotBelow` counted rows (but at least one). */
  fewShot: number[];
  /** Classes with no counted row (e.g. absent from the training split). */
  absent: number[];
}

export interface LabelSummaryOptions {
  /** Count only these rows (e.g. the training split). Default: every labeled row. */
  rows?: ArrayLike<number>;
  /** A class with fewer counted rows is few-shot (default 20). */
  fewShotBelow?: number;
}

/**
 * Imbalance summary of class labels: counts, imbalance ratio (largest / smallest non-empty class),
 * majority and minority class, and the few-shot classes — those with fewer than `fewShotBelow`
 * training rows (default 20), where resamplers such as SMOTE (k = 5 neighbours) and per-class
 * metrics become unreliable. Rows labeled -1 (unlabeled) are skipped.
 */
export function summarizeLabels(y: Int32Array, nClasses: number, opts: LabelSummaryOptions = {}): LabelSummary {
  const fewShotBelow = opts.fewShotBelow ?? 20;
  const counts = new Array<number>(nClasses).fill(0);
  const count = (c: number) => {
    if (c >= 0 && c < nClasses) counts[c]++;
  };
  if (opts.rows) for (let k = 0; k < opts.rows.length; k++) count(y[opts.rows[k]]);
  else for (let i = 0; i < y.length; i++) count(y[i]);
  let majority = -1;
  let minority = -1;
  for (let c = 0; c < nClasses; c++) {
    if (counts[c] === 0) continue;
    if (majority < 0 || counts[c] > counts[majority]) majority = c;
    if (minority < 0 || counts[c] < counts[minority]) minority = c;
  }
  return {
    counts,
    imbalanceRatio: majority < 0 ? NaN : counts[majority] / counts[minority],
    majority,
    minority,
    fewShot: counts.flatMap((n, c) => (n > 0 && n < fewShotBelow ? [c] : [])),
    absent: counts.flatMap((n, c) => (n === 0 ? [c] : [])),
  };
}
