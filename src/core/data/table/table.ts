/**
 * The loaded-table contract, and the builder that turns rows of CSV cells into typed columns.
 *
 * A `Table` is plain structured-cloneable data (typed arrays, strings, numbers), so a worker can
 * post it to the page (transferring the typed arrays) and the CLI can use it unchanged. Each column
 * keeps what schema inference, the target labels and the encoder need — the parsed number of every
 * cell and, while the column has at most MAX_LEVELS distinct values, a dictionary code per cell —
 * and never the cell strings themselves: for the 150 MB credit-card file the columns take 8 bytes
 * per cell (plus 4 per cell for the few low-cardinality columns) instead of the ~60 bytes a V8
 * string costs.
 *
 * tableBuilder.ts builds a Table from rows of CSV cells.
 */
import { DataError } from '../../errors';

/**
 * A column stops keeping dictionary codes once it has more distinct values than this. Every use of
 * codes has a lower limit (at most 100 classes, at most 50 one-hot categories by default), so a
 * column above it can only be numeric, an identifier or ignored.
 */
export const MAX_LEVELS = 1000;

/** One column of a loaded table. */
export interface TableColumn {
  /** Unique, non-empty column name (see the notes for renamed ones). */
  name: string;
  /** Parsed value per row; NaN when the cell is empty, a missing token, infinite or text. */
  numbers: Float64Array;
  /** Dictionary code per row into `levels`, -1 for a missing cell; null once > MAX_LEVELS distinct values. */
  codes: Int32Array | null;
  /** Distinct non-missing cell texts (trimmed) in order of first appearance; null with `codes`. */
  levels: string[] | null;
  /** Rows per level; null with `codes`. */
  levelCounts: number[] | null;
  /** Cells with no usable value: empty, a missing token (MISSING_TOKENS) or infinite. */
  missing: number;
  /** Of `missing`: cells that were infinite (INFINITY_TOKENS or a number that overflows float64). */
  infinite: number;
  /** Cells holding a finite number. */
  numeric: number;
  /** Of `numeric`: whole numbers. */
  integers: number;
  /** Of `numeric`: written with a leading zero (`007`, `-01`), a sign of codes rather than quantities. */
  leadingZeros: number;
  /** Non-missing cells that are not numbers (text). */
  nonNumeric: number;
  /** Distinct non-missing values, exact up to MAX_LEVELS; MAX_LEVELS + 1 means "more". */
  distinctCapped: number;
  /** Estimated distinct text values (exact while the column has ≤ MAX_LEVELS distinct values; ±5 % beyond). */
  distinctTextEstimate: number;
  /** Text cells that look like spreadsheet formulas (kept as text, see `looksLikeFormula`). */
  formulaCells: number;
  /** The first few distinct text (non-number) values, for messages. */
  textExamples: string[];
}

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface TableDialect {
  delimiter: string;
  /** Numbers were read with a decimal comma (`1,5` → 1.5). */
  decimalComma: boolean;
  /** The input started with a UTF-8 byte-order mark (removed). */
  hadBom: boolean;
  lineEnding: LineEnding;
  /** The first row held column names. */
  header: boolean;
}

export interface Table {
  columns: TableColumn[];
  rows: number;
  dialect: TableDialect;
  /** Things the user should know that did not stop the load (renamed columns, formulas, …), one sentence each. */
  notes: string[];
  /** The row limit stopped the load: the file has more rows than `rows`. */
  truncated: boolean;
}

/** Machine-readable reason of a TableDataError, for the UI (e.g. 'too-large' offers a stratified sample). */
export type TableErrorCode =
  | 'empty'
  | 'header-only'
  | 'binary'
  | 'utf16'
  | 'not-utf8'
  | 'too-many-columns'
  | 'too-large'
  | 'ragged-row'
  | 'unclosed-quote'
  | 'malformed-quote'
  | 'row-too-long';

/** A DataError the loading UI can react to by `code` (the message is already written for the user). */
export class TableDataError extends DataError {
  constructor(
    message: string,
    readonly code: TableErrorCode,
    /** Numbers behind the message, e.g. `{ bytes, maxBytes }` for 'too-large'. */
    readonly detail: Readonly<Record<string, number | string>> = {},
  ) {
    super(message);
  }
}
