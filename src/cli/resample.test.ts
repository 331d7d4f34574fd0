import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { RESAMPLER_IDS, resamplers } from '../core/resampling/registry';
import { smote } from '../core/resampling/smote';
import { smoteNcEntry } from '../core/resampling/smoteNc';
import { smotenEntry } from '../core/resampling/smoten';
import { parseCsv } from './csv';
import { main } from './main';
import type { Registry, RegistryEntry } from './methodFlags';
import { toFlag } from './methodFlags';
import { resampleCommand } from './resampleCommand';

const PIMA = fileURLToPath(new URL('../../../shared/datasets/pima-diabetes.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'imbalance-lab-resample-'));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const readRows = (path: string) => Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Checks the output against the input: columns, kept rows verbatim, labels; returns per-label counts and origins. */
function checkRoundTrip(inputPath: string, outPath: string, categorical: readonly string[] = []) {
  const input = readRows(inputPath);
  const output = readRows(outPath);
  expect(output[0]).toEqual([...input[0], 'origin']);
  const label = input[0].indexOf('label');
  const counts = new Map<string, number>();
  const origins: number[] = [];
  for (const row of output.slice(1)) {
    expect(row).toHaveLength(input[0].length + 1);
    const o = Number(row[row.length - 1]);
    origins.push(o);
    counts.set(row[label], (counts.get(row[label]) ?? 0) + 1);
    if (o >= 0) expect(row.slice(0, -1)).toEqual(input[o + 1]);
    else for (let j = 0; j < row.length - 1; j++) if (j !== label && !categorical.includes(input[0][j])) expect(Number.isFinite(Number(row[j]))).toBe(true);
  }
  return { counts, origins, output };
}

describe('imbalance-lab resample: round trips on pima-diabetes', () => {
  it('random-over balances the classes and keeps every row verbatim', async () => {
    const out = join(dir, 'ros.csv');
    const r = await cli('resample', '--method', 'random-over', '--input', PIMA, '--out', out, '--seed', '3');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^random-over: negative 500, positive 268 → negative 500, positive 500 \(768 → 1000 rows, 0 synthetic\) in [\d.]+ ms/);
    const { counts, origins } = checkRoundTrip(PIMA, out);
    expect(Object.fromEntries(counts)).toEqual({ positive: 500, negative: 500 });
    expect(origins.slice(0, 768)).toEqual([...Array(768).keys()]);
    expect(origins.every((o) => o >= 0)).toBe(true);
  });

  it('random-over honours a JSON per-class strategy', async () => {
    const out = join(dir, 'ros-json.csv');
    const r = await cli('resample', '--method', 'random-over', '--input', PIMA, '--out', out, '--sampling-strategy', '{"positive": 300}');
    expect(r.code).toBe(0);
    expect(Object.fromEntries(checkRoundTrip(PIMA, out).counts)).toEqual({ positive: 300, negative: 500 });
  });

  it('smote: kept rows verbatim, synthetic rows at full float64 precision, seeded', async () => {
    const out = join(dir, 'smote.csv');
    const r = await cli('resample', '--method', 'smote', '--input', PIMA, '--out', out, '--k-neighbors', '3', '--seed', '7');
    expect(r.code).toBe(0);
    const { counts, origins, output } = checkRoundTrip(PIMA, out);
    expect(Object.fromEntries(counts)).toEqual({ positive: 500, negative: 500 });
    expect(origins.filter((o) => o === -1)).toHaveLength(232);
    // The written numbers are exactly the resampler's float64 values.
    const ds = parseCsv(readFileSync(PIMA, 'utf8'), { label: 'label' });
    const expected = smote(ds.X, ds.y, { kNeighbors: 3, classNames: ds.classNames }, createRng(7));
    const d = ds.X.cols;
    for (let i = 0; i < expected.X.rows; i++) {
      for (let j = 0; j < d; j++) expect(Number(output[i + 1][j])).toBe(expected.X.data[i * d + j]);
    }
    const again = join(dir, 'smote-again.csv');
    await cli('resample', '--method', 'smote', '--input', PIMA, '--out', again, '--k-neighbors=3', '--seed', '7');
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('smote with a ratio and the minority strategy', async () => {
    const out = join(dir, 'smote-ratio.csv');
    expect((await cli('resample', '--method', 'smote', '--input', PIMA, '--out', out, '--sampling-strategy', '0.8')).code).toBe(0);
    expect(Object.fromEntries(checkRoundTrip(PIMA, out).counts)).toEqual({ positive: 400, negative: 500 });
    expect((await cli('resample', '--method', 'smote', '--input', PIMA, '--out', out, '--sampling-strategy', 'minority')).code).toBe(0);
    expect(Object.fromEntries(checkRoundTrip(PIMA, out).counts)).toEqual({ positive: 500, negative: 500 });
  });

  it('random-under keeps a subset of the input rows verbatim', async () => {
    const out = join(dir, 'rus.csv');
    expect((await cli('resample', '--method', 'random-under', '--input', PIMA, '--out', out)).code).toBe(0);
    const { counts, origins } = checkRoundTrip(PIMA, out);
    expect(Object.fromEntries(counts)).toEqual({ positive: 268, negative: 268 });
    expect(new Set(origins).size).toBe(536);
  });
});

describe('imbalance-lab resample: errors exit 2 with a message on stderr', () => {
  const out = join(dir, 'never.csv');
  const small = file('small.csv', 'a,b,label\n1,2,x\n3,4,x\n5,6,y\n7,8,y\n9,10,y\n');

  it.each([
    ['an empty file', file('empty.csv', ''), [], /is empty/],
    ['a header without rows', file('header.csv', 'a,b,label\n'), [], /has a header row but no data rows/],
    ['a missing label column', small, ['--label', 'class'], /has no label column 'class' \(pick it with --label\)\. Columns: a, b, label\. Got 'class' instead\./],
    [
      'a non-numeric value',
      file('text.csv', 'a,colour,label\n1,red,x\n2,blue,y\n'),
      [],
      /Row 0 \(line 2\), column 'colour' of .* is not a number; if 'colour' is a categorical column, list it with --categorical colour\. Got 'red' instead\./,
    ],
    ['an empty cell', file('blank.csv', 'a,b,label\n1,,x\n2,3,y\n'), [], /Row 0 \(line 2\), column 'b' .*empty cell.*Got '' instead\./],
    ['NaN', file('nan.csv', 'a,b,label\n1,2,x\n2,NaN,y\n'), [], /finite number .* row 1 \(line 3\), column 'b' is not\. Got 'NaN' instead\./],
    ['Infinity', file('inf.csv', 'a,b,label\n1,-Infinity,x\n2,3,y\n'), [], /finite number .* row 0 \(line 2\), column 'b' is not\. Got '-Infinity' instead\./],
    ['a single class', file('one.csv', 'a,b,label\n1,2,x\n3,4,x\n'), [], /holds a single class \('x'\); resampling needs at least two\. Got 1 class instead\./],
    ['a ragged row', file('ragged.csv', 'a,b,label\n1,2,x\n3,y\n'), [], /Row 1 \(line 3\) .* has 2 field\(s\); the header has 3/],
    ['a missing input file', join(dir, 'nope.csv'), [], /Could not read the input file/],
    ['an existing origin column', file('origin.csv', 'a,origin,label\n1,2,x\n3,4,y\n'), [], /already has a column named 'origin'/],
  ])('%s', async (_what, input, extra, message) => {
    const r = await cli('resample', '--method', 'random-over', '--input', input, '--out', out, ...(extra as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
  });

  it('validates method flags against the registry specs', async () => {
    const k0 = await cli('resample', '--method', 'smote', '--input', small, '--out', out, '--k-neighbors', '0');
    expect(k0.code).toBe(2);
    expect(k0.err).toBe('Error: kNeighbors must be an integer between 1 and 50. Got 0 instead.');
    expect((await cli('resample', '--method', 'smote', '--input', small, '--out', out, '--k-neighbors', '2.5')).err).toMatch(/kNeighbors must be an integer between 1 and 50\. Got 2.5 instead\./);
    expect((await cli('resample', '--method', 'smote', '--input', small, '--out', out, '--k-neighbors')).err).toMatch(/--k-neighbors needs a value/);
    const unknown = await cli('resample', '--method', 'smote', '--input', small, '--out', out, '--neighbours', '3');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Method 'smote' has no flag --neighbours\. Its flags: .*--k-neighbors, --sampling-strategy\. Got '--neighbours' instead\./);
    const strategy = await cli('resample', '--method', 'smote', '--input', small, '--out', out, '--sampling-strategy', 'majority');
    expect(strategy.code).toBe(2);
    expect(strategy.err).toMatch(/samplingStrategy must be one of 'auto', 'minority'/);
    expect((await cli('resample', '--method', 'smote', '--input', small, '--out', out, '--sampling-strategy', '{oops')).err).toMatch(/samplingStrategy as JSON must parse/);
    expect((await cli('resample', '--method', 'smote', '--input', small, '--out', out, '--sampling-strategy', '{"x": 1}')).err).toMatch(/With over-sampling methods/);
    expect((await cli('resample', '--method', 'smote', '--input', small, '--out', out, '--seed', '-1')).err).toMatch(/seed must be an integer between 0 and 4294967295\. Got -1 instead\./);
  });

  it('passes the resampler’s own data errors through', async () => {
    const r = await cli('resample', '--method', 'smote', '--input', small, '--out', out, '--k-neighbors', '5');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/kNeighbors must be < the number of samples in class 'x' \(2\)\. Got 5 instead\./);
  });

  it('needs a known method, an input and an output', async () => {
    const unknown = await cli('resample', '--method', 'smoot', '--input', small, '--out', out);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(new RegExp(`Unknown method 'smoot'\\. Methods: ${RESAMPLER_IDS.join(', ')}\\.`));
    expect((await cli('resample', '--input', small, '--out', out)).err).toMatch(/resample needs --method <id>/);
    expect((await cli('resample', '--method', 'smote', '--out', out)).err).toMatch(/resample needs --input <file.csv>/);
    expect((await cli('resample', '--method', 'smote', '--input', small)).err).toMatch(/resample needs --out <file.csv>/);
  });

  it('refuses categorical columns for a numeric-only method', async () => {
    const adult = file('cat.csv', 'age,colour,label\n1,red,x\n2,blue,y\n3,red,y\n');
    const r = await cli('resample', '--method', 'smote', '--input', adult, '--out', out, '--categorical', 'colour');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Method 'smote' treats every feature as a number and cannot take categorical columns\./);
    expect(r.err).toMatch(/Got --categorical colour instead\./);
  });
});

describe('imbalance-lab resample: categorical columns', () => {
  const csv = file('mixed.csv', 'colour,size,label\nred,1.5,a\nblue,2.25,b\nred,3,a\n"green, light",4,a\nblue,5,a\n');
  /** A stand-in for SMOTE-NC: appends, per call, one synthetic row of class 1 with row 3's category and a new number. */
  const fakeNc: RegistryEntry = {
    id: 'smote-nc',
    label: 'SMOTE-NC (test stand-in)',
    samplerType: 'over-sampling',
    params: [{ name: 'categoricalFeatures', kind: 'enum', label: 'categorical', help: '', default: '' }],
    citation: 'test',
    resample: ((X, y, options: { categoricalFeatures: number[] }) => {
      expect(options.categoricalFeatures).toEqual([0]);
      const d = X.cols;
      const data = new Float64Array((X.rows + 1) * d);
      data.set(X.data);
      data[X.rows * d] = X.data[3 * d];
      data[X.rows * d + 1] = 0.1 + 0.2;
      const yy = new Int32Array(X.rows + 1);
      yy.set(y);
      yy[X.rows] = 1;
      const origin = new Int32Array(X.rows + 1).map((_, i) => (i < X.rows ? i : -1));
      return { X: { data, rows: X.rows + 1, cols: d }, y: yy, origin, parents: new Int32Array(2 * (X.rows + 1)).fill(-1) };
    }) as RegistryEntry['resample'],
  };
  const registry: Registry = { ...resamplers, 'smote-nc': fakeNc };

  it('maps categories to codes and back, quoting where needed', () => {
    const out = join(dir, 'mixed-out.csv');
    const lines: string[] = [];
    const code = resampleCommand({ method: 'smote-nc', input: csv, out, categorical: 'colour' }, (s) => lines.push(s), registry);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^smote-nc: a 4, b 1 → a 4, b 2 \(5 → 6 rows, 1 synthetic\)/);
    expect(readFileSync(out, 'utf8')).toBe(
      'colour,size,label,origin\nred,1.5,a,0\nblue,2.25,b,1\nred,3,a,2\n"green, light",4,a,3\nblue,5,a,4\n"green, light",0.30000000000000004,b,-1\n',
    );
  });

  it('points a numeric-only method to the registry’s categorical methods', () => {
    expect(() => resampleCommand({ method: 'smote', input: csv, out: join(dir, 'x.csv'), categorical: 'colour' }, () => {}, registry)).toThrow(
      /Method 'smote' treats every feature as a number .* Use --method smote-nc \(SMOTE-NC \(test stand-in\)\) or --method smoten \(SMOTEN\), or drop --categorical\. Got --categorical colour instead\./,
    );
  });

  it('rejects unknown categorical columns and the label', () => {
    expect(() => resampleCommand({ method: 'smote-nc', input: csv, out: join(dir, 'x.csv'), categorical: 'shade' }, () => {}, registry)).toThrow(
      /--categorical names a column that .* does not have\. Columns: colour, size\. Got 'shade' instead\./,
    );
    expect(() => resampleCommand({ method: 'smote-nc', input: csv, out: join(dir, 'x.csv'), categorical: 'label' }, () => {}, registry)).toThrow(
      /the label column 'label' is always read as text/,
    );
  });
});

describe('imbalance-lab resample: SMOTE-NC and SMOTEN (injected until the registry lists them)', () => {
  const ADULT = fileURLToPath(new URL('../../../shared/datasets/adult-subset.csv', import.meta.url));
  const registry: Registry = { ...resamplers, 'smote-nc': smoteNcEntry as RegistryEntry, smoten: smotenEntry as RegistryEntry };
  const categoricalColumns = ['workclass', 'education', 'marital_status', 'occupation', 'relationship', 'race', 'sex', 'native_country'];

  it('codes categories in sorted order, like imbalanced-learn’s encoders', () => {
    const ds = parseCsv('c,x,label\nb,1,p\na,2,q\nc,3,p\na,4,q\n', { label: 'label', categorical: ['c'] });
    expect(ds.categories.get(0)).toEqual(['a', 'b', 'c']);
    expect(Array.from(ds.X.data)).toEqual([1, 1, 0, 2, 2, 3, 0, 4]);
    const numeric = parseCsv('c,x,label\n10,1,p\n9,2,q\n', { label: 'label', categorical: ['c'] });
    expect(numeric.categories.get(0)).toEqual(['9', '10']);
  });

  it('smote-nc on adult: categorical columns come back as their original strings', () => {
    const out = join(dir, 'adult-nc.csv');
    const lines: string[] = [];
    const code = resampleCommand(
      { method: 'smote-nc', input: ADULT, out, categorical: categoricalColumns.join(','), 'sampling-strategy': '0.5' },
      (s) => lines.push(s),
      registry,
    );
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^smote-nc: /);
    const { output } = checkRoundTrip(ADULT, out, categoricalColumns);
    const input = readRows(ADULT);
    for (const name of categoricalColumns) {
      const j = input[0].indexOf(name);
      const seen = new Set(input.slice(1).map((r) => r[j]));
      for (const row of output.slice(1)) expect(seen.has(row[j])).toBe(true);
    }
    expect(output.some((r) => r[r.length - 1] === '-1')).toBe(true);
  });

  it('smote-nc needs --categorical', () => {
    expect(() => resampleCommand({ method: 'smote-nc', input: ADULT, out: join(dir, 'x.csv') }, () => {}, registry)).toThrow(
      /Method 'smote-nc' needs the categorical feature columns: --categorical col1,col2/,
    );
  });

  it('smoten on adult’s categorical columns only', () => {
    const input = readRows(ADULT);
    const keep = [...categoricalColumns, 'label'].map((c) => input[0].indexOf(c));
    const path = file('adult-cat.csv', input.slice(0, 800).map((r) => keep.map((j) => r[j]).join(',')).join('\n') + '\n');
    const out = join(dir, 'adult-smoten.csv');
    expect(resampleCommand({ method: 'smoten', input: path, out, categorical: categoricalColumns.join(',') }, () => {}, registry)).toBe(0);
    const { counts } = checkRoundTrip(path, out, categoricalColumns);
    expect(new Set(counts.values()).size).toBe(1);
  });

  it('numeric-only methods point to both', () => {
    expect(() => resampleCommand({ method: 'smote', input: ADULT, out: join(dir, 'x.csv'), categorical: 'workclass' }, () => {}, registry)).toThrow(
      /Use --method smote-nc \(SMOTE-NC\) or --method smoten \(SMOTEN\), or drop --categorical\./,
    );
  });

  it('help says how each handles --categorical', () => {
    const lines: string[] = [];
    resampleCommand({ help: true }, (s) => lines.push(s), registry);
    const help = lines.join('\n');
    expect(help).toMatch(/smote-nc {2}— {2}SMOTE-NC[\s\S]*--categorical {2}required/);
    expect(help).toMatch(/smoten {2}— {2}SMOTEN[\s\S]*--categorical {2}every column is treated as categorical/);
  });
});

