/** The Python script of the current experiment (core/export/pythonScript.ts), with the data it needs from the store. */
import { isLoadedDataset } from '../core/config';
import { findBuiltin } from '../core/data/builtins';
import { pythonScript, type ScriptData } from '../core/export/pythonScript';
import type { LabState } from './types';

function scriptData(s: LabState): ScriptData | null {
  const ds = s.config.dataset;
  if (!isLoadedDataset(ds)) {
    const p = s.preview;
    if (p.error || p.projection.kind !== 'features') return null;
    return { kind: 'points', X: p.points, cols: 2, y: p.y, classNames: p.classNames };
  }
  const loaded = s.data.loaded;
  if (!loaded) return null;
  if (loaded.kind === 'images') return { kind: 'images', name: ds.name };
  const target = s.data.columns.find((c) => c.use === 'target')?.name;
  if (!target) return null;
  const columns = Object.fromEntries(s.data.columns.filter((c) => c.use !== 'target').map((c) => [c.name, c.use as Exclude<typeof c.use, 'target'>]));
  const file = ds.kind === 'builtin' ? (findBuiltin(ds.name)?.file ?? ds.name) : ds.name;
  return { kind: 'table', file, target, columns };
}

/** The script and its file name, or why there is none yet. */
export function experimentScript(s: LabState, now = new Date()): { fileName: string; text: string } | { error: string } {
  const data = scriptData(s);
  if (!data) return { error: 'The data is not ready: load it (or fix the generator settings) first.' };
  return { fileName: 'imbalance-lab-experiment.py', text: pythonScript(s.config, data, now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC') };
}
