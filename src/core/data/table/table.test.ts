import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../errors';
import { MAX_LEVELS, TableDataError, type Table } from './table';
import { createTableBuilder, detectDecimalComma, detectHeader, type TableBuilderOptions } from './tableBuilder';

function build(rows: string[][], opts: Partial<TableBuilderOptions> = {}): Table {
  const b = createTableBuilder({ header: true, ...opts });
  b.addRows(rows);
  return b.finish();
}

const col = (t: Table, name: string) => t.columns.find((c) => c.name === name)!;

describe('createTableBuilder', () => {
  it('reads numbers, text and missing cells into typed columns', () => {
    const t = build([
      ['x', 'city', 'flag'],
      ['1.5', 'Paris', 'yes'],
      [' 2 ', ' Lyon ', 'no'],
      ['', 'NA', 'yes'],
      ['nan', 'Paris', '?'],
    ]);
    expect(t.rows).toBe(4);
    const x = col(t, 'x');
    expect(Array.from(x.numbers)).toEqual([1.5, 2, NaN, NaN]);
    expect(x).toMatchObject({ missing: 2, numeric: 2, integers: 1, nonNumeric: 0, distinctCapped: 2, levels: ['1.5', '2'] });
    const city = col(t, 'city');
    expect(city.levels).toEqual(['Paris', 'Lyon']);
    expect(Array.from(city.codes!)).toEqual([0, 1, -1, 0]);
    expect(city.levelCounts).toEqual([2, 1]);
    expect(city).toMatchObject({ missing: 1, nonNumeric: 3, distinctTextEstimate: 2, textExamples: ['Paris', 'Lyon'] });
    expect(col(t, 'flag').missing).toBe(1);
    expect(t.notes).toEqual([]);
  });

  it('names the columns column_1… without a header', () => {
    const t = build([['1', 'a'], ['2', 'b']], { header: false });
    expect(t.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(t.rows).toBe(2);
  });

  it('makes empty and duplicate header names unique, with notes', () => {
    const t = build([['\uFEFFid', 'a', 'a', '', 'a_2', 'a'], ['1', '2', '3', '4', '5', '6']]);
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'a', 'a_3', 'column_4', 'a_2', 'a_4']);
    expect(t.notes).toContain("1 column has no name in the header row; they are called 'column_4'.");
    expect(t.notes).toContain("Duplicate column names were made unique: 'a' (3×) → 'a', 'a_3', 'a_4'.");
  });

  it('keeps unicode names as they are', () => {
    const t = build([['température °C', '名前', 'ß'], ['1', 'a', 'b']]);
    expect(t.columns.map((c) => c.name)).toEqual(['température °C', '名前', 'ß']);
  });

  it('reads decimal commas when told, and says so', () => {
    const t = build([['a', 'b'], ['1,5', '2'], ['-0,25', '1.234,5']], { decimalComma: true, delimiter: ';' });
    expect(Array.from(col(t, 'a').numbers)).toEqual([1.5, -0.25]);
    expect(Array.from(col(t, 'b').numbers)).toEqual([2, 1234.5]);
    expect(t.notes).toContain("Decimal commas detected: numbers such as '1,5' are read as 1.5.");
    expect(t.dialect).toMatchObject({ delimiter: ';', decimalComma: true });
  });

  it('counts infinite values as missing and notes them', () => {
    const t = build([['a', 'b'], ['inf', '1'], ['-Infinity', '1e999'], ['3', '2']]);
    expect(col(t, 'a')).toMatchObject({ missing: 2, infinite: 2, numeric: 1 });
    expect(col(t, 'b')).toMatchObject({ missing: 1, infinite: 1, numeric: 2 });
    expect(Array.from(col(t, 'a').numbers)).toEqual([NaN, NaN, 3]);
    expect(t.notes).toContain("3 infinite values (e.g. 'inf') in columns 'a', 'b' are treated as missing.");
  });

  it('keeps formula-like cells as text, counts them and names their columns', () => {
    const t = build([
      ['name', 'link', 'n'],
      ['a', '=HYPERLINK("http://evil.example","click")', '-1'],
      ['@SUM(A1)', 'ok', '+2'],
      ['b', '-cmd|x', '3'],
    ]);
    expect(col(t, 'link')).toMatchObject({ formulaCells: 2, nonNumeric: 3 });
    expect(col(t, 'name').formulaCells).toBe(1);
    expect(col(t, 'n')).toMatchObject({ formulaCells: 0, numeric: 3 });
    expect(col(t, 'link').levels![0]).toBe('=HYPERLINK("http://evil.example","click")');
    expect(t.notes).toContain(
      `3 cells in columns 'name', 'link' start like a spreadsheet formula (e.g. '@SUM(A1)'); they are kept as plain text and never evaluated. Take care when opening exported copies in a spreadsheet program.`,
    );
  });

  it('pads short rows with empty cells and notes them', () => {
    const t = build([['a', 'b', 'c'], ['1', '2', '3'], ['4', '5'], ['6']]);
    expect(Array.from(col(t, 'c').numbers)).toEqual([3, NaN, NaN]);
    expect(t.notes).toContain('2 rows have fewer fields than the header (first: row 2); the missing fields were read as empty cells.');
  });

  it('drops extra empty fields (trailing delimiters) and notes them', () => {
    const t = build([['a', 'b'], ['1', '2', ''], ['3', '4', ' ', '']]);
    expect(t.rows).toBe(2);
    expect(t.notes).toContain('2 rows end with extra empty fields (trailing delimiters); they were ignored.');
  });

  it('refuses a row with extra values: its cells cannot be matched to columns', () => {
    const b = createTableBuilder({ header: true, delimiter: ',' });
    expect(() => b.addRows([['a', 'b'], ['1', '2'], ['3', '4', '5']])).toThrow(
      "Row 2 (line 3 of the file, if no cell spans several lines) has 3 fields but the header has 2, so its values cannot be matched to columns. This usually means a cell contains the delimiter ',' without quotes around it: quote that cell or fix the row. Got '3,4,5' instead.",
    );
    try {
      createTableBuilder({ header: true }).addRows([['a'], ['1', '2']]);
    } catch (e) {
      expect(e).toBeInstanceOf(TableDataError);
      expect(e).toBeInstanceOf(DataError);
      expect((e as TableDataError).code).toBe('ragged-row');
    }
  });

  it('skips blank lines', () => {
    const t = build([['a', 'b'], [''], ['1', '2'], ['  '], ['3', '4']]);
    expect(t.rows).toBe(2);
  });

  it('stops at maxRows and says the file was cut', () => {
    const b = createTableBuilder({ header: true, maxRows: 2 });
    b.addRows([['a'], ['1'], ['2']]);
    expect(b.truncated).toBe(false);
    b.addRows([['3'], ['4']]);
    expect(b.truncated).toBe(true);
    const t = b.finish();
    expect(t.rows).toBe(2);
    expect(t.truncated).toBe(true);
    expect(t.notes).toContain('Only the first 2 rows were loaded (the row limit); the rest of the file was not read.');
  });

  it('refuses more columns than maxColumns', () => {
    const header = Array.from({ length: 10_000 }, (_, j) => `c${j}`);
    const b = createTableBuilder({ header: true, maxColumns: 2000 });
    expect(() => b.addRows([header])).toThrow(/The file has 10000 columns; at most 2000 can be loaded\. .* Got 10000 columns instead\./);
  });

  it('handles 10,000 columns', () => {
    const header = Array.from({ length: 10_000 }, (_, j) => `c${j}`);
    const rows = Array.from({ length: 5 }, (_, i) => header.map((_, j) => String(i * j)));
    const t = build([header, ...rows]);
    expect(t.columns).toHaveLength(10_000);
    expect(t.columns[9999].numbers[4]).toBe(4 * 9999);
  });

  it('keeps codes up to MAX_LEVELS distinct values, then drops them', () => {
    const rows = Array.from({ length: MAX_LEVELS + 5 }, (_, i) => [`id${i}`, `${i % 7}`]);
    const t = build([['id', 'k'], ...rows]);
    expect(col(t, 'id')).toMatchObject({ codes: null, levels: null, levelCounts: null, distinctCapped: MAX_LEVELS + 1 });
    expect(col(t, 'id').distinctTextEstimate).toBeGreaterThan(0.9 * (MAX_LEVELS + 5));
    expect(col(t, 'id').distinctTextEstimate).toBeLessThan(1.1 * (MAX_LEVELS + 5));
    expect(col(t, 'k').levels).toHaveLength(7);
  });

  it('estimates distinct text within a few percent for large columns', () => {
    const b = createTableBuilder({ header: true });
    b.addRows([['id', 'few']]);
    for (let k = 0; k < 50; k++) b.addRows(Array.from({ length: 1000 }, (_, i) => [`user-${k * 1000 + i}`, `g${(k * 1000 + i) % 3000}`]));
    const t = b.finish();
    expect(Math.abs(col(t, 'id').distinctTextEstimate / 50_000 - 1)).toBeLessThan(0.15);
    expect(Math.abs(col(t, 'few').distinctTextEstimate / 3000 - 1)).toBeLessThan(0.15);
  });

  it('gives the same table whatever the batch sizes and capacity hints', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ noNaN: true }), fc.constantFrom('a', 'b', '', 'NA')), { minLength: 1, maxLength: 300 }), fc.nat(50), fc.option(fc.nat(400)), (data, batch, hint) => {
        const rows = data.map(([x, s]) => [String(x), s]);
        const whole = build([['x', 's'], ...rows]);
        const b = createTableBuilder({ header: true, expectedRows: hint ?? undefined });
        b.addRows([['x', 's']]);
        for (let k = 0; k < rows.length; k += batch + 1) b.addRows(rows.slice(k, k + batch + 1));
        expect(b.finish()).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});

