/**
 * CSV in and out for `imbalance-lab resample`: a header row, one label column (kept as strings),
 * numeric feature columns (float64, exact) and optional categorical feature columns mapped to
 * integer codes and back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { ConfigError, DataError, got } from '../core/errors';
import type { Matrix } from '../core/types';

/** A parsed CSV ready for a resampler, plus what is needed to write rows back in the input's shape. */
export interface CsvDataset {
  /** Every column name, in file order (features and the label). */
  columns: string[];
  /** Index of the label column in `columns`. */
  labelColumn: number;
  /** For each feature (column of X), its index in `columns`. */
  featureColumns: number[];
  featureNames: string[];
  /** n × d float64, features in file order without the label. */
  X: Matrix & { data: Float64Array };
  /** Class index per row (into `classNames`). */
  y: Int32Array;
  /** Label strings, sorted (numerically when every label is a number), like numpy.unique. */
  classNames: string[];
  /** Feature indices (columns of X) that are categorical. */
  categoricalFeatures: number[];
  /** For each categorical feature index: its category strings, sorted; code c stands for categories[c]. */
  categories: Map<number, string[]>;
  /** The input cells as read (rows × columns), so kept rows can be written back verbatim. */
  cells: string[][];
}

export interface ReadCsvOptions {
  /** Name of the label column. */
  label: string;
  /** Names of categorical feature columns. */
  categorical?: readonly string[];
}

