/**
 * The builder that turns rows of CSV cells into the typed columns of a `Table` (table.ts).
 *
 * It is fed rows in chunks (`addRows`), or CSV text straight through its fast lane (`addText`), by
 * a streaming parser (src/io/csv/parseCsv.ts), and grows its arrays geometrically (×1.5), or
 * allocates them once when told how many rows to expect.
 */
import { ConfigError, DataError, got } from '../../errors';
import { parseNumber, quoteCell } from './cells';
import { ColumnAccumulator } from './columnAccumulator';
import { TableDataError, type LineEnding, type Table } from './table';

export interface TableBuilderOptions {
  /** The first row holds column names (otherwise columns are named column_1, column_2, …). */
  header: boolean;
  delimiter?: string;
  decimalComma?: boolean;
  hadBom?: boolean;
  lineEnding?: LineEnding;
  /** Keep at most this many data rows; later rows are refused and `truncated` is set. Default: no limit. */
  maxRows?: number;
  /** More columns than this is a TableDataError ('too-many-columns'). Default: no limit. */
  maxColumns?: number;
  /** Rows to allocate for up front (an estimate is fine: the arrays grow or are trimmed). */
  expectedRows?: number;
  /**
   * Keep only these data rows (ascending indices of the file's non-blank data rows, as a full load
   * would number them) — the second pass of a stratified sample (see src/io/csv/sampleCsv.ts).
   */
  keepRows?: Int32Array;
  /** Keep only these columns (names as the table would have them) — e.g. just the target, for a first pass. */
  onlyColumns?: readonly string[];
}

export interface TableBuilder {
  /** Adds rows of raw cell strings (untrimmed, as the CSV parser returns them). */
  addRows(rows: readonly (readonly string[])[]): void;
  /** Data rows accepted so far. */
  readonly rows: number;
  /** A row was refused because of maxRows: the caller can stop reading. */
  readonly truncated: boolean;
  /** Column count (0 before the first row). */
  readonly columnCount: number;
  /** Whether the first row is read as the header. */
  readonly header: boolean;
  /**
   * Tokenizes CSV text straight into the columns (the fast lane; the header must already have come
   * through `addRows`). See `TextScanResult` for where it stops and why.
   */
  addText(text: string, from: number, final: boolean): TextScanResult;
  /** Adds a note to the finished table (notes added here come before the builder's own). */
  note(text: string): void;
  /** The table; the builder must not be used afterwards. */
  finish(): Table;
}