/** CSV text of `rows` (RFC 4180: quote cells that need it, and some that do not). */
function toCsv(rows: string[][], delimiter: string, newline: string, quoteAll: boolean[]): string {
  return rows
    .map((r, i) =>
      r
        .map((c, j) => {
          const must = c.includes('"') || c.includes(delimiter) || c.includes('\r') || c.includes('\n');
          return must || quoteAll[(i * 7 + j) % quoteAll.length] ? `"${c.replace(/"/g, '""')}"` : c;
        })
        .join(delimiter),
    )
    .join(newline);
}

const cellArb = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom('007', '-0', '1.', '.5', '+3', '1e5', '-1.5E-3', '12345678901234567', '0.1234567890123456789', 'NaN', 'inf', '?', '', ' ', ' 1 '),
  fc.string({ unit: fc.constantFrom('a', 'b', 'é', '中', ' ', '"', ',', ';', '\n', '\r', '1', '.', '-', '=', '\t'), maxLength: 6 }),
);

describe('addText (the fast lane)', () => {
  it('builds exactly the table addRows builds from the same cells, however the text is cut', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((k) => fc.array(fc.array(cellArb, { minLength: k, maxLength: k }), { minLength: 1, maxLength: 25 })),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(400), { maxLength: 6 }),
        fc.boolean(),
        (rows, delimiter, newline, quoteAll, cuts, trailingNewline) => {
          const k = rows[0].length;
          // A bare \r or \n in an unquoted cell is a line break: the generator quotes such cells.
          const header = Array.from({ length: k }, (_, j) => `h${j}`);
          const lineEnding = newline === '\n' ? 'lf' : newline === '\r\n' ? 'crlf' : 'cr';
          const opts = { header: true, delimiter, lineEnding } as const;
          const reference = createTableBuilder(opts);
          reference.addRows([header, ...rows]);
          const expected = reference.finish();

          const text = toCsv(rows, delimiter, newline, quoteAll) + (trailingNewline ? newline : '');
          const fast = createTableBuilder(opts);
          fast.addRows([header]);
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          let pending = '';
          let from = 0;
          for (const to of [...points, text.length]) {
            const input = pending + text.slice(from, to);
            const r = fast.addText(input, 0, to === text.length);
            expect(r.stopped).not.toBe('bail');
            pending = input.slice(r.next);
            from = to;
          }
          expect(pending).toBe('');
          expect(fast.finish()).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves malformed quoting and unclosed quotes to the general tokenizer', () => {
    const b = createTableBuilder({ header: true, delimiter: ',', lineEnding: 'lf' });
    b.addRows([['a', 'b']]);
    expect(b.addText('1,2\n"x"y,3\n', 0, true)).toEqual({ next: 4, stopped: 'bail' });
    expect(b.rows).toBe(1);
    expect(b.addText('"open,3\n4,5\n', 0, false)).toEqual({ next: 0, stopped: 'incomplete' });
    expect(b.addText('"open,3\n4,5\n', 0, true)).toEqual({ next: 0, stopped: 'bail' });
    expect(createTableBuilder({ header: true }).addText('1,2\n', 0, true).stopped).toBe('bail'); // no header yet
  });

  it('reports ragged rows the way addRows does', () => {
    const b = createTableBuilder({ header: true, delimiter: ',', lineEnding: 'lf' });
    b.addRows([['a', 'b']]);
    b.addText('1\n2,3,\n', 0, false);
    expect(() => b.addText('4,5,6\n', 0, true)).toThrow(/Row 3 \(line 4 of the file.*has 3 fields but the header has 2.*Got '4,5,6' instead\./);
  });

  it('stops at maxRows', () => {
    const b = createTableBuilder({ header: true, delimiter: ',', lineEnding: 'lf', maxRows: 2 });
    b.addRows([['a']]);
    expect(b.addText('1\n2\n3\n4\n', 0, false)).toEqual({ next: 4, stopped: 'end' });
    expect(b.truncated).toBe(true);
    expect(b.finish().rows).toBe(2);
  });
});

describe('detectDecimalComma', () => {
  it('finds decimal commas in ;-separated rows', () => {
    expect(detectDecimalComma([['a', 'b'], ['1,5', '2'], ['3,25', '1.234,5']], ';')).toBe(true);
    expect(detectDecimalComma([['a', 'b'], ['1.5', '2'], ['3.25', '4']], ';')).toBe(false);
    expect(detectDecimalComma([['a'], ['1,5']], ',')).toBe(false);
    expect(detectDecimalComma([['a', 'b'], ['x', '2']], '\t')).toBe(false);
  });
});

describe('detectHeader', () => {
  it('takes a first row without numbers as the header', () => {
    expect(detectHeader([['a', 'b'], ['1', '2']])).toBe(true);
    expect(detectHeader([['a', 'b'], ['x', 'y']])).toBe(true);
    expect(detectHeader([['5.1', 'setosa'], ['4.9', 'setosa']])).toBe(false);
    expect(detectHeader([['1,5', 'x']], true)).toBe(false);
    expect(detectHeader([])).toBe(true);
  });
});
