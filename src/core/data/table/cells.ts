/**
 * How one CSV cell is read: number, missing, infinite or text. Shared by the table builder (which
 * runs it once per cell, so the number path avoids regular expressions and allocations) and by the
 * sniffers that look at the first rows (header and decimal-comma detection).
 */

/**
 * Cells read as missing (after trimming), matched exactly. This is pandas' default `na_values` list
 * plus `?` (the UCI repository's convention) and the all-caps / capitalised spellings of NaN and
 * null. Exact matching is deliberate: a category called `none` or `missing` stays a category, only
 * pandas' `None` is missing.
 */
export const MISSING_TOKENS: readonly string[] = [
  '', 'NA', 'N/A', 'n/a', 'na', 'NaN', 'nan', 'NAN', '-NaN', '-nan', '+nan', 'null', 'NULL', 'Null', 'None',
  '?', '#N/A', '#N/A N/A', '#NA', '<NA>', '-1.#IND', '-1.#QNAN', '1.#IND', '1.#QNAN',
];

/**
 * Cells read as an infinite value: counted per column (`TableColumn.infinite`), reported in the
 * table notes and then treated as missing, because no scaler or model can use them. Numbers that
 * overflow a float64 (`1e999`) count as infinite too.
 */
export const INFINITY_TOKENS: readonly string[] = [
  'inf', 'Inf', 'INF', '+inf', '+Inf', '+INF', '-inf', '-Inf', '-INF',
  'infinity', 'Infinity', 'INFINITY', '+infinity', '+Infinity', '-infinity', '-Infinity', '-INFINITY',
  '∞', '+∞', '-∞', '1.#INF', '-1.#INF',
];

const MISSING = new Set(MISSING_TOKENS);
const INFINITE = new Set(INFINITY_TOKENS);

export function isMissingToken(s: string): boolean {
  return MISSING.has(s);
}

export function isInfinityToken(s: string): boolean {
  return INFINITE.has(s);
}

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Fast path for plain decimals `[+-]digits[<sep>digits]` with at most 15 significant digits and at
 * most 22 fraction digits; NaN for anything else (the caller then takes the slow path).
 *
 * Exactness (Clinger 1990): the digits form an integer m < 10^15 < 2^53, exact in a float64, and
 * 10^k is exact for k ≤ 22, so m / 10^k is one correctly rounded IEEE division — the same double
 * `Number(s)` returns. A property test checks this against `Number`.
 *
 * @see Clinger 1990, How to read floating point numbers accurately, PLDI
 */
