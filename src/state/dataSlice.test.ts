import { describe, expect, it } from 'vitest';
import { parseCsv } from '../io/csv/parseCsv';
import { parseCsvFile } from '../io/csv/nodeFile';
import { parseCsvStratifiedSample } from '../io/csv/sampleCsv';
import { parseConfig, defaultConfig } from '../core/config';
import { createLabStore } from './store';
import { MAX_CSV_BYTES } from './dataSlice';
import type { Cancellable, DataLoader, Runner } from './types';
import type { Table } from '../core/data/table/table';

const datasets = new URL('../../public/datasets/', import.meta.url).pathname;
const noRun: Runner = () => ({ cancel() {}, done: Promise.resolve('done' as const) });

/** A loader that parses in-process; `hold` keeps a load pending until released, to test cancel and races. */
function nodeLoader(opts: { hold?: boolean } = {}) {
  const calls: { source: unknown; cancelled: boolean; release?: () => void }[] = [];
  const loader: DataLoader = {
    csv(source, o): Cancellable<Table> {
      const call: (typeof calls)[number] = { source, cancelled: false };
      calls.push(call);
      const parse = async () => {
        if ('url' in (source as object)) return parseCsvFile(`${datasets}${(source as { url: string }).url.replace('datasets/', '')}`, o);
        if (o.sample) return parseCsvStratifiedSample(source as Blob, { target: 'label', maxRows: o.sample.maxRows, seed: o.sample.seed });
        return parseCsv(source as Blob, o);
      };
      const promise = opts.hold ? new Promise<void>((r) => (call.release = r)).then(parse) : parse();
      return { promise, cancel: () => void (call.cancelled = true) };
    },
    images: () => ({ promise: Promise.reject(new Error('no images in this test')), cancel() {} }),
  };
  return { loader, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
async function until(check: () => boolean, ms = 5000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('loading data into the store', () => {
  it('loads a built-in CSV: config, columns, preview counts and the split come from the file', async () => {
    const { loader } = nodeLoader();
    const store = createLabStore({ runner: noRun, loader });
    store.getState().loadBuiltin('yeast');
    expect(store.getState().data.status).toBe('loading');
    await until(() => store.getState().data.status === 'ready');
    const s = store.getState();
    expect(s.config.dataset).toEqual({ kind: 'builtin', name: 'yeast' });
    expect(s.data.columns.find((c) => c.name === 'label')?.use).toBe('target');
    expect(s.data.columns.filter((c) => c.use === 'numeric')).toHaveLength(8);
    expect(s.data.sampleRows).toHaveLength(8);
    expect(s.preview.error).toBeNull();
    expect(s.preview.classNames).toEqual(['CYT', 'ERL', 'EXC', 'ME1', 'ME2', 'ME3', 'MIT', 'NUC', 'POX', 'VAC']);
    expect(s.preview.counts.reduce((a, b) => a + b)).toBe(1484);
    expect(s.preview.imbalanceRatio).toBeCloseTo(463 / 5, 6);
    // The scatter is a PCA of the encoded rows (8 features → 2 components).
    expect(s.preview.projection.kind).toBe('pca');
    expect(s.preview.points.length).toBe(2 * s.preview.y.length);
  });

  it('a column choice changes the config and the features; an impossible one is refused with a message', async () => {
    const { loader } = nodeLoader();
    const store = createLabStore({ runner: noRun, loader });
    store.getState().loadBuiltin('adult-subset');
    await until(() => store.getState().data.status === 'ready');
    store.getState().setColumnUse('fnlwgt', 'ignored');
    expect(store.getState().config.dataset).toMatchObject({ columns: { fnlwgt: 'ignored' } });
    expect(store.getState().data.columns.find((c) => c.name === 'fnlwgt')?.use).toBe('ignored');
    store.getState().setColumnUse('workclass', 'numeric');
    expect(store.getState().data.error).toMatch(/Column 'workclass' cannot be numeric/);
    expect(store.getState().config.dataset).not.toHaveProperty('columns.workclass');
    // Picking another target: the class counts follow it.
    store.getState().setColumnUse('sex', 'target');
    expect(store.getState().preview.classNames).toEqual(['Female', 'Male']);
  });

  it('a failed load keeps the previous data and says what went wrong', async () => {
    const { loader } = nodeLoader();
    const store = createLabStore({ runner: noRun, loader });
    store.getState().loadBuiltin('pima-diabetes');
    await until(() => store.getState().data.status === 'ready');
    const before = store.getState().config;
    store.getState().loadFile(new File(['a,b\n'], 'header-only.csv'));
    await until(() => store.getState().data.error !== null);
    expect(store.getState().data.status).toBe('ready');
    expect(store.getState().data.error).toMatch(/header/i);
    expect(store.getState().config).toBe(before);
  });

  it('an empty file gets the parser\'s message; a too-large file is refused before any parsing, with what to do', async () => {
    const { loader, calls } = nodeLoader();
    const store = createLabStore({ runner: noRun, loader });
    store.getState().loadFile(new File([], 'empty.csv'));
    await until(() => store.getState().data.status !== 'loading');
    expect(store.getState().data.error).toMatch(/The file is empty: a CSV needs a header row/);
    calls.length = 0;
    const huge = new File(['x'], 'huge.csv');
    Object.defineProperty(huge, 'size', { value: MAX_CSV_BYTES + 1 });
    store.getState().loadFile(huge);
    expect(store.getState().data.tooLarge).toEqual({ bytes: MAX_CSV_BYTES + 1, maxRows: 300_000 });
    expect(calls).toHaveLength(0);
    expect(store.getState().data.error).toMatch(/'huge.csv' is 256 MB, more than this page can hold at once/);
    expect(store.getState().config.dataset.kind).toBe('synthetic');
  });

  it('a too-large file can be loaded as a stratified sample that keeps the rare class', async () => {
    const { loader } = nodeLoader();
    const store = createLabStore({ runner: noRun, loader });
    const lines = ['x,y,label'];
    for (let i = 0; i < 3000; i++) lines.push(`${i % 7},${i % 11},${i % 100 === 0 ? 'rare' : 'common'}`);
    const file = new File([lines.join('\n')], 'big.csv');
    Object.defineProperty(file, 'size', { value: MAX_CSV_BYTES + 1 });
    store.getState().loadFile(file);
    expect(store.getState().data.tooLarge).not.toBeNull();
    store.getState().loadSample(1000);
    await until(() => store.getState().data.status === 'ready');
    const s = store.getState();
    expect(s.preview.counts.reduce((a, b) => a + b)).toBe(1000);
    expect(s.preview.counts[s.preview.classNames.indexOf('rare')]).toBe(30);
    expect(s.data.notes.join(' ')).toMatch(/A stratified sample of 1000 of the file's 3000 rows was loaded/);
    expect(s.data.tooLarge).toBeNull();
  });

  it('cancel stops a load, keeps the old data and says so; a late answer is ignored', async () => {
    const { loader, calls } = nodeLoader({ hold: true });
    const store = createLabStore({ runner: noRun, loader });
    store.getState().loadBuiltin('phoneme');
    store.getState().cancelLoad();
    expect(calls[0].cancelled).toBe(true);
    expect(store.getState().data.status).toBe('synthetic');
    expect(store.getState().data.notice).toMatch(/cancelled/);
    calls[0].release!();
    await settle();
    await new Promise((r) => setTimeout(r, 200));
    expect(store.getState().config.dataset.kind).toBe('synthetic');
  });

  it('a link to a built-in loads it; a link to someone else’s file asks for the file', async () => {
    const { loader } = nodeLoader();
    const withBuiltin = createLabStore({ runner: noRun, loader, initialConfig: parseConfig({ ...defaultConfig(), dataset: { kind: 'builtin', name: 'mammography', columns: { f1: 'ignored' } } }) });
    await until(() => withBuiltin.getState().data.status === 'ready');
    expect(withBuiltin.getState().config.dataset).toEqual({ kind: 'builtin', name: 'mammography', columns: { f1: 'ignored' } });
    expect(withBuiltin.getState().data.columns.find((c) => c.name === 'f1')?.use).toBe('ignored');

    const withUpload = createLabStore({ runner: noRun, loader, initialConfig: parseConfig({ ...defaultConfig(), dataset: { kind: 'upload', name: 'fraud.csv' } }) });
    expect(withUpload.getState().data.error).toMatch(/made with the file 'fraud.csv'.*Load the same file/);
    expect(withUpload.getState().preview.error).toMatch(/not loaded yet/);
    withUpload.getState().startRun();
    expect(withUpload.getState().run.status).toBe('idle');
  });

  it('back to generated data restores the generator settings used before', async () => {
    const { loader } = nodeLoader();
    const store = createLabStore({ runner: noRun, loader });
    store.getState().setParam('dataset', 'imbalanceRatio', 50);
    store.getState().loadBuiltin('pima-diabetes');
    await until(() => store.getState().data.status === 'ready');
    store.getState().backToSynthetic();
    expect(store.getState().config.dataset).toMatchObject({ kind: 'synthetic', imbalanceRatio: 50 });
    expect(store.getState().data.loaded).toBeNull();
  });

  it('the run gets the loaded rows along with the config', async () => {
    const { loader } = nodeLoader();
    let passed: unknown = null;
    const runner: Runner = (_c, _b, _cb, _i, data) => {
      passed = data;
      return { cancel() {}, done: Promise.resolve('done' as const) };
    };
    const store = createLabStore({ runner, loader });
    store.getState().loadBuiltin('breast-cancer-wisconsin-diagnostic');
    await until(() => store.getState().data.status === 'ready');
    store.getState().startRun();
    expect(passed).toBe(store.getState().data.loaded);
    expect(store.getState().run.loaded).toBe(passed);
  });
});