describe('imbalance-lab resample --help', () => {
  it.each([['resample', '--help'], ['help'], ['--help']])('%s lists every registry method with its flags and citation', async (...args) => {
    const r = await cli(...args);
    expect(r.code).toBe(0);
    for (const id of RESAMPLER_IDS) {
      const entry = resamplers[id];
      expect(r.out).toContain(`  ${id}  —  ${entry.label}`);
      expect(r.out).toContain(entry.citation);
      for (const p of entry.params) expect(r.out).toMatch(new RegExp(`--${toFlag(p.name)}\\s+${p.kind}\\s+default`));
    }
    expect(r.out).toMatch(/--k-neighbors\s+int\s+default 5\s+range \[1, 50\]/);
  });

  it('lists a new registry method without further code', () => {
    const lines: string[] = [];
    resampleCommand({ help: true }, (s) => lines.push(s), {
      ...resamplers,
      'new-method': { ...resamplers.smote, id: 'new-method', label: 'New', params: [{ name: 'mNeighbors', kind: 'int', label: 'm', help: '', default: 10, min: 1, max: 99 }] },
    });
    expect(lines.join('\n')).toMatch(/new-method {2}— {2}New \(over-sampling\)\n\s+--m-neighbors\s+int\s+default 10\s+range \[1, 99\]/);
  });
});
