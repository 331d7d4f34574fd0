import { describe, expect, it } from 'vitest';
import { createCsvApi } from './csvApi';

describe('CSV worker API', () => {
  const lines = ['x,y,label'];
  for (let i = 0; i < 5000; i++) lines.push(`${i % 13},${(i * 7) % 17},${i % 250 === 0 ? 'rare' : 'common'}`);
  const blob = new Blob([lines.join('\n')]);

  it('parses a Blob whole, reporting progress', async () => {
    const seen: number[] = [];
    const table = await createCsvApi().parse(blob, {}, (p) => seen.push(p.fraction));
    expect(table.rows).toBe(5000);
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'y', 'label']);
    expect(seen.at(-1)).toBe(1);
  });

  it('loads a stratified sample of a file too large to hold, guessing the target from the first rows', async () => {
    const table = await createCsvApi().parse(blob, { sample: { maxRows: 1000, seed: 3 } });
    expect(table.rows).toBe(1000);
    const label = table.columns.find((c) => c.name === 'label')!;
    const rare = label.levels!.indexOf('rare');
    // Every one of the 20 rare rows is kept (rare classes keep at least min(size, 500) rows).
    expect(label.levelCounts![rare]).toBe(20);
    expect(table.notes.join(' ')).toMatch(/A stratified sample of 1000 of the file's 5000 rows was loaded \(seed 3\)/);
  });
});
