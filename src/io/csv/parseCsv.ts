/**
 * CSV (string or Blob/File) → Table, streaming: papaparse's tokenizer on chunks of text, the core's
 * TableBuilder for the columns. Runs in a Web Worker, on the page and in Node; no Node-only import here
 * (Node callers with a path use `parseCsvFile` in ./nodeFile.ts).
 *
 * Why not `Papa.parse(file, { chunk })`: its Blob path needs FileReader / FileReaderSync, which Node
 * lacks, and it decodes with replacement characters, which hides a Latin-1 file. Here a Blob is read
 * with `blob.slice().arrayBuffer()` (workers, pages and Node alike) and decoded with a fatal
 * TextDecoder; the text chunks go to `Papa.Parser`, the tokenizer `Papa.parse` itself streams
 * through, carrying the unfinished last row of each chunk over to the next exactly as papaparse's
 * ChunkStreamer does. A chunk without quote characters takes papaparse's fast path (a split on the
 * line break and the delimiter) automatically.
 */
import Papa from 'papaparse';
import { ConfigError, CancelledError, got } from '../../core/errors';
import { parseNumber } from '../../core/data/table/cells';
import { TableDataError, type LineEnding, type Table } from '../../core/data/table/table';
import { createTableBuilder, detectDecimalComma, detectHeader, type TableBuilder } from '../../core/data/table/tableBuilder';
import { checkBytes, checkText, detectLineEnding, notUtf8Error, replacementCharError } from './sniff';

export interface ParseCsvOptions {
  /** Called after each chunk with the fraction of the input read (by bytes; by characters for a string) and the rows so far. */
  onProgress?(fraction: number, rowsSoFar: number): void;
  /** Aborting rejects with CancelledError at the next chunk boundary. */
  signal?: AbortSignal;
  /** Keep at most this many data rows (the table is then `truncated`, with a note). */
  maxRows?: number;
  /** Larger inputs are rejected up front with TableDataError 'too-large' (detail: bytes, maxBytes). */
  maxBytes?: number;
  /** More columns is a TableDataError 'too-many-columns' (default 2000). */
  maxColumns?: number;
  /** Whether the first row names the columns; 'auto' (default) uses `detectHeader`. */
  header?: boolean | 'auto';
  /** Field delimiter; 'auto' (default) lets papaparse pick among , ; tab and |. */
  delimiter?: string | 'auto';
  /** Numbers written with a decimal comma; 'auto' (default) uses `detectDecimalComma` on the first rows. */
  decimalComma?: boolean | 'auto';
  /** Bytes (Blob) or characters (string) per chunk (default 4 MiB). */
  chunkSize?: number;
  /** Keep only these data rows (ascending; see `TableBuilderOptions.keepRows` and ./sampleCsv.ts). */
  keepRows?: Int32Array;
  /** Keep only these columns (e.g. the target, for the first pass of a sample). */
  onlyColumns?: readonly string[];
}

export const DEFAULT_MAX_COLUMNS = 2000;
export const DEFAULT_CHUNK_SIZE = 4 << 20;
const DELIMITERS = [',', ';', '\t', '|'];
/** Rows / characters looked at before the dialect is decided. */
const SNIFF_ROWS = 200;
const SNIFF_MIN_CHARS = 64 << 10;
/** How much of a chunk the row cut by the previous chunk boundary is completed from. */
const BOUNDARY_HEAD = 64 << 10;
/** Characters tokenized at a time (see the loop in parseCsv). */
const TOKENIZE_SLICE = 256 << 10;

function formatBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} bytes`;
}

interface Chunk {
  text: string;
  /** Input consumed so far (bytes or characters). */
  position: number;
  done: boolean;
}

/**
 * Text chunks of a Blob, decoded as UTF-8 (fatal) after the binary / UTF-16 check on the first bytes.
 * The next chunk's read is started before the current one is returned, so reading overlaps parsing.
 */
function blobChunks(blob: Blob, chunkSize: number): { next(): Promise<Chunk>; hadBom(): boolean } {
  let pos = 0;
  let bom = false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const read = (start: number) => blob.slice(start, Math.min(start + chunkSize, blob.size)).arrayBuffer();
  let ahead: Promise<ArrayBuffer> | null = null;
  return {
    hadBom: () => bom,
    async next() {
      const start = pos;
      const end = Math.min(start + chunkSize, blob.size);
      const bytes = new Uint8Array(await (ahead ?? read(start)));
      ahead = end < blob.size ? read(end) : null;
      // A prefetch nobody awaits (the parse stopped early) must not surface as an unhandled rejection.
      ahead?.catch(() => undefined);
      if (start === 0) {
        checkBytes(bytes);
        bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      }
      pos = end;
      const done = end >= blob.size;
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: !done });
      } catch {
        throw notUtf8Error(bytes, start, start === 0);
      }
      return { text, position: end, done };
    },
  };
}

/** Slices of a string; a BOM is removed and reported, U+FFFD (bytes lost before decoding) is an error. */
function stringChunks(source: string, chunkSize: number): { next(): Promise<Chunk>; hadBom(): boolean } {
  let pos = 0;
  const bom = source.charCodeAt(0) === 0xfeff;
  return {
    hadBom: () => bom,
    async next() {
      const start = pos;
      const end = Math.min(start + chunkSize, source.length);
      let text = source.slice(start, end);
      if (start === 0) {
        checkText(text);
        if (bom) text = text.slice(1);
      }
      const bad = text.indexOf('\uFFFD');
      if (bad >= 0) throw replacementCharError(text, bad, start);
      pos = end;
      return { text, position: end, done: end >= source.length };
    },
  };
}

interface Dialect {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  lineEnding: LineEnding;
  /** Mixed line endings: every \r\n and lone \r is rewritten to \n before tokenizing. */
  normalize: boolean;
  guessed: boolean;
}

function sniffDialect(sample: string, delimiter: string | 'auto'): Dialect {
  const lineEnding = detectLineEnding(sample.length > 1 << 20 ? sample.slice(0, 1 << 20) : sample);
  const normalize = lineEnding === 'mixed';
  const newline = lineEnding === 'crlf' ? '\r\n' : lineEnding === 'cr' ? '\r' : '\n';
  if (delimiter !== 'auto') return { delimiter, newline, lineEnding, normalize, guessed: true };
  const head = normalize ? sample.slice(0, 256 << 10).replace(/\r\n?/g, '\n') : sample.slice(0, 256 << 10);
  const guess = Papa.parse<string[]>(head, { delimitersToGuess: DELIMITERS, newline, preview: 10, skipEmptyLines: true });
  const guessed = !guess.errors.some((e) => e.code === 'UndetectableDelimiter');
  return { delimiter: guessed ? guess.meta.delimiter : ',', newline, lineEnding, normalize, guessed };
}

/**
 * Parses CSV text into a Table (see `Table` for what each column keeps).
 *
 * Detects, unless told: the delimiter (papaparse's guess among , ; tab |), the header row
 * (`detectHeader`), decimal commas (`detectDecimalComma`), the line-ending style (mixed endings are
 * all read as line breaks, with a note), and a UTF-8 byte-order mark (removed).
 *
 * @throws TableDataError with a `code` the UI can act on: 'too-large' (over maxBytes, before anything
 *   is read), 'empty', 'header-only', 'binary', 'utf16', 'not-utf8', 'too-many-columns', 'ragged-row',
 *   'unclosed-quote', 'malformed-quote', 'row-too-long'.
 * @throws ConfigError for an unusable delimiter or chunk size; CancelledError when `signal` aborts.
 */
export async function parseCsv(source: string | Blob, opts: ParseCsvOptions = {}): Promise<Table> {
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!(Number.isInteger(chunkSize) && chunkSize >= 16)) throw new ConfigError(`chunkSize must be a whole number of at least 16. Got ${got(chunkSize)} instead.`, 'chunkSize');
  const delimiterOpt = opts.delimiter ?? 'auto';
  if (delimiterOpt !== 'auto' && (delimiterOpt.length === 0 || /["\r\n\uFEFF]/.test(delimiterOpt))) {
    throw new ConfigError(`delimiter must be 'auto' or a non-empty string without quotes or line breaks, e.g. ',' or ';'. Got ${got(delimiterOpt)} instead.`, 'delimiter');
  }
  const size = typeof source === 'string' ? source.length : source.size;
  if (opts.maxBytes !== undefined && size > opts.maxBytes) {
    throw new TableDataError(
      `The file is ${formatBytes(size)}, more than the ${formatBytes(opts.maxBytes)} that can be loaded whole here. Load a stratified sample of its rows instead (every class keeps its share, and rare classes keep at least a minimum), or use the command-line tool for the whole file. Got ${size} bytes instead.`,
      'too-large',
      { bytes: size, maxBytes: opts.maxBytes },
    );
  }
  if (size === 0) throw emptyError('0 bytes');
  const { signal, onProgress } = opts;
  const reader = typeof source === 'string' ? stringChunks(source, chunkSize) : blobChunks(source, chunkSize);
  const yieldForAbort = typeof source === 'string' && signal !== undefined;

  let dialect: Dialect | null = null;
  let parser: Papa.Parser | null = null;
  let builder: TableBuilder | null = null;
  let pending = ''; // text read before the dialect is known, then the unfinished last row
  let carryCR = false;
  let fastLane = false;
  let chunkStart = 0; // input position (bytes or characters) where `pending` starts
  const rowsBefore = (b: TableBuilder | null) => (b === null ? 0 : b.rows + (b.columnCount > 0 && b.header ? 1 : 0));
  const maxPartial = Math.max(16 << 20, 4 * chunkSize);

  for (;;) {
    if (signal?.aborted) throw new CancelledError();
    const chunk = await reader.next();
    if (signal?.aborted) throw new CancelledError();
    let text = chunk.text;
    if (dialect === null) {
      pending += text;
      const lineBreaks = countUpTo(pending, '\n', SNIFF_ROWS) + (pending.indexOf('\n') < 0 ? countUpTo(pending, '\r', SNIFF_ROWS) : 0);
      if (!chunk.done && lineBreaks < SNIFF_ROWS && pending.length < SNIFF_MIN_CHARS) continue;
      if (pending.trim() === '') {
        if (chunk.done) throw emptyError('only blank lines');
        continue;
      }
      dialect = sniffDialect(pending, delimiterOpt);
      parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"', header: false });
      text = pending;
      pending = '';
    }
    if (dialect.normalize) {
      if (carryCR) text = '\r' + text;
      carryCR = !chunk.done && text.endsWith('\r');
      if (carryCR) text = text.slice(0, -1);
      text = text.replace(/\r\n?/g, '\n');
    }
    let input: string;
    let pos = 0;
    if (builder !== null && fastLane && pending.length > 0 && text.length > 0) {
      // Finish the row cut by the chunk boundary on a short string, then read the chunk itself: a
      // 4 MiB `pending + text` is a cons string, which V8 would copy to flatten it.
      const head = text.length > BOUNDARY_HEAD ? text.slice(0, BOUNDARY_HEAD) : text;
      const r = builder.addText(pending + head, 0, chunk.done && head.length === text.length);
      if (r.next >= pending.length) {
        input = text;
        pos = r.next - pending.length;
      } else input = pending + text; // a row longer than the head, or one for papaparse
    } else input = pending + text;
    pending = '';
    let sliceLength = TOKENIZE_SLICE;
    while (pos < input.length) {
      if (builder !== null && fastLane) {
        // The fast lane: straight into the columns, no per-cell strings for numbers.
        const r = builder.addText(input, pos, chunk.done);
        pos = r.next;
        if (r.stopped !== 'bail') break;
      }
      // papaparse, one slice at a time: the first rows (to sniff the header and decimal commas), a
      // multi-character delimiter, and any row the fast lane leaves to it. Slicing keeps the cell
      // strings of a slice short-lived (a 4 MiB slice's ~230k strings outgrow V8's young generation).
      const sliceEnd = Math.min(input.length, pos + sliceLength);
      const last = chunk.done && sliceEnd === input.length;
      const piece = pos === 0 && sliceEnd === input.length ? input : input.slice(pos, sliceEnd);
      const result = parser!.parse(piece, 0, !last) as Papa.ParseResult<string[]>;
      if (result.errors.length > 0) throw quoteError(result.errors[0], rowsBefore(builder), piece);
      if (result.data.length === 0 && !last) {
        if (sliceEnd === input.length) break; // the row continues in the next chunk
        sliceLength *= 2; // a row longer than the slice
        continue;
      }
      sliceLength = TOKENIZE_SLICE;
      pos = last ? input.length : pos + result.meta.cursor;
      if (builder === null) {
        builder = startBuilder(result.data, dialect, reader.hadBom(), opts, size, last ? size : Math.max(1, chunkStart + pos));
      }
      builder.addRows(result.data);
      fastLane = builder.columnCount > 0;
      if (builder.truncated || last) break;
    }
    if (builder !== null && builder.truncated) pos = input.length;
    pending = chunk.done ? '' : input.slice(pos);
    chunkStart = chunk.position - pending.length;
    if (pending.length > maxPartial) {
      const line = rowsBefore(builder) + 1;
      if (pending.includes('"')) throw unclosedQuote(line);
      throw new TableDataError(
        `Line ${line} of the file is longer than ${formatBytes(maxPartial)} without a line break: this is not a table of rows. Check that the file is a CSV with one record per line. Got a line of more than ${pending.length} characters instead.`,
        'row-too-long',
        { line },
      );
    }
    if (builder === null) continue;
    onProgress?.(chunk.done ? 1 : chunk.position / size, builder.rows);
    if (chunk.done || builder.truncated) break;
    if (yieldForAbort) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const table = builder!.finish();
  if (table.columns.length === 0) throw emptyError('only blank lines');
  if (table.rows === 0) {
    const names = table.columns.slice(0, 8).map((c) => `'${c.name}'`).join(', ');
    throw new TableDataError(
      `The file has a header row (${names}${table.columns.length > 8 ? ', …' : ''}) but no data rows. Add the data below the header and load it again. Got 0 data rows instead.`,
      'header-only',
    );
  }
  return table;
}

function startBuilder(firstRows: string[][], dialect: Dialect, hadBom: boolean, opts: ParseCsvOptions, size: number, consumed: number): TableBuilder {
  const sample = firstRows.filter((r) => !(r.length === 1 && r[0].trim() === '')).slice(0, SNIFF_ROWS);
  const decimalComma = opts.decimalComma === undefined || opts.decimalComma === 'auto' ? detectDecimalComma(sample, dialect.delimiter) : opts.decimalComma;
  const header = opts.header === undefined || opts.header === 'auto' ? detectHeader(sample, decimalComma) : opts.header;
  // Allocate once for the whole file: the first chunk tells how long a row is.
  const expectedRows = consumed >= size ? firstRows.length : Math.ceil((firstRows.length * size) / Math.max(1, consumed));
  const builder = createTableBuilder({
    header,
    delimiter: dialect.delimiter,
    decimalComma,
    hadBom,
    lineEnding: dialect.lineEnding,
    maxRows: opts.maxRows,
    maxColumns: opts.maxColumns ?? DEFAULT_MAX_COLUMNS,
    expectedRows: opts.maxRows !== undefined ? Math.min(expectedRows, opts.maxRows) : expectedRows,
    keepRows: opts.keepRows,
    onlyColumns: opts.onlyColumns,
  });
  const delimiterName = dialect.delimiter === '\t' ? 'tab' : `'${dialect.delimiter}'`;
  if (opts.delimiter === undefined || opts.delimiter === 'auto') {
    if (!dialect.guessed && (sample[0]?.length ?? 0) <= 1) {
      builder.note(`No delimiter (comma, semicolon, tab or '|') was found, so every line is one cell of a single column. If the file uses another delimiter, choose it explicitly.`);
    } else if (dialect.delimiter !== ',') builder.note(`Delimiter detected: ${delimiterName}.`);
  }
  if (dialect.lineEnding === 'mixed') {
    builder.note(`The file mixes line endings (\\r\\n, \\n and/or \\r); each one was read as the end of a row.`);
  }
  if ((opts.header === undefined || opts.header === 'auto') && !header) {
    const number = sample[0].find((c) => Number.isFinite(parseNumber(c.trim(), decimalComma)));
    builder.note(`No header row detected (the first row holds numbers such as '${(number ?? '').trim()}'), so the columns are named column_1 … column_${sample[0].length}. If the first row does name the columns, turn the header option on.`);
  }
  return builder;
}

function countUpTo(s: string, ch: string, limit: number): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0 && n < limit; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function emptyError(what: string): TableDataError {
  return new TableDataError(`The file is empty: a CSV needs a header row and at least one data row. Got ${what} instead.`, 'empty');
}

function unclosedQuote(line: number): TableDataError {
  return new TableDataError(
    `A quoted cell that starts on line ${line} of the file (counting from the header, if no earlier cell spans several lines) is never closed: a '"' opens it and no matching '"' follows, so the rest of the file would become one cell. Close the quote, or write a quote inside a quoted cell as two quotes (""). Got an unterminated quote instead.`,
    'unclosed-quote',
    { line },
  );
}

function quoteError(e: Papa.ParseError, rowsOffered: number, input: string): TableDataError {
  const line = rowsOffered + (e.row ?? 0) + 1;
  if (e.code === 'MissingQuotes') return unclosedQuote(line);
  const at = (e as { index?: number }).index;
  const near = at !== undefined ? input.slice(at, at + 40).split(/\r?\n/)[0] : '';
  return new TableDataError(
    `Line ${line} of the file (if no earlier cell spans several lines) has a malformed quoted cell: after its closing quote comes more text instead of a delimiter or the end of the line. Inside a quoted cell, write a quote as two quotes (""). Got ${got(near)} instead.`,
    'malformed-quote',
    { line },
  );
}
