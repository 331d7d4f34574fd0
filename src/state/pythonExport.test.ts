import { describe, expect, it } from 'vitest';
import { parseCsvFile } from '../io/csv/nodeFile';
import type { ImageSet } from '../core/data/images/imageSet';
import { MAX_EMBEDDED_PIXEL_BYTES } from '../core/export/pythonData';
import { experimentScript } from './pythonExport';
import { createLabStore } from './store';
import type { Cancellable, DataLoader, Runner } from './types';

const datasets = new URL('../../public/datasets/', import.meta.url).pathname;
const noRun: Runner = () => ({ cancel() {}, done: Promise.resolve('done' as const) });

/** Built-in tables parse from public/datasets; an image load returns `images`. */
function loader(images?: ImageSet): DataLoader {
  return {
    csv: (source) => ({ promise: parseCsvFile(`${datasets}${(source as { url: string }).url.replace('datasets/', '')}`), cancel() {} }),
    images: (): Cancellable<ImageSet> => ({ promise: images ? Promise.resolve(images) : Promise.reject(new Error('no images')), cancel() {} }),
  };
}

async function until(check: () => boolean, ms = 10_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function imageSet(n: number, side: number, value = (i: number) => (i % 256) / 255): ImageSet {
  const per = side * side * 3;
  return {
    width: side,
    height: side,
    channels: 3,
    pixels: Float32Array.from({ length: n * per }, (_, i) => value(i)),
    y: Int32Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0)),
    classNames: ['common', 'rare'],
    files: Array.from({ length: n }, (_, i) => `${i % 5 === 0 ? 'rare' : 'common'}/${i}.png`),
    skipped: [],
    notes: [],
  };
}

describe('experimentScript (the store → the Python script)', () => {
  it("a built-in table cut by the long-tail builder: the script reads the CSV and carries the builder's rows", async () => {
    const store = createLabStore({ runner: noRun, loader: loader() });
    store.getState().loadBuiltin('pima-diabetes');
    await until(() => store.getState().data.status === 'ready');
    store.getState().setLongTail({ profile: 'exponential', imbalanceFactor: 5, testPerClass: 50 });
    const r = await experimentScript(store.getState(), new Date('2026-11-27T10:00:00Z'));
    if ('error' in r) throw new Error(r.error);
    expect(r.text).toContain('DATA_FILE = sys.argv[1] if len(sys.argv) > 1 else "pima-diabetes.csv"');
    const rows = /\nROWS = \[([\d, ]+)\]/.exec(r.text)![1].split(', ').map(Number);
    const fixed = /\nFIXED_TEST = \[([\d, ]+)\]/.exec(r.text)![1].split(', ').map(Number);
    // The builder's rows, each once, then its 50 + 50 balanced test rows (indices into those rows).
    expect(new Set(rows).size).toBe(rows.length);
    expect(fixed).toHaveLength(100);
    expect(Math.max(...fixed)).toBeLessThan(rows.length);
    expect(Math.max(...rows)).toBeLessThan(768);
  });

  it('an image set is embedded with its shape and labels', async () => {
    const store = createLabStore({ runner: noRun, loader: loader(imageSet(40, 4)) });
    store.getState().loadFolder([{ path: 'x/a.png', blob: new Blob(['x']) }], 'shapes');
    await until(() => store.getState().data.status === 'ready');
    const r = await experimentScript(store.getState());
    if ('error' in r) throw new Error(r.error);
    expect(r.text).toContain('IMAGE_SHAPE = (4, 4, 3)');
    expect(r.text).toContain('CLASS_NAMES = ["common", "rare"]');
    expect(r.text).toContain('FIXED_TEST = None');
  });

  it('an image set too large to embed gets a message that says what to do instead, not a frozen tab', async () => {
    // Float pixels (not k/255): 4 bytes each, just over the limit.
    const side = 32;
    const n = Math.ceil(MAX_EMBEDDED_PIXEL_BYTES / (4 * side * side * 3)) + 1;
    const store = createLabStore({ runner: noRun, loader: loader(imageSet(n, side, (i) => (i % 7) / 7.3)) });
    store.getState().loadFolder([{ path: 'x/a.png', blob: new Blob(['x']) }], 'big');
    await until(() => store.getState().data.status === 'ready', 60_000);
    const r = await experimentScript(store.getState());
    expect('error' in r && r.error).toMatch(/^The experiment cannot be exported as a script: This image set is too large to travel inside a script: \d+ images take 16\.\d MB of pixels.*imbalance-lab run --config experiment\.json --data images\.zip/);
  });

  it('generated data needs no loading; data not ready yet says so', async () => {
    const store = createLabStore({ runner: noRun, loader: loader() });
    const r = await experimentScript(store.getState());
    expect('text' in r && r.text).toContain('X_ALL = np.array([');
    // A built-in dataset in the config whose rows have not arrived (e.g. an opened link, still loading).
    const s = store.getState();
    const pending = await experimentScript({ ...s, config: { ...s.config, dataset: { kind: 'builtin', name: 'pima-diabetes' } }, data: { ...s.data, loaded: null } });
    expect(pending).toEqual({ error: 'The data is not ready: load it (or fix the generator settings) first.' });
  });
});
