/** The Python script of the current experiment (core/export/pythonScript.ts), with the data it needs from the store. */
import { isLoadedDataset } from '../core/config';
import { findBuiltin } from '../core/data/builtins';
import type { Matrix } from '../core/types';
import { pythonScript, type ScriptData } from '../core/export/pythonScript';
import type { LabState } from './types';

async function scriptData(s: LabState): Promise<ScriptData | null> {
  const ds = s.config.dataset;
  if (!isLoadedDataset(ds)) {
    const p = s.preview;
    if (p.error || p.projection.kind !== 'features') return null;
    return { kind: 'points', X: p.points, cols: 2, y: p.y, classNames: p.classNames };
  }
  const loaded = s.data.loaded;
  if (!loaded) return null;
  // Loaded on first use: the long-tail builder and the table encoder are not part of the page.
  const { loadedSource } = await import('../core/data/loadedSource');
  if (loaded.kind === 'images') {
    // The rows the experiment uses: the images with their shipped test folder, after the long-tail builder.
    const source = loadedSource(s.config, loaded) as ReturnType<typeof loadedSource> & { X: Matrix };
    const [h, w, c] = source.imageShape ?? [loaded.train.height, loaded.train.width, loaded.train.channels];
    return { kind: 'images', name: ds.name, pixels: source.X.data, shape: [h, w, c], y: source.y, classNames: source.classNames, fixedTest: source.fixedTest };
  }
  const target = s.data.columns.find((c) => c.use === 'target')?.name;
  if (!target) return null;
  const columns = Object.fromEntries(s.data.columns.filter((c) => c.use !== 'target').map((c) => [c.name, c.use as Exclude<typeof c.use, 'target'>]));
  const file = ds.kind === 'builtin' ? (findBuiltin(ds.name)?.file ?? ds.name) : ds.name;
  if (!ds.longTail) return { kind: 'table', file, target, columns };
  const source = loadedSource(s.config, loaded);
  if (!source.base || !source.fixedTest) return null;
  return { kind: 'table', file, target, columns, subset: { rows: source.base.rows, fixedTest: source.fixedTest } };
}

/** The script and its file name, or why there is none yet. */
export async function experimentScript(s: LabState, now = new Date()): Promise<{ fileName: string; text: string } | { error: string }> {
  try {
    const data = await scriptData(s);
    if (!data) return { error: 'The data is not ready: load it (or fix the generator settings) first.' };
    return { fileName: 'imbalance-lab-experiment.py', text: pythonScript(s.config, data, now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC') };
  } catch (err) {
    return { error: `The experiment cannot be exported as a script: ${err instanceof Error ? err.message : String(err)}` };
  }
}