function fastDecimal(s: string, sep: number): number {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  let neg = false;
  if (c === 45) {
    neg = true;
    i = 1;
  } else if (c === 43) i = 1;
  let m = 0;
  let significant = 0;
  let frac = 0;
  let any = false;
  for (; i < n; i++) {
    c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    m = m * 10 + c;
    if (m !== 0) significant++;
    any = true;
  }
  if (i < n && s.charCodeAt(i) === sep) {
    for (i++; i < n; i++) {
      c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      m = m * 10 + c;
      if (m !== 0) significant++;
      frac++;
      any = true;
    }
  }
  if (i !== n || !any || significant > 15 || frac > 22) return NaN;
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

const DOT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;
/** 1,234,567.5 — thousands commas with a decimal point. */
const GROUPED_COMMAS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
/** 1.234.567,5 — thousands dots with a decimal comma. */
const GROUPED_DOTS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;

/**
 * The number a trimmed cell holds, NaN when it is not a number (text, or a missing token), ±Infinity
 * when it overflows a float64 (`1e999`).
 *
 * Accepted: `12`, `-1.5`, `.5`, `1.`, `+3`, `1e-5`, `1,234,567.89` (thousands commas). With
 * `decimalComma`: `1,5` and `1.234,5` (thousands dots) — and there, `1.500` is 1500, the reading of
 * the locales that write decimal commas — plus plain `1.5`. Rejected, so they stay text: hex
 * (`0x1A`), binary / octal literals, `1_000`, currency and percent signs. `Number()` alone would
 * read `0x1A` as 26 and `''` as 0.
 */
export function parseNumber(s: string, decimalComma = false): number {
  const c0 = s.charCodeAt(0);
  // Text cells (the common non-number) leave here without touching a regular expression.
  if (!((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46 || c0 === 44)) return NaN;
  if (decimalComma) {
    const v = fastDecimal(s, 44);
    if (v === v) return v;
    if (GROUPED_DOTS.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
    if (COMMA_NUMBER.test(s)) return Number(s.replace(',', '.'));
    return DOT_NUMBER.test(s) ? Number(s) : NaN;
  }
  // V8's own conversion is the fastest on the substrings a tokenizer returns (measured: ~58 ns per
  // cell against ~75 for a char-code loop on sliced strings). It also accepts what a CSV number must
  // not be: '' (→ 0, never passed here), surrounding whitespace (trimmed before), 'Infinity' (not
  // finite, sorted out by the caller) and 0x / 0o / 0b literals, rejected here.
  const v = Number(s);
  if (v === v) {
    if (c0 === 48 && s.length > 2) {
      const c1 = s.charCodeAt(1) | 32;
      if (c1 === 120 || c1 === 111 || c1 === 98) return NaN; // 0x 0o 0b
    }
    return v;
  }
  return GROUPED_COMMAS.test(s) ? Number(s.replace(/,/g, '')) : NaN;
}

/**
 * Whether a (trimmed) text cell would be run as a formula by a spreadsheet program: it starts with
 * `=` (anything after it), or with `+`, `-` or `@` followed by a letter or `(` — e.g.
 * `=HYPERLINK("http://…","click")`, `@SUM(A1)`, `-cmd|…`. Only text cells are checked, so negative
 * numbers never match.
 *
 * @see OWASP, CSV Injection
 */
export function looksLikeFormula(s: string): boolean {
  if (s.length < 2) return false;
  const c0 = s.charCodeAt(0);
  if (c0 === 61) return true; // =
  if (c0 !== 43 && c0 !== 45 && c0 !== 64) return false; // + - @
  const c1 = s.charCodeAt(1);
  return c1 === 40 || (c1 >= 65 && c1 <= 90) || (c1 >= 97 && c1 <= 122);
}

/** The kinds `classifyCell` returns. */
export type CellKind = 'number' | 'missing' | 'infinite' | 'text';

/** What a raw cell holds, after trimming (for sniffers and tests; the builder inlines the same steps). */
export function classifyCell(raw: string, decimalComma = false): { kind: CellKind; value: number; text: string } {
  const s = raw.trim();
  if (s === '' || MISSING.has(s)) return { kind: 'missing', value: NaN, text: s };
  const v = parseNumber(s, decimalComma);
  if (Number.isFinite(v)) return { kind: 'number', value: v, text: s };
  if (v === Infinity || v === -Infinity || INFINITE.has(s)) return { kind: 'infinite', value: NaN, text: s };
  return { kind: 'text', value: NaN, text: s };
}

/**
 * Booleans: spellings (compared lower-cased) read as 1 and 0. Numbers 0 and 1 in any spelling
 * (`1.0`) count too, through their value.
 */
const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', 'off', '0']);

/** 1 / 0 for a boolean spelling (`TRUE`, `yes`, `n`, `1.0`, …), -1 for anything else. */
export function booleanValue(level: string): 1 | 0 | -1 {
  const s = level.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return 1;
  if (FALSE_WORDS.has(s)) return 0;
  const v = parseNumber(s);
  return v === 1 ? 1 : v === 0 ? 0 : -1;
}

/** Distinct strings sorted like numpy.unique: numerically when every one is a number, else by UTF-16 code unit. */
export function sortLikeNumpyUnique(values: Iterable<string>): string[] {
  const out = [...new Set(values)];
  const numeric = out.length > 0 && out.every((v) => Number.isFinite(parseNumber(v)));
  if (numeric) return out.sort((a, b) => parseNumber(a) - parseNumber(b) || (a < b ? -1 : a > b ? 1 : 0));
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A cell quoted for a message, cut to `max` characters. */
export function quoteCell(s: string, max = 40): string {
  return `'${s.length > max ? s.slice(0, max - 1) + '…' : s}'`;
}
