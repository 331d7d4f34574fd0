import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { TableDataError, type Table, type TableErrorCode } from '../../core/data/table/table';
import { createTableBuilder } from '../../core/data/table/tableBuilder';
import { CancelledError } from '../../core/errors';
import { parseCsv, type ParseCsvOptions } from './parseCsv';
import { checkBytes, detectLineEnding, firstInvalidUtf8 } from './sniff';

const col = (t: Table, name: string) => t.columns.find((c) => c.name === name)!;
const names = (t: Table) => t.columns.map((c) => c.name);

async function rejection(p: Promise<unknown>): Promise<TableDataError> {
  try {
    await p;
  } catch (e) {
    return e as TableDataError;
  }
  throw new Error('expected a rejection');
}

async function expectCode(p: Promise<unknown>, code: TableErrorCode, message: RegExp | string): Promise<void> {
  const e = await rejection(p);
  expect(e).toBeInstanceOf(TableDataError);
  expect(e.code).toBe(code);
  if (typeof message === 'string') expect(e.message).toContain(message);
  else expect(e.message).toMatch(message);
}

describe('parseCsv: dialects', () => {
  it('reads quoted delimiters, doubled quotes and line breaks inside quotes', async () => {
    const t = await parseCsv('name,comment,label\n"Smith, J.","said ""hi""\nand left",1\nDoe,plain,0\n');
    expect(t.rows).toBe(2);
    expect(col(t, 'name').levels).toEqual(['Smith, J.', 'Doe']);
    expect(col(t, 'comment').levels).toEqual(['said "hi"\nand left', 'plain']);
    expect(t.dialect).toEqual({ delimiter: ',', decimalComma: false, hadBom: false, lineEnding: 'lf', header: true });
  });

  it('reads CRLF, CR-only and a UTF-8 BOM', async () => {
    const crlf = await parseCsv('\uFEFFa,b\r\n1,2\r\n3,4\r\n');
    expect(names(crlf)).toEqual(['a', 'b']);
    expect(Array.from(col(crlf, 'b').numbers)).toEqual([2, 4]);
    expect(crlf.dialect).toMatchObject({ lineEnding: 'crlf', hadBom: true });
    const cr = await parseCsv('a,b\r1,2\r3,4');
    expect(cr.dialect.lineEnding).toBe('cr');
    expect(Array.from(col(cr, 'a').numbers)).toEqual([1, 3]);
  });

  it('reads mixed line endings as line breaks, with a note', async () => {
    const t = await parseCsv('a,b\r\n1,2\n3,4\r5,6\r\n');
    expect(t.rows).toBe(3);
    expect(Array.from(col(t, 'b').numbers)).toEqual([2, 4, 6]);
    expect(t.dialect.lineEnding).toBe('mixed');
    expect(t.notes).toContain('The file mixes line endings (\\r\\n, \\n and/or \\r); each one was read as the end of a row.');
  });

  it('detects ; with decimal commas', async () => {
    const t = await parseCsv('x;y;label\n1,5;-2,25;a\n3,0;1.234,5;b\n');
    expect(t.dialect).toMatchObject({ delimiter: ';', decimalComma: true });
    expect(Array.from(col(t, 'x').numbers)).toEqual([1.5, 3]);
    expect(Array.from(col(t, 'y').numbers)).toEqual([-2.25, 1234.5]);
    expect(t.notes).toEqual(["Delimiter detected: ';'.", "Decimal commas detected: numbers such as '1,5' are read as 1.5."]);
  });

  it('detects tabs and pipes', async () => {
    expect((await parseCsv('a\tb\n1\t2\n')).dialect.delimiter).toBe('\t');
    expect((await parseCsv('a|b\n1|2\n')).dialect.delimiter).toBe('|');
    expect((await parseCsv('a,b\n1,2\n', { delimiter: ';' })).columns).toHaveLength(1);
  });

  it('detects a missing header row and names the columns', async () => {
    const t = await parseCsv('5.1,3.5,setosa\n4.9,3.0,setosa\n');
    expect(names(t)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(t.rows).toBe(2);
    expect(t.notes[0]).toBe("No header row detected (the first row holds numbers such as '5.1'), so the columns are named column_1 … column_3. If the first row does name the columns, turn the header option on.");
    expect((await parseCsv('5.1,x\n4.9,y\n', { header: true })).rows).toBe(1);
  });

  it('notes a file without any delimiter as one column', async () => {
    const t = await parseCsv('label\na\nb\n');
    expect(t.columns).toHaveLength(1);
    expect(t.notes[0]).toMatch(/^No delimiter \(comma, semicolon, tab or '\|'\) was found/);
  });

  it('treats NaN, nan, NA, ?, null and empty as missing; Infinity as infinite', async () => {
    const t = await parseCsv('x,label\nNaN,a\nnan,b\nNA,a\n?,b\nnull,a\n,b\nInfinity,a\n1,b\n');
    expect(col(t, 'x')).toMatchObject({ missing: 7, infinite: 1, numeric: 1, nonNumeric: 0 });
  });

  it('keeps formula-like cells as text and says where they are', async () => {
    const t = await parseCsv('id,url,label\n1,"=HYPERLINK(""http://x.example"",""win"")",a\n2,ok,b\n');
    expect(col(t, 'url').levels![0]).toBe('=HYPERLINK("http://x.example","win")');
    expect(t.notes).toContain(
      `1 cell in column 'url' starts like a spreadsheet formula (e.g. '=HYPERLINK("http://x.example","win")'); it is kept as plain text and never evaluated. Take care when opening exported copies in a spreadsheet program.`,
    );
  });

  it('reads 10,000 columns when allowed, and refuses them by default', async () => {
    const header = Array.from({ length: 10_000 }, (_, j) => `c${j}`).join(',');
    const row = Array.from({ length: 10_000 }, (_, j) => String(j)).join(',');
    const text = `${header}\n${row}\n${row}\n`;
    const t = await parseCsv(text, { maxColumns: 20_000, chunkSize: 4096 });
    expect(t.columns).toHaveLength(10_000);
    expect(t.columns[9_999].numbers[1]).toBe(9_999);
    await expectCode(parseCsv(text), 'too-many-columns', 'The file has 10000 columns; at most 2000 can be loaded.');
  });
});

describe('parseCsv: errors', () => {
  it('refuses empty input and blank lines only', async () => {
    await expectCode(parseCsv(''), 'empty', 'The file is empty: a CSV needs a header row and at least one data row. Got 0 bytes instead.');
    await expectCode(parseCsv('\n\r\n  \n'), 'empty', 'Got only blank lines instead.');
    await expectCode(parseCsv(new Blob([])), 'empty', 'The file is empty');
  });

  it('refuses a header without rows', async () => {
    await expectCode(parseCsv('a,b,label\n'), 'header-only', "The file has a header row ('a', 'b', 'label') but no data rows. Add the data below the header and load it again. Got 0 data rows instead.");
  });

  it('refuses ragged rows with extra values', async () => {
    await expectCode(parseCsv('a,b\n1,2\n3,4,5\n'), 'ragged-row', "Row 2 (line 3 of the file, if no cell spans several lines) has 3 fields but the header has 2");
  });

  it('refuses an unclosed quote, naming the line', async () => {
    await expectCode(parseCsv('a,b\n1,2\n"3,4\n5,6\n'), 'unclosed-quote', /^A quoted cell that starts on line 3 of the file .* is never closed/);
  });

  it('refuses a malformed quoted cell', async () => {
    await expectCode(parseCsv('a,b\n"x"y,2\n'), 'malformed-quote', /^Line 2 of the file .* has a malformed quoted cell/);
  });

  it('refuses input over maxBytes before reading it, with the sizes for the UI', async () => {
    const e = await rejection(parseCsv('a,b\n1,2\n', { maxBytes: 4 }));
    expect(e.code).toBe('too-large');
    expect(e.detail).toEqual({ bytes: 8, maxBytes: 4 });
    expect(e.message).toBe(
      'The file is 8 bytes, more than the 4 bytes that can be loaded whole here. Load a stratified sample of its rows instead (every class keeps its share, and rare classes keep at least a minimum), or use the command-line tool for the whole file. Got 8 bytes instead.',
    );
  });

  it('refuses binary data, UTF-16 and text that is not UTF-8', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 1, 2, 3]);
    await expectCode(parseCsv(new Blob([zip])), 'binary', 'This does not look like a text CSV file: its first 13 bytes contain 4 NUL bytes and it starts like an Excel .xlsx workbook or another zip archive.');
    await expectCode(parseCsv('a,b\u0000\u0001'), 'binary', 'does not look like a text CSV file');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]);
    await expectCode(parseCsv(new Blob([utf16])), 'utf16', 'The file is UTF-16 text');
    const latin1 = new Uint8Array([...new TextEncoder().encode('name,label\nJos'), 0xe9, ...new TextEncoder().encode(',1\nAnn,0\n')]);
    await expectCode(parseCsv(new Blob([latin1])), 'not-utf8', "The file is not UTF-8 text: byte 0xE9 at offset 14 (line 2) is not valid UTF-8 (it was probably saved as Latin-1 or Windows-1252, where 0xE9 is 'é').");
    await expectCode(parseCsv('name,label\nJos\uFFFD,1\n'), 'not-utf8', 'character 14 (line 2) is U+FFFD');
  });

  it('rejects a bad delimiter option', async () => {
    await expect(parseCsv('a', { delimiter: '"' })).rejects.toThrow(/delimiter must be 'auto' or a non-empty string/);
  });
});

