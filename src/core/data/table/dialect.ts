/**
 * Dialect sniffing on the first rows of a CSV: decimal comma and header row.
 */
import { parseNumber } from './cells';

/**
 * Whether a delimiter-separated sample writes decimal commas: never for ',' (a comma there is a
 * field separator); otherwise when at least one cell reads as a decimal-comma number (`1,5`,
 * `-0,25`, `1.234,5`) and such cells are at least as many as decimal-point ones (`1.5`).
 */
export function detectDecimalComma(sampleRows: readonly (readonly string[])[], delimiter: string): boolean {
  if (delimiter === ',') return false;
  let comma = 0;
  let dot = 0;
  for (const row of sampleRows) {
    for (const raw of row) {
      const s = raw.trim();
      if (/^[+-]?(?:\d+,\d+|,\d+|\d{1,3}(?:\.\d{3})+,\d+)(?:[eE][+-]?\d+)?$/.test(s)) comma++;
      else if (/^[+-]?\d*\.\d+(?:[eE][+-]?\d+)?$/.test(s)) dot++;
    }
  }
  return comma > 0 && comma >= dot;
}

/**
 * Whether the first row of a sample is a header: yes unless one of its cells is a number (a header
 * names columns; numbers are data). A file whose every row is text therefore counts as having a
 * header — the usual case for CSV exports — and a header made only of numbers (years, say) is read
 * as data; the user can override either way.
 */
export function detectHeader(sampleRows: readonly (readonly string[])[], decimalComma = false): boolean {
  if (sampleRows.length === 0) return true;
  return !sampleRows[0].some((raw) => {
    const s = raw.trim();
    return s !== '' && Number.isFinite(parseNumber(s, decimalComma));
  });
}