/** Names for the header row: trimmed, BOM removed, empty ones generated, duplicates made unique. */
function columnNames(cells: readonly string[], header: boolean, notes: string[]): string[] {
  if (!header) return cells.map((_, j) => `column_${j + 1}`);
  const raw = cells.map((c, j) => (j === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
  const taken = new Set(raw.filter((n) => n !== ''));
  const used = new Set<string>();
  const names: string[] = [];
  const unnamed: string[] = [];
  const renamed = new Map<string, string[]>();
  raw.forEach((name, j) => {
    let out = name;
    if (out === '') {
      out = `column_${j + 1}`;
      for (let k = 2; used.has(out) || taken.has(out); k++) out = `column_${j + 1}_${k}`;
      unnamed.push(out);
    } else if (used.has(out)) {
      for (let k = 2; used.has(out) || taken.has(out); k++) out = `${name}_${k}`;
      renamed.set(name, [...(renamed.get(name) ?? [name]), out]);
    }
    used.add(out);
    names.push(out);
  });
  if (unnamed.length > 0) {
    notes.push(`${unnamed.length} column${unnamed.length === 1 ? ' has' : 's have'} no name in the header row; they are called ${unnamed.slice(0, 5).map((n) => `'${n}'`).join(', ')}${unnamed.length > 5 ? ', …' : ''}.`);
  }
  if (renamed.size > 0) {
    const parts = [...renamed].slice(0, 5).map(([name, outs]) => `'${name}' (${outs.length}×) → ${outs.map((o) => `'${o}'`).join(', ')}`);
    notes.push(`Duplicate column names were made unique: ${parts.join('; ')}${renamed.size > 5 ? '; …' : ''}.`);
  }
  return names;
}

function rowPreview(row: readonly string[], delimiter: string): string {
  const text = row.join(delimiter);
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}

/** Per-row buffers of the fast lane: a row is committed only once it is known to be complete. */
class RowScratch {
  readonly value: Float64Array;
  /** 0: text in `strs`; 1: number in `value`; 2: number with a leading zero. */
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly strs: string[];
  constructor(k: number) {
    this.value = new Float64Array(k);
    this.kind = new Uint8Array(k);
    this.start = new Int32Array(k);
    this.end = new Int32Array(k);
    this.strs = new Array<string>(k).fill('');
  }
}

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

export interface TextScanResult {
  /** Where reading stopped (always the start of a row, or the end of the text). */
  next: number;
  stopped: 'end' | 'incomplete' | 'bail';
}

class Builder implements TableBuilder {
  private cols: ColumnAccumulator[] | null = null;
  private nCols = 0;
  private n = 0;
  private capacity = 0;
  private isTruncated = false;
  private shortRows = 0;
  private firstShortRow = 0;
  private trailingEmptyRows = 0;
  private readonly extraNotes: string[] = [];
  private readonly headerNotes: string[] = [];
  private readonly maxRows: number;
  private readonly maxColumns: number;
  private readonly decimalComma: boolean;
  private readonly delimiter: string;
  private scratch: RowScratch | null = null;
  /** Non-blank data rows read so far, kept or not (row numbers in messages count these). */
  private seen = 0;
  private keepAt = 0;
  /** File column → index into `cols`, -1 when skipped; null when every column is kept. */
  private colOf: Int32Array | null = null;

  constructor(private readonly opts: TableBuilderOptions) {
    this.maxRows = opts.maxRows ?? Infinity;
    this.maxColumns = opts.maxColumns ?? Infinity;
    this.decimalComma = opts.decimalComma ?? false;
    this.delimiter = opts.delimiter ?? ',';
    if (!(this.maxRows >= 1)) throw new DataError(`maxRows must be at least 1. Got ${got(opts.maxRows)} instead.`);
  }

  get rows(): number {
    return this.n;
  }
  get truncated(): boolean {
    return this.isTruncated;
  }
  get columnCount(): number {
    return this.nCols;
  }
  get header(): boolean {
    return this.opts.header;
  }

  note(text: string): void {
    this.extraNotes.push(text);
  }

  private start(first: readonly string[]): void {
    if (first.length > this.maxColumns) {
      throw new TableDataError(
        `The file has ${first.length} columns; at most ${this.maxColumns} can be loaded. Remove the columns you do not need (or check that the first row is a header and not one long record). Got ${first.length} columns instead.`,
        'too-many-columns',
        { columns: first.length, maxColumns: this.maxColumns },
      );
    }
    const names = columnNames(first, this.opts.header, this.headerNotes);
    this.nCols = names.length;
    const hint = this.opts.keepRows !== undefined ? this.opts.keepRows.length : this.opts.expectedRows;
    const expected = hint !== undefined ? Math.ceil(hint * 1.02) + 16 : 256;
    this.capacity = Math.max(16, Math.min(expected, this.maxRows));
    let kept = names;
    if (this.opts.onlyColumns !== undefined) {
      for (const name of this.opts.onlyColumns) {
        if (!names.includes(name)) {
          throw new ConfigError(`onlyColumns must name columns of the file (${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}). Got ${got(name)} instead.`, 'onlyColumns');
        }
      }
      const wanted = new Set(this.opts.onlyColumns);
      kept = names.filter((n) => wanted.has(n));
      let c = 0;
      this.colOf = Int32Array.from(names, (n) => (wanted.has(n) ? c++ : -1));
    }
    this.cols = kept.map((name) => new ColumnAccumulator(name, this.capacity));
  }

  /** Whether file data row `r` is kept (rows are asked in ascending order). */
  private keeps(r: number): boolean {
    const keep = this.opts.keepRows;
    if (keep === undefined) return true;
    while (this.keepAt < keep.length && keep[this.keepAt] < r) this.keepAt++;
    return this.keepAt < keep.length && keep[this.keepAt] === r;
  }

  private reserve(needed: number): void {
    if (needed <= this.capacity) return;
    const capacity = Math.min(Math.max(needed, Math.ceil(this.capacity * 1.5)), Math.max(needed, this.maxRows));
    for (const c of this.cols!) c.resize(capacity, this.n);
    this.capacity = capacity;
  }

  addRows(batch: readonly (readonly string[])[]): void {
    const dc = this.decimalComma;
    for (let b = 0; b < batch.length; b++) {
      if (this.isTruncated) return;
      const row = batch[b];
      // Blank lines (one empty field) are skipped, as pandas does.
      if (row.length === 1 && (row[0].length === 0 || row[0].trim() === '')) continue;
      if (this.cols === null) {
        this.start(row);
        if (this.opts.header) continue;
      }
      if (this.n >= this.maxRows) {
        this.isTruncated = true;
        return;
      }
      const k = this.nCols;
      const fileRow = this.seen++;
      if (row.length !== k) this.ragged(row, fileRow);
      if (!this.keeps(fileRow)) continue;
      if (this.n >= this.capacity) this.reserve(Math.min(this.n + (batch.length - b), this.maxRows));
      const cols = this.cols!;
      const i = this.n;
      const map = this.colOf;
      if (map !== null) {
        for (let j = 0; j < k; j++) if (map[j] >= 0) cols[map[j]].push(i, j < row.length ? row[j] : '', dc);
      } else if (row.length === k) {
        for (let j = 0; j < k; j++) cols[j].push(i, row[j], dc);
      } else {
        for (let j = 0; j < k; j++) cols[j].push(i, j < row.length ? row[j] : '', dc);
      }
      this.n = i + 1;
    }
  }

  /**
   * A row whose field count differs from the header's. Too few fields: the missing trailing fields
   * are read as empty cells and the rows are counted in a note (pandas does the same). Too many:
   * extra fields that are all empty (trailing delimiters) are dropped and counted; extra fields with
   * values are an error, because there is no way to know which value belongs to which column.
   */
  private ragged(row: readonly string[], fileRow: number): void {
    let extraValues = false;
    for (let j = this.nCols; j < row.length; j++) if (row[j].trim() !== '') extraValues = true;
    this.raggedRow(row.length, extraValues, fileRow, () => rowPreview(row, this.delimiter));
  }

  /** `ragged` for the fast lane (a method of its own: a closure inside `addText` would slow its loop). */
  private raggedText(fields: number, extraValues: boolean, fileRow: number, text: string, rowStart: number, rowEnd: number): void {
    this.raggedRow(fields, extraValues, fileRow, () => text.slice(rowStart, Math.min(rowEnd, rowStart + 200)).replace(/\r?\n$/, ''));
  }

  /** `fileRow`: 0-based index of the row among the file's data rows. */
  private raggedRow(fields: number, extraValues: boolean, fileRow: number, preview: () => string): void {
    const k = this.nCols;
    const rowNumber = fileRow + 1;
    if (fields < k) {
      if (this.shortRows === 0) this.firstShortRow = rowNumber;
      this.shortRows++;
      return;
    }
    if (extraValues) {
      const line = rowNumber + (this.opts.header ? 1 : 0);
      throw new TableDataError(
        `Row ${rowNumber} (line ${line} of the file, if no cell spans several lines) has ${fields} fields but the ${this.opts.header ? 'header' : 'first row'} has ${k}, so its values cannot be matched to columns. This usually means a cell contains the delimiter ${quoteCell(this.delimiter)} without quotes around it: quote that cell or fix the row. Got ${got(preview())} instead.`,
        'ragged-row',
        { row: rowNumber, fields, columns: k },
      );
    }
    this.trailingEmptyRows++;
  }

  /**
   * The fast lane: tokenizes CSV text (RFC 4180: quoted cells, "" escapes, delimiters and line breaks
   * inside quotes) straight into the columns, parsing plain decimals from character codes so that a
   * numeric cell never becomes a string. Same cell semantics as papaparse followed by `addRows` (a
   * property test holds the two to it). Starts at `from`, which must be the start of a row.
   *
   * Stops with
   * - 'end': everything up to the end of `text` was read (or the row limit was reached: see `truncated`);
   * - 'incomplete': the last row is not finished in `text` (and `final` is false): `next` is its start;
   * - 'bail': something this scanner leaves to the general tokenizer (text after a closing quote, an
   *   unclosed quote at the end of the input, a multi-character delimiter, no header yet): `next` is the
   *   start of that row, nothing of it was added.
   */
  addText(text: string, from: number, final: boolean): TextScanResult {
    const delimiter = this.delimiter;
    const dc = this.decimalComma;
    const SEP = dc ? 44 : 46;
    if (this.cols === null || delimiter.length !== 1 || delimiter.charCodeAt(0) === SEP || delimiter === '"') return { next: from, stopped: 'bail' };
    const D = delimiter.charCodeAt(0);
    const le = this.opts.lineEnding;
    const nl = le === 'crlf' ? 2 : le === 'cr' ? 1 : 0; // 0: \n, 1: \r, 2: \r\n
    const NL = nl === 1 ? 13 : 10;
    const cols = this.cols;
    const k = this.nCols;
    const scratch = this.scratch ?? (this.scratch = new RowScratch(k));
    const { value, kind, start, end } = scratch;
    const strs = scratch.strs;
    const n = text.length;
    let p = from;
    while (p < n) {
      const rowStart = p;
      let j = 0;
      let extraValues = false;
      let rowEnded = false;
      // One cell per iteration.
      for (;;) {
        let c = p < n ? text.charCodeAt(p) : -1;
        let isNumber = false;
        let num = 0;
        let lz = false;
        let a = p;
        let b = p;
        let str = '';
        if (c === 34) {
          // Quoted cell: up to the next quote that is not doubled.
          let q = text.indexOf('"', p + 1);
          let escaped = false;
          while (q >= 0 && q + 1 < n && text.charCodeAt(q + 1) === 34) {
            escaped = true;
            q = text.indexOf('"', q + 2);
          }
          if (q < 0) return final ? { next: rowStart, stopped: 'bail' } : { next: rowStart, stopped: 'incomplete' };
          str = text.slice(p + 1, q);
          if (escaped) str = str.replace(/""/g, '"');
          p = q + 1;
          if (p >= n && !final) return { next: rowStart, stopped: 'incomplete' };
          c = p < n ? text.charCodeAt(p) : -1;
          if (c === 13 && nl === 2 && p + 1 === n && !final) return { next: rowStart, stopped: 'incomplete' };
          if (!(c === -1 || c === D || (nl !== 2 ? c === NL : c === 13 && (p + 1 < n && text.charCodeAt(p + 1) === 10)))) return { next: rowStart, stopped: 'bail' };
        } else {
          // Unquoted: try a plain decimal ([+-]digits[sep digits], ≤ 15 significant digits) first.
          // Reads stay inside the string (-1 past the end): an out-of-bounds charCodeAt costs a deopt.
          let neg = false;
          if (c === 45 || c === 43) {
            neg = c === 45;
            p++;
            c = p < n ? text.charCodeAt(p) : -1;
          }
          let m = 0;
          let sig = 0;
          let digits = 0;
          let frac = 0;
          const firstDigit = p;
          while (c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            if (m !== 0) sig++;
            digits++;
            p++;
            c = p < n ? text.charCodeAt(p) : -1;
          }
          lz = digits > 1 && text.charCodeAt(firstDigit) === 48;
          if (c === SEP) {
            p++;
            c = p < n ? text.charCodeAt(p) : -1;
            while (c >= 48 && c <= 57) {
              m = m * 10 + (c - 48);
              if (m !== 0) sig++;
              digits++;
              frac++;
              p++;
              c = p < n ? text.charCodeAt(p) : -1;
            }
          }
          if (digits > 0 && sig <= 15 && frac <= 22 && (c === -1 || c === D || (nl !== 2 ? c === NL : c === 13 && (p + 1 < n && text.charCodeAt(p + 1) === 10)))) {
            if (c === -1 && !final) return { next: rowStart, stopped: 'incomplete' };
            isNumber = true;
            num = frac === 0 ? m : m / POW10[frac];
            if (neg) num = -num;
            b = p;
          } else {
            // Anything else: the cell runs to the next delimiter or line break.
            while (p < n) {
              c = text.charCodeAt(p);
              if (c === D || (nl !== 2 ? c === NL : c === 13 && (p + 1 < n && text.charCodeAt(p + 1) === 10))) break;
              p++;
            }
            if (p >= n) {
              if (!final) return { next: rowStart, stopped: 'incomplete' };
              c = -1;
            }
            str = text.slice(a, p);
          }
        }
        // Store the cell.
        if (j < k) {
          if (isNumber) {
            kind[j] = lz ? 2 : 1;
            value[j] = num;
            start[j] = a;
            end[j] = b;
          } else {
            kind[j] = 0;
            strs[j] = str;
          }
        } else if (isNumber || str.trim() !== '') extraValues = true;
        j++;
        // After the cell: a delimiter (next cell), a line break or the end (row done).
        if (c === D) {
          p++;
          continue;
        }
        if (c !== -1) p += nl === 2 ? 2 : 1;
        rowEnded = true;
        break;
      }
      if (!rowEnded) continue;
      // Blank line (one empty field), skipped like `addRows` skips it.
      if (j === 1 && kind[0] === 0 && strs[0].trim() === '') continue;
      if (this.n >= this.maxRows) {
        this.isTruncated = true;
        return { next: rowStart, stopped: 'end' };
      }
      const fileRow = this.seen++;
      if (j !== k) this.raggedText(j, extraValues, fileRow, text, rowStart, p);
      if (!this.keeps(fileRow)) continue;
      const i = this.n;
      if (i >= this.capacity) this.reserve(Math.min(i + 1, this.maxRows));
      const map = this.colOf;
      for (let col = 0; col < k; col++) {
        const c = map === null ? col : map[col];
        if (c < 0) continue;
        if (col >= j) cols[c].push(i, '', dc);
        else if (kind[col] === 0) cols[c].push(i, strs[col], dc);
        else cols[c].pushNumber(i, value[col], kind[col] === 2, text, start[col], end[col], dc);
      }
      for (let col = 0; col < j && col < k; col++) strs[col] = '';
      this.n = i + 1;
    }
    return { next: p, stopped: 'end' };
  }

  finish(): Table {
    const rows = this.n;
    const columns = (this.cols ?? []).map((c) => c.finish(rows));
    const notes = [...this.extraNotes, ...this.headerNotes];
    const acc = this.cols ?? [];
    if (this.decimalComma) {
      const example = acc.find((c) => c.commaExample !== '')?.commaExample;
      notes.push(`Decimal commas detected: numbers such as ${quoteCell(example ?? '1,5')} are read as ${example ? parseNumber(example, true) : 1.5}.`);
    }
    if (this.shortRows > 0) {
      notes.push(`${this.shortRows} row${this.shortRows === 1 ? ' has' : 's have'} fewer fields than the header (first: row ${this.firstShortRow}); the missing fields were read as empty cells.`);
    }
    if (this.trailingEmptyRows > 0) {
      notes.push(`${this.trailingEmptyRows} row${this.trailingEmptyRows === 1 ? ' ends' : 's end'} with extra empty fields (trailing delimiters); they were ignored.`);
    }
    const formula = acc.filter((c) => c.formulaCells > 0);
    if (formula.length > 0) {
      const total = formula.reduce((s, c) => s + c.formulaCells, 0);
      notes.push(
        `${total} cell${total === 1 ? '' : 's'} in column${formula.length === 1 ? '' : 's'} ${listNames(formula.map((c) => c.name))} start${total === 1 ? 's' : ''} like a spreadsheet formula (e.g. ${quoteCell(formula[0].formulaExample)}); ${total === 1 ? 'it is' : 'they are'} kept as plain text and never evaluated. Take care when opening exported copies in a spreadsheet program.`,
      );
    }
    const infinite = acc.filter((c) => c.infinite > 0);
    if (infinite.length > 0) {
      const total = infinite.reduce((s, c) => s + c.infinite, 0);
      notes.push(
        `${total} infinite value${total === 1 ? '' : 's'} (e.g. ${quoteCell(infinite[0].infiniteExample)}) in column${infinite.length === 1 ? '' : 's'} ${listNames(infinite.map((c) => c.name))} ${total === 1 ? 'is' : 'are'} treated as missing.`,
      );
    }
    if (this.isTruncated) notes.push(`Only the first ${rows} rows were loaded (the row limit); the rest of the file was not read.`);
    this.cols = null;
    return {
      columns,
      rows,
      dialect: {
        delimiter: this.delimiter,
        decimalComma: this.decimalComma,
        hadBom: this.opts.hadBom ?? false,
        lineEnding: this.opts.lineEnding ?? 'none',
        header: this.opts.header,
      },
      notes,
      truncated: this.isTruncated,
    };
  }
}

function listNames(names: string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => `'${n}'`).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/**
 * A builder that accumulates rows of string cells into typed columns (see `Table`).
 *
 * Every cell is trimmed; empty cells and MISSING_TOKENS are missing; numbers are parsed with
 * `parseNumber` (decimal comma when `decimalComma`); INFINITY_TOKENS and overflowing numbers count
 * as infinite and then as missing; everything else is text (and checked for formula injection).
 * Blank lines are skipped. For rows with a different field count, see `ragged` above.
 *
 * @throws TableDataError 'too-many-columns' (first row wider than maxColumns), 'ragged-row'.
 */
export function createTableBuilder(opts: TableBuilderOptions): TableBuilder {
  return new Builder(opts);
}

export { detectDecimalComma, detectHeader } from './dialect';
