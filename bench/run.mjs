#!/usr/bin/env node
// npm run bench: builds the app, runs the Node and browser benchmarks, writes bench/results/latest.json.
// Figures, not pass/fail: targets are listed next to them for the reader.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { register } from 'tsx/esm/api';

register();
const { runMlpBenchmark } = await import('./training/mlpEpochs.ts');
const { runBrowserBench } = await import('./browser.ts');
const { runSmoteBenchmark } = await import('./resampling/smoteBench.ts');
const { runCsvBenchmark } = await import('./tabular/csvBench.ts');
const { runLossModelsBenchmark } = await import('./training/lossModels.ts');

execSync('npx vite build', { stdio: 'inherit' });
const node = {};
for (const backend of ['wasm', 'cpu']) {
  node[backend] = await runMlpBenchmark(backend);
  console.log(`  node ${backend}: ${node[backend].oursEpochsPerSec.toFixed(2)} epochs/s (model.fit ${node[backend].modelFitEpochsPerSec.toFixed(2)}, ×${node[backend].speedup.toFixed(2)})`);
}
const lossModels = await runLossModelsBenchmark('wasm');
console.log(`  node wasm, 8 models with different losses, 1 thread: one after another ${lossModels.sequential.toFixed(1)}, batched ${lossModels.batched.toFixed(1)} method-epochs/s`);
const resampling = runSmoteBenchmark();
for (const r of resampling) {
  console.log(`  ${r.name}: ours ${r.ours_ms} ms, imbalanced-learn ${r.imblearn_ms ?? '—'} ms${r.ratio === null ? ` (${r.imblearnNote})` : `, ratio ${r.ratio}`}`);
}
const csv = await runCsvBenchmark();
console.log(`  CSV 284,807 × 31 in Node: parse + infer + encode ${csv.best.total_ms} ms, peak RSS ${csv.peakRssRatio.toFixed(2)}× the file`);
let torch = null;
try {
  const out = execSync('/usr/bin/python3 bench/training/torchBaseline.py', { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
  torch = JSON.parse(out.trim().split('\n').pop());
  console.log(`  PyTorch ${torch.torch}, 1 thread: 8 models one after another ${torch.method_epochs_per_sec.toFixed(1)} method-epochs/s`);
} catch (e) {
  torch = { error: `PyTorch baseline not run (${String(e.message).split('\n')[0]}); apt-get install python3-torch` };
}
const browser = await runBrowserBench();
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  workload: 'MLP 30→64→64→2, 10k rows, batch 256, Adam',
  targets: {
    pageLoadToDoneMs: '≤ 3000 (default 5-method comparison)',
    longTasksWhileTraining: 'none over 50 ms',
    initialJsGzipBytes: '≤ 200 KB',
    wasmSpeedupOverModelFit: '≥ 3×',
    smoteOursOverImblearn: '≤ 0.5 (single-threaded imbalanced-learn 0.10)',
    csvParseInferEncode: '≤ 2 s and ≤ 2× the file size in memory (284,807 × 31 CSV)',
    lessonRunMs: '≤ 60,000 for every lesson step that trains, on a laptop without a GPU (browser.lessonRuns)',
    comparison8MethodEpochsPerSec: '≥ PyTorch single-thread, 8 models one after another (torchBaseline), browser worker pool on WASM (browser.comparison8)',
  },
  node,
  lossModels,
  resampling,
  csv,
  torchBaseline: torch,
  browser,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2) + '\n');
console.log('\nWritten to bench/results/latest.json');
