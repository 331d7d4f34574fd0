/**
 * A stratified row sample of a CSV too large to load whole (the answer to TableDataError
 * 'too-large'): two streaming passes over the same File / string, never holding more than the sample.
 *
 * 1. Read only the target column → class labels of every row (4–8 bytes per row).
 * 2. Choose the rows with `stratifiedRowSample` (each class keeps its share, and at least
 *    min(its size, minPerClass) rows, so a rare class never vanishes).
 * 3. Read the file again, keeping only those rows.
 */
import { inferSchema } from '../../core/data/table/inferSchema';
import { targetLabels } from '../../core/data/table/labels';
import { stratifiedRowSample } from '../../core/data/table/sampleRows';
import type { Table } from '../../core/data/table/table';
import { createRng } from '../../core/random';
import { parseCsv, type ParseCsvOptions } from './parseCsv';

export interface SampleCsvOptions extends Omit<ParseCsvOptions, 'keepRows' | 'onlyColumns' | 'maxRows' | 'maxBytes'> {
  /** Name of the target column (from the preview the user confirmed). */
  target: string;
  /** Rows to keep at most. */
  maxRows: number;
  /** Seed of the draw (the sample is part of the experiment, so it is reproducible). */
  seed: number;
  /** Every class keeps at least min(its size, minPerClass) rows (default 500). */
  minPerClass?: number;
  /** Passed to `targetLabels` (default 100). */
  maxClasses?: number;
}

/**
 * Loads a stratified sample of at most `maxRows` rows (or the whole file when it has no more), with a
 * note saying what was sampled and how the class shares changed.
 *
 * @throws whatever `parseCsv` and `targetLabels` throw (e.g. a target with one class).
 */
export async function parseCsvStratifiedSample(source: string | Blob, opts: SampleCsvOptions): Promise<Table> {
  const { target, maxRows, seed, minPerClass = 500, maxClasses, onProgress, ...parse } = opts;
  const labelsOnly = await parseCsv(source, { ...parse, onlyColumns: [target], onProgress: onProgress && ((f, r) => onProgress(f / 2, r)) });
  const labels = targetLabels(labelsOnly, inferSchema(labelsOnly, { target }), { maxClasses });
  const total = labels.y.length;
  const rows = stratifiedRowSample(labels.y, labels.classNames.length, maxRows, createRng(seed).fork('csv-sample'), { minPerClass });
  const table = await parseCsv(source, {
    ...parse,
    keepRows: rows.length < total ? rows : undefined,
    onProgress: onProgress && ((f, r) => onProgress(0.5 + f / 2, r)),
  });
  if (rows.length < total) {
    const kept = new Array<number>(labels.classNames.length).fill(0);
    for (let k = 0; k < rows.length; k++) if (labels.y[rows[k]] >= 0) kept[labels.y[rows[k]]]++;
    const rarest = labels.counts.indexOf(Math.min(...labels.counts));
    table.notes.push(
      `A stratified sample of ${rows.length} of the file's ${total} rows was loaded (seed ${seed}): each class keeps its share of the rows, but at least ${minPerClass} rows (or all it has), so rare classes are over-represented compared with the file ('${labels.classNames[rarest]}': ${kept[rarest]} of ${labels.counts[rarest]} rows kept).`,
    );
  }
  return table;
}
