import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, findBuiltin, imbalanceRatio } from './builtins';

const dir = new URL('../../../public/datasets/', import.meta.url).pathname;
const index = JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as {
  datasets: { file: string; rows: number; features: number | string; class_counts: Record<string, number>; imbalance_ratio: number }[];
};

function indexEntry(file: string) {
  const key = file.endsWith('.zip') ? `${file.replace(/\.zip$/, '')}/` : file;
  const entry = index.datasets.find((d) => d.file === key);
  if (!entry) throw new Error(`${key} is not in index.json`);
  return entry;
}

/** Class counts of the last column of a shipped CSV (the files have no quoted commas in labels). */
function csvCounts(file: string): { rows: number; columns: number; counts: Record<string, number> } {
  const lines = readFileSync(`${dir}${file}`, 'utf8').trim().split('\n');
  const counts: Record<string, number> = {};
  for (const line of lines.slice(1)) {
    const label = line.slice(line.lastIndexOf(',') + 1);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return { rows: lines.length - 1, columns: lines[0].split(',').length, counts };
}

function zipCounts(file: string): Record<string, number> {
  const entries = unzipSync(new Uint8Array(readFileSync(`${dir}${file}`)));
  const counts: Record<string, number> = {};
  for (const path of Object.keys(entries).filter((p) => p.endsWith('.png'))) {
    const parts = path.split('/');
    const cls = parts[parts.length - 2];
    counts[cls] = (counts[cls] ?? 0) + 1;
  }
  return counts;
}

describe('built-in datasets', () => {
  it('ships every dataset the issue lists (digits-lt with its balanced test set), each file present', () => {
    expect(BUILTIN_DATASETS.map((d) => d.id).sort()).toEqual(
      ['abalone-19', 'adult-subset', 'breast-cancer-wisconsin-diagnostic', 'digits', 'digits-lt', 'mammography', 'phoneme', 'pima-diabetes', 'satimage', 'thyroid-ann', 'wine-quality-red', 'yeast'].sort(),
    );
    for (const d of BUILTIN_DATASETS) {
      expect(existsSync(`${dir}${d.file}`), d.file).toBe(true);
      if (d.testFile) expect(existsSync(`${dir}${d.testFile}`), d.testFile).toBe(true);
      expect(d.minorityMeaning.length).toBeGreaterThan(10);
      expect(d.licence.length).toBeGreaterThan(5);
    }
  });

  it.each(BUILTIN_DATASETS.filter((d) => d.kind === 'tabular').map((d) => [d.id, d] as const))('%s: registry = index.json = the CSV itself', (_id, d) => {
    const entry = indexEntry(d.file);
    expect(d.rows).toBe(entry.rows);
    expect(d.features).toBe(entry.features);
    expect(d.classCounts).toEqual(entry.class_counts);
    expect(imbalanceRatio(d.classCounts)).toBeCloseTo(entry.imbalance_ratio, 2);
    const csv = csvCounts(d.file);
    expect(csv.rows).toBe(d.rows);
    expect(csv.columns).toBe(d.features + 1);
    expect(csv.counts).toEqual(d.classCounts);
  });

  it('digits-lt: both zips hold the counted PNGs (long-tailed train, balanced test)', () => {
    const d = findBuiltin('digits-lt')!;
    expect(zipCounts(d.file)).toEqual(d.classCounts);
    expect(d.classCounts).toEqual(indexEntry(d.file).class_counts);
    expect(zipCounts(d.testFile!)).toEqual(indexEntry(d.testFile!).class_counts);
    expect(Object.values(d.classCounts).reduce((a, b) => a + b)).toBe(d.rows);
  });

  it('imbalance ratio is largest over smallest class', () => {
    expect(imbalanceRatio({ a: 10, b: 2, c: 5 })).toBe(5);
    expect(imbalanceRatio([4, 0, 2])).toBe(2);
  });
});