const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** Reads and parses a CSV file. @throws DataError / ConfigError with a message naming the row and column. */
export function readCsvFile(path: string, options: ReadCsvOptions): CsvDataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataError(`Could not read the input file '${path}': ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseCsv(text, options, path);
}

/** Parses CSV text (see `CsvDataset`). `source` names the file in messages. */
export function parseCsv(text: string, options: ReadCsvOptions, source = 'the input'): CsvDataset {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (fatal) {
    const where = fatal.row !== undefined ? ` (line ${fatal.row + 1})` : '';
    throw new DataError(`${source} is not valid CSV${where}: ${fatal.message}.`);
  }
  const rows = parsed.data;
  if (rows.length === 0) throw new DataError(`${source} is empty: it needs a header row and at least one data row. Got an empty file instead.`);
  const columns = rows[0].map((c) => c.trim());
  const cells = rows.slice(1);
  if (cells.length === 0) throw new DataError(`${source} has a header row but no data rows. Got 0 rows instead.`);
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup !== undefined) throw new DataError(`Column names in ${source} must be unique. Got '${dup}' twice instead.`);
  if (columns.includes('origin')) {
    throw new DataError(
      `${source} already has a column named 'origin' (the output of an earlier resample?); the output adds its own. Drop or rename it first. Got columns ${columns.join(', ')} instead.`,
    );
  }
  const labelColumn = columns.indexOf(options.label);
  if (labelColumn < 0) {
    throw new DataError(`${source} has no label column '${options.label}' (pick it with --label). Columns: ${columns.join(', ')}. Got '${options.label}' instead.`);
  }
  const featureColumns = columns.map((_, i) => i).filter((i) => i !== labelColumn);
  if (featureColumns.length === 0) throw new DataError(`${source} needs at least one feature column besides the label '${options.label}'. Got none instead.`);
  const featureNames = featureColumns.map((i) => columns[i]);

  const categoricalFeatures: number[] = [];
  for (const name of options.categorical ?? []) {
    if (name === options.label) throw new ConfigError(`--categorical lists feature columns; the label column '${name}' is always read as text. Got '${name}' instead.`, 'categorical');
    const f = featureNames.indexOf(name);
    if (f < 0) throw new ConfigError(`--categorical names a column that ${source} does not have. Columns: ${featureNames.join(', ')}. Got '${name}' instead.`, 'categorical');
    if (!categoricalFeatures.includes(f)) categoricalFeatures.push(f);
  }
  categoricalFeatures.sort((a, b) => a - b);
  const isCategorical = new Uint8Array(featureNames.length);
  for (const f of categoricalFeatures) isCategorical[f] = 1;

  const n = cells.length;
  const d = featureColumns.length;
  const data = new Float64Array(n * d);
  const codes = categoricalFeatures.map(() => new Map<string, number>());
  const labels: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = cells[i];
    const line = i + 2; // 1-based file line of data row i (after the header), when no quoted newlines
    if (row.length !== columns.length) {
      throw new DataError(`Row ${i} (line ${line}) of ${source} has ${row.length} field(s); the header has ${columns.length}. Got ${got(row.join(','))} instead.`);
    }
    labels[i] = row[labelColumn].trim();
    if (labels[i] === '') throw new DataError(`Row ${i} (line ${line}) of ${source} has an empty label in column '${options.label}'. Got '' instead.`);
    for (let f = 0; f < d; f++) {
      const raw = row[featureColumns[f]];
      const s = raw.trim();
      if (isCategorical[f]) {
        const map = codes[categoricalFeatures.indexOf(f)];
        let code = map.get(s);
        if (code === undefined) map.set(s, (code = map.size));
        data[i * d + f] = code;
        continue;
      }
      const v = s === '' ? NaN : Number(s);
      if (Number.isFinite(v)) {
        data[i * d + f] = v;
        continue;
      }
      if (NOT_FINITE.test(s) || (s !== '' && !Number.isNaN(v))) {
        throw new DataError(
          `Every feature value must be a finite number (impute or drop missing values first), but row ${i} (line ${line}), column '${featureNames[f]}' is not. Got ${got(raw)} instead.`,
        );
      }
      throw new DataError(
        `Row ${i} (line ${line}), column '${featureNames[f]}' of ${source} is not a number${s === '' ? ' (empty cell: impute or drop missing values first)' : ''}; if '${featureNames[f]}' is a categorical column, list it with --categorical ${featureNames[f]}. Got ${got(raw)} instead.`,
      );
    }
  }

  const distinct = sortedValues(new Set(labels));
  if (distinct.length < 2) {
    throw new DataError(
      `The label column '${options.label}' of ${source} holds a single class ('${distinct[0]}'); resampling needs at least two. Got 1 class instead.`,
    );
  }
  const classIndex = new Map(distinct.map((name, c) => [name, c]));
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = classIndex.get(labels[i]) as number;

  // Codes follow the sorted categories (imbalanced-learn's encoders sort them; SMOTEN breaks ties
  // to the smallest code), so the first-appearance codes of the scan above are renumbered.
  const categories = new Map<number, string[]>();
  categoricalFeatures.forEach((f, k) => {
    const sorted = sortedValues(codes[k].keys());
    const remap = new Float64Array(sorted.length);
    sorted.forEach((v, code) => (remap[codes[k].get(v) as number] = code));
    for (let i = 0; i < n; i++) data[i * d + f] = remap[data[i * d + f]];
    categories.set(f, sorted);
  });
  return {
    columns,
    labelColumn,
    featureColumns,
    featureNames,
    X: { data, rows: n, cols: d },
    y,
    classNames: distinct,
    categoricalFeatures,
    categories,
    cells,
  };
}

/** Distinct strings sorted like numpy.unique: numerically when all are numbers, else by code unit. */
function sortedValues(values: Iterable<string>): string[] {
  const out = [...new Set(values)];
  const numeric = out.every((v) => v !== '' && Number.isFinite(Number(v)));
  return out.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Resampled rows in the input's terms: X in the same feature order, y as class indices, origin per row. */
export interface ResampledRows {
  X: Matrix;
  y: Int32Array;
  origin: Int32Array;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The output CSV: the input's columns in the input's order plus a final `origin` column (the input
 * row a kept row copies, −1 for a synthetic row). A kept row whose values equal its input row's is
 * written with the input's original text; every other number as the shortest round-trip
 * `String(x)` of its float64 value; labels and categories as their original strings.
 *
 * @throws DataError when a categorical column comes back with a value that is not one of its codes.
 */
export function formatCsv(ds: CsvDataset, out: ResampledRows): string {
  const { X, y, origin } = out;
  const d = X.cols;
  const src = ds.X.data;
  const lines: string[] = [[...ds.columns, 'origin'].map(quote).join(',')];
  const cellsOut = new Array<string>(ds.columns.length + 1);
  const catOf: (string[] | undefined)[] = ds.featureNames.map((_, f) => ds.categories.get(f));
  for (let i = 0; i < X.rows; i++) {
    const o = origin[i];
    const input = o >= 0 ? ds.cells[o] : undefined;
    cellsOut[ds.labelColumn] = quote(o >= 0 && y[i] === ds.y[o] ? input![ds.labelColumn] : ds.classNames[y[i]]);
    for (let f = 0; f < d; f++) {
      const v = X.data[i * d + f];
      const col = ds.featureColumns[f];
      if (input !== undefined && Object.is(v, src[o * d + f])) {
        cellsOut[col] = quote(input[col]);
        continue;
      }
      const cats = catOf[f];
      if (cats !== undefined) {
        if (!Number.isInteger(v) || v < 0 || v >= cats.length) {
          throw new DataError(`Output row ${i}, categorical column '${ds.featureNames[f]}' holds ${v}, which is not one of its ${cats.length} category codes. Got ${got(v)} instead.`);
        }
        cellsOut[col] = quote(cats[v]);
      } else cellsOut[col] = String(v);
    }
    cellsOut[ds.columns.length] = String(o);
    lines.push(cellsOut.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Writes `formatCsv` to a file. @throws DataError when the file cannot be written. */
export function writeCsvFile(path: string, ds: CsvDataset, out: ResampledRows): void {
  const text = formatCsv(ds, out);
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new DataError(`Could not write the output file '${path}': ${e instanceof Error ? e.message : String(e)}`);
  }
}