describe('parseCsv: streaming', () => {
  const text = 'id,x,city,label\n' + Array.from({ length: 500 }, (_, i) => `${i},${(i * 0.37).toFixed(3)},"C${i % 7}, FR",${i % 9 === 0 ? 'yes' : 'no'}`).join('\n') + '\n';

  it('gives the same table for every chunk size, from a string or a Blob', async () => {
    const whole = await parseCsv(text);
    expect(whole.rows).toBe(500);
    for (const chunkSize of [16, 17, 100, 4096]) {
      expect(await parseCsv(text, { chunkSize })).toEqual(whole);
      expect(await parseCsv(new Blob([text]), { chunkSize })).toEqual(whole);
    }
  });

  it('gives the same table when chunks are large and when a row is longer than 64 KiB', async () => {
    const many = 'a,b,label\n' + Array.from({ length: 40_000 }, (_, i) => `${i * 0.5},"t${i % 11}",${i % 3}`).join('\n') + '\n';
    const whole = await parseCsv(many, { chunkSize: 16 << 20 });
    for (const chunkSize of [70_000, 200_001]) expect(await parseCsv(new Blob([many]), { chunkSize })).toEqual(whole);
    const long = 'a,b,label\n' + Array.from({ length: 12 }, (_, i) => `${i},"${'x'.repeat(100_000)}${i}",${i % 2}`).join('\n') + '\n';
    const wholeLong = await parseCsv(long, { chunkSize: 16 << 20 });
    expect(wholeLong.rows).toBe(12);
    for (const chunkSize of [65_536, 150_000]) expect(await parseCsv(long, { chunkSize })).toEqual(wholeLong);
  });

  it('decodes multi-byte characters cut by a chunk boundary', async () => {
    const t = 'name,label\n' + Array.from({ length: 50 }, (_, i) => `Zoë-${i}-中文-🙂,${i % 2}`).join('\n');
    const expected = await parseCsv(t);
    for (const chunkSize of [16, 17, 18, 19]) expect(await parseCsv(new Blob([t]), { chunkSize })).toEqual(expected);
  });

  it('reports progress up to 1 and stops at maxRows', async () => {
    const seen: [number, number][] = [];
    const t = await parseCsv(new Blob([text]), { chunkSize: 1024, onProgress: (f, r) => seen.push([f, r]) });
    expect(seen.length).toBeGreaterThan(5);
    for (let k = 1; k < seen.length; k++) {
      expect(seen[k][0]).toBeGreaterThanOrEqual(seen[k - 1][0]);
      expect(seen[k][1]).toBeGreaterThanOrEqual(seen[k - 1][1]);
    }
    expect(seen.at(-1)).toEqual([1, t.rows]);
    const cut = await parseCsv(text, { maxRows: 42, chunkSize: 256 });
    expect(cut.rows).toBe(42);
    expect(cut.truncated).toBe(true);
    expect(cut.notes.at(-1)).toBe('Only the first 42 rows were loaded (the row limit); the rest of the file was not read.');
  });

  it('cancels through the AbortSignal', async () => {
    const controller = new AbortController();
    const p = parseCsv(text, {
      chunkSize: 256,
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0.3) controller.abort();
      },
    });
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    const aborted = new AbortController();
    aborted.abort();
    await expect(parseCsv(new Blob([text]), { signal: aborted.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});

/** Rows as the CSV would hold them, serialised with RFC 4180 quoting. */
function toCsv(rows: string[][], delimiter: string, newline: string, quote: boolean[]): string {
  return rows
    .map((r, i) =>
      r
        .map((c, j) => {
          const must = /["\r\n]/.test(c) || c.includes(delimiter) || /^\s|\s$/.test(c);
          return must || quote[(i * 5 + j) % quote.length] ? `"${c.replace(/"/g, '""')}"` : c;
        })
        .join(delimiter),
    )
    .join(newline);
}

describe('parseCsv against papaparse', () => {
  const cell = fc.oneof(
    fc.double({ noNaN: true }).map(String),
    fc.integer({ min: -999, max: 999 }).map(String),
    fc.constantFrom('007', '1,5', '-0,25', '1e5', 'NaN', 'NA', '', 'inf', 'yes', 'no', '=A1'),
    fc.string({ unit: fc.constantFrom('a', 'ü', '中', '"', ',', ';', '\n', '\r', '1', '.', ' '), maxLength: 5 }),
  );

  it('builds the table that papaparse rows fed to the builder give, for any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }).chain((k) => fc.array(fc.array(cell, { minLength: k, maxLength: k }), { minLength: 1, maxLength: 30 })),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 16, max: 300 }),
        async (rows, delimiter, newline, quote, chunkSize) => {
          const header = rows[0].map((_, j) => `h${j}`);
          const text = toCsv([header, ...rows], delimiter, newline, quote) + newline;
          const opts: ParseCsvOptions = { delimiter, header: true, decimalComma: false, chunkSize };
          const ours = await parseCsv(text, opts);
          const papa = Papa.parse<string[]>(text, { delimiter, newline });
          const b = createTableBuilder({ header: true, delimiter, lineEnding: newline === '\n' ? 'lf' : 'crlf' });
          b.addRows(papa.data);
          const expected = b.finish();
          expect(ours.columns).toEqual(expected.columns);
          expect(ours.rows).toBe(expected.rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sniff', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('héllo 🙂'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe9, 0x62]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(-1); // cut by the chunk end
  });

  it('tells the line-ending style', () => {
    expect(detectLineEnding('a\nb\n')).toBe('lf');
    expect(detectLineEnding('a\r\nb\r\n')).toBe('crlf');
    expect(detectLineEnding('a\rb\rc')).toBe('cr');
    expect(detectLineEnding('a\r\nb\r')).toBe('crlf'); // the sample may end between \r and \n
    expect(detectLineEnding('"x\ry"\nb\n')).toBe('lf'); // a line break in a quoted cell is data
    expect(detectLineEnding('a\r\nb\nc')).toBe('mixed');
    expect(detectLineEnding('abc')).toBe('none');
  });

  it('accepts plain text and UTF-8, refuses NUL bytes', () => {
    expect(() => checkBytes(new TextEncoder().encode('a,b\n1,2\nZoë,3\n'))).not.toThrow();
    expect(() => checkBytes(new Uint8Array([0x61, 0x00, 0x62]))).toThrow(/does not look like a text CSV file/);
  });
});
