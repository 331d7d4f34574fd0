/**
 * SMOTE wall time: ours (Node, `smote` from the core, float64) versus imbalanced-learn's
 * `SMOTE(k_neighbors=5, random_state=0).fit_resample` on the same data, single-threaded.
 *
 *   node --import tsx bench/resampling/smoteBench.ts
 *
 * Cases: 300 000 × 30 with 5 % minority and 100 000 × 30 with 1 % minority, seeded Gaussian data
 * (the minority class shifted by +1 in every feature). Each side is timed best of 3 (only the
 * resampling call: data generation, file I/O and Python start-up are outside the timer). The data
 * reaches Python as .npy files written from Node; the Python side runs /usr/bin/python3 with
 * OMP/OpenBLAS/MKL pinned to one thread. When imbalanced-learn cannot be imported, imblearn_ms and
 * ratio are null. Prints one JSON object per case. Target: ours ≤ 0.5 × imblearn.
 * `runSmoteBenchmark()` is exported for bench/run.mjs. Not part of the pass/fail tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRng } from '../../src/core/random';
import { smote } from '../../src/core/resampling/smote';
import type { Matrix } from '../../src/core/types';
import { SMOTE_BENCH_CASES, smoteBenchData, type SmoteBenchCase } from '../../src/core/resampling/benchmarkData';

export { SMOTE_BENCH_CASES, smoteBenchData, type SmoteBenchCase };

export interface SmoteBenchResult extends SmoteBenchCase {
  name: string;
  ours_ms: number;
  imblearn_ms: number | null;
  /** ours_ms / imblearn_ms (target ≤ 0.5). */
  ratio: number | null;
  /** Rows after resampling on each side (they must agree). */
  rowsOut: { ours: number; imblearn: number | null };
  rounds: { ours: number[]; imblearn: number[] | null };
  /**
   * Time to allocate a fresh Float64Array of the output's size and write every element once (best
   * of the rounds): the page-fault floor any JavaScript resampler pays for a new output array.
   * NumPy (≥ 1.22) asks the kernel for transparent huge pages on large arrays (madvise) and
   * glibc reuses freed blocks between rounds; JavaScript engines offer neither, so this floor is
   * the part of ours_ms that no algorithm can remove.
   */
  freshOutputFloor_ms: number;
  /** Why imblearn_ms is null, if it is. */
  imblearnNote?: string;
}

const PYTHON = '/usr/bin/python3';

/** A NumPy .npy (format 1.0) file holding a C-order float64 or int32 array. */
function npy(array: Float64Array | Int32Array, shape: number[]): Buffer {
  const descr = array instanceof Float64Array ? '<f8' : '<i4';
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += ' '.repeat(pad % 64) + '\n';
  const pre = Buffer.alloc(10);
  pre.write('\x93NUMPY', 0, 'latin1');
  pre[6] = 1;
  pre[7] = 0;
  pre.writeUInt16LE(header.length, 8);
  return Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(array.buffer, array.byteOffset, array.byteLength)]);
}

const PY_SCRIPT = `
import json, sys, time
import numpy as np
from imblearn.over_sampling import SMOTE
X = np.load(sys.argv[1]); y = np.load(sys.argv[2]); k = int(sys.argv[3]); rounds = int(sys.argv[4])
times = []
for _ in range(rounds):
    t0 = time.perf_counter()
    Xr, yr = SMOTE(k_neighbors=k, random_state=0).fit_resample(X, y)
    times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"times": times, "rows": int(Xr.shape[0])}))
`;

/** Whether /usr/bin/python3 can import imbalanced-learn (and which version), or why not. */
export function imblearnAvailable(): { ok: boolean; note: string } {
  const r = spawnSync(PYTHON, ['-c', 'import imblearn; print(imblearn.__version__)'], { encoding: 'utf8' });
  if (r.error) return { ok: false, note: `${PYTHON} did not start: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, note: `import imblearn failed: ${(r.stderr || '').trim().split('\n').pop()}` };
  return { ok: true, note: `imbalanced-learn ${r.stdout.trim()}` };
}

function timeImblearn(X: Matrix, y: Int32Array, k: number, rounds: number): { times: number[]; rows: number } {
  const dir = mkdtempSync(join(tmpdir(), 'smote-bench-'));
  try {
    const xPath = join(dir, 'X.npy');
    const yPath = join(dir, 'y.npy');
    writeFileSync(xPath, npy(X.data as Float64Array, [X.rows, X.cols]));
    writeFileSync(yPath, npy(y, [y.length]));
    const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
    const r = spawnSync(PYTHON, ['-c', PY_SCRIPT, xPath, yPath, String(k), String(rounds)], { encoding: 'utf8', env, maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`imbalanced-learn run failed: ${r.error?.message ?? r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop() as string) as { times: number[]; rows: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs every case; `rounds` timings per side, best reported. */
export function runSmoteBenchmark(cases: readonly SmoteBenchCase[] = SMOTE_BENCH_CASES, rounds = 3): SmoteBenchResult[] {
  const py = imblearnAvailable();
  const results: SmoteBenchResult[] = [];
  for (const c of cases) {
    const { X, y } = smoteBenchData(c);
    const ours: number[] = [];
    let rowsOurs = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      const out = smote(X, y, { kNeighbors: c.kNeighbors }, createRng(0));
      ours.push(performance.now() - t0);
      rowsOurs = out.X.rows;
    }
    let imb: { times: number[]; rows: number } | null = null;
    let note = py.ok ? undefined : py.note;
    if (py.ok) {
      try {
        imb = timeImblearn(X, y, c.kNeighbors, rounds);
      } catch (e) {
        note = e instanceof Error ? e.message : String(e);
      }
    }
    const floor: number[] = [];
    for (let r = 0; r < rounds; r++) floor.push(freshOutputFill(rowsOurs * c.cols));
    const oursMs = Math.min(...ours);
    const imbMs = imb ? Math.min(...imb.times) : null;
    results.push({
      name: `SMOTE k=${c.kNeighbors}, ${c.rows} × ${c.cols}, ${c.minorityFraction * 100} % minority`,
      ...c,
      ours_ms: round1(oursMs),
      imblearn_ms: imbMs === null ? null : round1(imbMs),
      ratio: imbMs === null ? null : Math.round((oursMs / imbMs) * 1000) / 1000,
      freshOutputFloor_ms: round1(Math.min(...floor)),
      rowsOut: { ours: rowsOurs, imblearn: imb?.rows ?? null },
      rounds: { ours: ours.map(round1), imblearn: imb ? imb.times.map(round1) : null },
      ...(note ? { imblearnNote: note } : {}),
    });
  }
  return results;
}

/** Milliseconds to allocate a fresh float64 array of `length` elements and write each element once. */
function freshOutputFill(length: number): number {
  const t0 = performance.now();
  const a = new Float64Array(length);
  a.fill(1);
  const ms = performance.now() - t0;
  if (a[length - 1] !== 1) throw new Error('fill did not happen');
  return ms;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of runSmoteBenchmark()) console.log(JSON.stringify(r));
}
