/**
 * One column of the table being built: parsed numbers, dictionary codes while the column has at
 * most MAX_LEVELS distinct values, and the counts schema inference needs (missing, infinite,
 * integers, leading zeros, text, formulas, a distinct-count sketch). Used by the TableBuilder.
 */
import { INFINITY_TOKENS, MISSING_TOKENS, looksLikeFormula, parseNumber } from './cells';
import { MAX_LEVELS, type TableColumn } from './table';

/**
 * k-minimum-values distinct-count sketch over 32-bit string hashes: keeps the K smallest distinct
 * hashes; with h_K the largest of them as a fraction of 2^32, distinct ≈ (K − 1) / h_K (standard
 * error ≈ 1/√K ≈ 4.4 %). Used to tell an identifier column (every value different) from a
 * high-cardinality category without keeping every string.
 *
 * @see Bar-Yossef, Jayram, Kumar, Sivakumar & Trevisan 2002, Counting distinct elements in a data stream, RANDOM
 */
const SKETCH_K = 512;
class DistinctSketch {
  private readonly h = new Float64Array(SKETCH_K);
  private size = 0;

  add(s: string): void {
    let x = 2166136261;
    for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619);
    // murmur3 finaliser: FNV-1a alone leaves the low bits of short strings poorly mixed.
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    const v = (x ^ (x >>> 16)) >>> 0;
    const h = this.h;
    let n = this.size;
    if (n === SKETCH_K && v >= h[n - 1]) return;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (h[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && h[lo] === v) return;
    if (n === SKETCH_K) n--;
    h.copyWithin(lo + 1, lo, n);
    h[lo] = v;
    this.size = n + 1;
  }

  estimate(): number {
    if (this.size < SKETCH_K) return this.size;
    return Math.round((SKETCH_K - 1) / ((this.h[SKETCH_K - 1] + 1) / 4294967296));
  }
}

/** Accumulates one column. Kept monomorphic: every cell of the file goes through `push`. */
export class ColumnAccumulator {
  numbers: Float64Array;
  codes: Int32Array | null;
  dict: Map<string, number> | null = new Map();
  levels: string[] | null = [];
  levelCounts: number[] | null = [];
  missing = 0;
  infinite = 0;
  numeric = 0;
  integers = 0;
  leadingZeros = 0;
  nonNumeric = 0;
  formulaCells = 0;
  formulaExample = '';
  infiniteExample = '';
  commaExample = '';
  textExamples: string[] = [];
  readonly sketch = new DistinctSketch();

  constructor(
    public name: string,
    capacity: number,
  ) {
    this.numbers = new Float64Array(capacity);
    // Codes start small and grow on their own: most numeric columns pass MAX_LEVELS distinct values
    // within a few thousand rows and drop them, so sizing them for the whole file would waste memory.
    this.codes = new Int32Array(Math.min(capacity, 4096));
  }

  resize(capacity: number, rows: number): void {
    const numbers = new Float64Array(capacity);
    numbers.set(this.numbers.subarray(0, rows));
    this.numbers = numbers;
  }

  /** Room for codes[i] (amortised ×2 growth, capped at the numbers' capacity). */
  private growCodes(i: number): Int32Array {
    const old = this.codes!;
    const codes = new Int32Array(Math.min(Math.max(i + 1, old.length * 2), Math.max(i + 1, this.numbers.length)));
    codes.set(old);
    return (this.codes = codes);
  }

  private missingCode(i: number): void {
    const codes = this.codes!;
    if (i < codes.length) codes[i] = -1;
    else this.growCodes(i)[i] = -1;
  }

