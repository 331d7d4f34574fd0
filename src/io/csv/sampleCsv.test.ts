import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors';
import type { Table } from '../../core/data/table/table';
import { parseCsv } from './parseCsv';
import { parseCsvStratifiedSample } from './sampleCsv';

/** Cell values of column `name`: numbers for a numeric column, else the decoded text. */
function values(t: Table, name: string): (string | number)[] {
  const c = t.columns.find((x) => x.name === name)!;
  const numeric = c.nonNumeric === 0 && c.numeric > 0;
  return Array.from({ length: t.rows }, (_, i) => (numeric ? c.numbers[i] : c.codes![i] < 0 ? '' : c.levels![c.codes![i]]));
}

// 2,000 rows, 20 of class 'fraud' (1 %), a blank line and a quoted cell now and then.
const text =
  'amount,merchant,label\n' +
  Array.from({ length: 2000 }, (_, i) => `${(i * 1.25).toFixed(2)},${i % 50 === 0 ? '"shop, inc"' : `s${i % 13}`},${i % 100 === 7 ? 'fraud' : 'ok'}${i === 500 ? '\n' : ''}`).join('\n') +
  '\n';

describe('keepRows and onlyColumns', () => {
  it('keeps exactly the asked rows and columns, on every path', async () => {
    const full = await parseCsv(text);
    const keep = Int32Array.from([0, 7, 500, 501, 1999]);
    for (const chunkSize of [64, 1000, 1 << 20]) {
      const part = await parseCsv(text, { keepRows: keep, chunkSize });
      expect(part.rows).toBe(5);
      for (const name of ['amount', 'merchant', 'label']) expect(values(part, name)).toEqual(Array.from(keep, (r) => values(full, name)[r]));
      const labelOnly = await parseCsv(text, { onlyColumns: ['label'], chunkSize });
      expect(labelOnly.columns.map((c) => c.name)).toEqual(['label']);
      expect(values(labelOnly, 'label')).toEqual(values(full, 'label'));
    }
    await expect(parseCsv(text, { onlyColumns: ['nope'] })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('parseCsvStratifiedSample', () => {
  it('keeps every rare row, samples the rest, says so, and is reproducible', async () => {
    const progress: number[] = [];
    const t = await parseCsvStratifiedSample(new Blob([text]), { target: 'label', maxRows: 300, seed: 3, minPerClass: 50, chunkSize: 4096, onProgress: (f) => progress.push(f) });
    expect(t.rows).toBe(300);
    const labels = values(t, 'label');
    expect(labels.filter((l) => l === 'fraud')).toHaveLength(20);
    expect(t.notes.at(-1)).toBe(
      "A stratified sample of 300 of the file's 2000 rows was loaded (seed 3): each class keeps its share of the rows, but at least 50 rows (or all it has), so rare classes are over-represented compared with the file ('fraud': 20 of 20 rows kept).",
    );
    expect(progress.at(-1)).toBe(1);
    expect(Math.max(...progress.slice(0, progress.indexOf(0.5) + 1))).toBeLessThanOrEqual(0.5);
    const again = await parseCsvStratifiedSample(text, { target: 'label', maxRows: 300, seed: 3, minPerClass: 50 });
    expect(values(again, 'amount')).toEqual(values(t, 'amount'));
  });

  it('loads the whole file when it is small enough', async () => {
    const t = await parseCsvStratifiedSample(text, { target: 'label', maxRows: 5000, seed: 1 });
    expect(t.rows).toBe(2000);
    expect(t.notes.some((n) => n.startsWith('A stratified sample'))).toBe(false);
  });
});
