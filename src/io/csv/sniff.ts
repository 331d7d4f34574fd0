/**
 * Checks on the first bytes / characters of an upload, before any CSV parsing: binary files, UTF-16,
 * text that is not UTF-8, and the line-ending style. No parser and no platform API beyond ES2022, so
 * the page can run them too (e.g. to reject a file before starting a worker).
 */
import { TableDataError, type LineEnding } from '../../core/data/table/table';

/** How many leading bytes / characters the binary check looks at. */
export const SNIFF_LENGTH = 4096;

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel .xlsx workbook or another zip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel .xls workbook' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive (unpack it first)' },
];

function binaryError(sampled: number, nul: number, control: number, what?: string): TableDataError {
  const found = nul > 0 ? `${nul} NUL byte${nul === 1 ? '' : 's'}` : `${control} control characters`;
  return new TableDataError(
    `This does not look like a text CSV file: its first ${sampled} bytes contain ${found}${what ? ` and it starts like ${what}` : ''}. Export the data as CSV (UTF-8) and load that file. Got binary data instead.`,
    'binary',
    { nul, control },
  );
}

function utf16Error(why: string): TableDataError {
  return new TableDataError(
    `The file is UTF-16 text ("Unicode text" in Excel); only UTF-8 can be read. Save it as "CSV UTF-8 (comma delimited)" and load it again. Got ${why} instead.`,
    'utf16',
  );
}

/**
 * Rejects binary data and UTF-16 from the first bytes of a file: a UTF-16 byte-order mark, NUL bytes
 * on every other position (UTF-16 without a mark), any other NUL byte, or more than 10 % control
 * characters (bytes below 0x20 other than tab, line feed, form feed and carriage return). Bytes ≥ 0x80
 * are allowed here (UTF-8 or another encoding: see `firstInvalidUtf8`).
 *
 * @throws TableDataError 'binary' or 'utf16'.
 */
export function checkBytes(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, SNIFF_LENGTH);
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) throw utf16Error('a UTF-16 byte-order mark');
  let nul = 0;
  let nulOdd = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) {
      nul++;
      if (i % 2 === 1) nulOdd++;
    } else if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control++;
  }
  if (nul === 0 && control <= 0.1 * n) return;
  if (n >= 16 && nul > n / 4 && (nulOdd > 0.9 * nul || nulOdd < 0.1 * nul)) throw utf16Error('NUL bytes between the characters');
  const what = MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b))?.what;
  throw binaryError(n, nul, control, what);
}

/**
 * The same check on text that is already decoded (a string source): NUL characters, or more than
 * 10 % control or U+FFFD replacement characters (binary data decoded as UTF-8 is mostly those).
 *
 * @throws TableDataError 'binary'.
 */
export function checkText(text: string): void {
  const n = Math.min(text.length, SNIFF_LENGTH);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f || c === 0xfffd) control++;
  }
  if (nul > 0 || control > 0.1 * n) throw binaryError(n, nul, control);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, -1 if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [len, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [len, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [len, min] = [4, 0x10000];
    else return i;
    const have = Math.min(len, n - i);
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < have; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (have < len) return -1; // cut by the end of the chunk: the next one decides
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

/**
 * The error for bytes that are not UTF-8, naming the first bad byte (and the Latin-1 character it
 * would be, the usual culprit).
 */
export function notUtf8Error(bytes: Uint8Array, chunkStart: number, isFirstChunk: boolean): TableDataError {
  const at = firstInvalidUtf8(bytes);
  const offset = at < 0 ? chunkStart : chunkStart + at;
  const b = at < 0 ? undefined : bytes[at];
  let line = '';
  if (at >= 0 && isFirstChunk) {
    let lines = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 10) lines++;
    line = ` (line ${lines})`;
  }
  const hex = b === undefined ? 'a byte' : `byte 0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  const latin1 = b !== undefined && b >= 0xa0 ? `, where 0x${b.toString(16).toUpperCase()} is '${String.fromCharCode(b)}'` : '';
  return new TableDataError(
    `The file is not UTF-8 text: ${hex} at offset ${offset}${line} is not valid UTF-8 (it was probably saved as Latin-1 or Windows-1252${latin1}). Save it as UTF-8 ("CSV UTF-8" in Excel, or the encoding choice of a text editor) and load it again. Got ${hex} instead.`,
    'not-utf8',
    { offset },
  );
}

/**
 * The error for a string that holds U+FFFD replacement characters: it was decoded from bytes that are
 * not UTF-8 (e.g. Node's `readFileSync(path, 'utf8')` of a Latin-1 file), and the characters are lost.
 */
export function replacementCharError(text: string, index: number, chunkStart: number): TableDataError {
  let lines = 1;
  const limit = Math.min(index, 1 << 20);
  for (let i = 0; i < limit; i++) if (text.charCodeAt(i) === 10) lines++;
  const line = chunkStart === 0 && index < 1 << 20 ? ` (line ${lines})` : '';
  return new TableDataError(
    `The file is not UTF-8 text: character ${chunkStart + index}${line} is U+FFFD, the replacement for bytes that are not valid UTF-8 (the file was probably saved as Latin-1 or Windows-1252, and the original characters are lost). Save it as UTF-8 ("CSV UTF-8" in Excel) and load it again. Got '\uFFFD' instead.`,
    'not-utf8',
    { offset: chunkStart + index },
  );
}

/**
 * Line-ending style of a sample: counts CRLF, lone LF and lone CR outside quoted cells.
 */
export function detectLineEnding(sample: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const n = sample.length;
  let inQuotes = false;
  // Line breaks inside quoted cells are data, not row ends ("" inside quotes toggles twice).
  for (let i = 0; i < n; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 13) {
      if (i + 1 < n && sample.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else if (i + 1 < n) cr++; // a \r that ends the sample may be the first half of \r\n
    } else if (c === 10) lf++;
  }
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr';
}