  push(i: number, raw: string, decimalComma: boolean): void {
    let s = raw;
    let n = s.length;
    if (n !== 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32)) {
      s = s.trim();
      n = s.length;
    }
    if (n === 0) {
      this.numbers[i] = NaN;
      this.missing++;
      if (this.dict !== null) this.missingCode(i);
      return;
    }
    const v = parseNumber(s, decimalComma);
    if (v - v === 0) {
      // finite
      this.numbers[i] = v;
      this.numeric++;
      if (Math.floor(v) === v) {
        this.integers++;
        const c0 = s.charCodeAt(0) === 45 || s.charCodeAt(0) === 43 ? 1 : 0;
        if (s.charCodeAt(c0) === 48 && n > c0 + 1) {
          const c1 = s.charCodeAt(c0 + 1);
          if (c1 >= 48 && c1 <= 57) this.leadingZeros++;
        }
      }
      if (decimalComma && this.commaExample === '' && s.indexOf(',') >= 0) this.commaExample = s;
      if (this.dict !== null) this.code(i, s);
      return;
    }
    this.numbers[i] = NaN;
    if (v === Infinity || v === -Infinity || INFINITE_SET.has(s)) {
      this.missing++;
      this.infinite++;
      if (this.infiniteExample === '') this.infiniteExample = s;
      if (this.dict !== null) this.missingCode(i);
      return;
    }
    if (MISSING_SET.has(s)) {
      this.missing++;
      if (this.dict !== null) this.missingCode(i);
      return;
    }
    this.nonNumeric++;
    this.sketch.add(s);
    if (looksLikeFormula(s)) {
      this.formulaCells++;
      if (this.formulaExample === '') this.formulaExample = s;
    }
    if (this.textExamples.length < 3 && !this.textExamples.includes(s)) this.textExamples.push(s);
    if (this.dict !== null) this.code(i, s);
  }

  /**
   * A finite number the fast lane parsed straight from the text (no trimming needed: a cell with
   * spaces takes `push`). `text.slice(a, b)` is the cell; it is only cut when the column still keeps
   * codes (or for the decimal-comma note).
   */
  pushNumber(i: number, v: number, leadingZero: boolean, text: string, a: number, b: number, decimalComma: boolean): void {
    this.numbers[i] = v;
    this.numeric++;
    if (Math.floor(v) === v) {
      this.integers++;
      if (leadingZero) this.leadingZeros++;
    }
    if (decimalComma && this.commaExample === '') {
      const s = text.slice(a, b);
      if (s.indexOf(',') >= 0) this.commaExample = s;
    }
    if (this.dict !== null) this.code(i, text.slice(a, b));
  }

  /** Dictionary code of a present cell. */
  private code(i: number, s: string): void {
    const dict = this.dict!;
    let code = dict.get(s);
    if (code === undefined) {
      code = dict.size;
      if (code >= MAX_LEVELS) {
        this.overflow();
        return;
      }
      dict.set(s, code);
      this.levels!.push(s);
      this.levelCounts!.push(1);
    } else this.levelCounts![code]++;
    const codes = this.codes!;
    if (i < codes.length) codes[i] = code;
    else this.growCodes(i)[i] = code;
  }

  /** More than MAX_LEVELS distinct values: drop the dictionary (and its memory). */
  private overflow(): void {
    this.dict = null;
    this.codes = null;
    this.levels = null;
    this.levelCounts = null;
  }

  finish(rows: number): TableColumn {
    // Up to 5 % spare capacity stays behind a view instead of being copied: copying every column at
    // the end would hold the table twice until the next GC.
    const trim = <T extends Float64Array | Int32Array>(a: T): T => (a.length === rows ? a : a.length <= rows * 1.05 + 64 ? (a.subarray(0, rows) as T) : (a.slice(0, rows) as T));
    return {
      name: this.name,
      numbers: trim(this.numbers),
      codes: this.codes ? trim(this.codes) : null,
      levels: this.levels,
      levelCounts: this.levelCounts,
      missing: this.missing,
      infinite: this.infinite,
      numeric: this.numeric,
      integers: this.integers,
      leadingZeros: this.leadingZeros,
      nonNumeric: this.nonNumeric,
      distinctCapped: this.levels ? this.levels.length : MAX_LEVELS + 1,
      distinctTextEstimate: this.levels ? this.levels.length - countNumericLevels(this.levels, this.nonNumeric) : this.sketch.estimate(),
      formulaCells: this.formulaCells,
      textExamples: this.textExamples,
    };
  }
}

const MISSING_SET = new Set(MISSING_TOKENS);
const INFINITE_SET = new Set(INFINITY_TOKENS);

/** Levels that are numbers (so distinct text = levels − these); skips the scan for all-text columns. */
function countNumericLevels(levels: string[], nonNumeric: number): number {
  if (nonNumeric === 0) return levels.length;
  let k = 0;
  for (const l of levels) if (Number.isFinite(parseNumber(l))) k++;
  return k;
}
