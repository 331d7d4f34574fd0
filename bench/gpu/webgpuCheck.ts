/**
 * Checks the training step on a real WebGPU adapter from Node (Dawn, through the `webgpu` npm
 * package), against the CPU backend: same default experiment, same seed. Used on a GPU machine;
 * not part of the tests (this project's CI machines have no GPU).
 *
 *   npm i --no-save webgpu && node --import tsx bench/gpu/webgpuCheck.ts
 *   (or bundle it: see bench/gpu/README.md)
 *
 * Prints one JSON object: adapter info, per-method metrics on both backends, the largest
 * difference in test-set probabilities, and MLP training throughput on each backend.
 */
import { create, globals } from 'webgpu';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultConfig } from '../../src/core/config';
import { runExperiment } from '../../src/core/experiment';
import { measureTrainingThroughput, MLP_BENCH_WORKLOAD } from '../../src/core/training/benchmark';

Object.assign(globalThis, globals);
const gpu = create([]);
Object.defineProperty(globalThis, 'navigator', { value: { gpu, userAgent: 'node' }, configurable: true });
// The WebGPU backend registers itself only if navigator.gpu exists when it is first imported.
await import('@tensorflow/tfjs-backend-webgpu');

async function onBackend(name: 'cpu' | 'webgpu') {
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name) throw new Error(`could not set backend ${name}; got ${tf.getBackend()}`);
  await tf.ready();
  const before = tf.memory().numTensors;
  const t0 = Date.now();
  const result = await runExperiment(defaultConfig());
  const ms = Date.now() - t0;
  const leaked = tf.memory().numTensors - before;
  const throughput = await measureTrainingThroughput({ ...MLP_BENCH_WORKLOAD, epochs: name === 'cpu' ? 2 : 10 }, 2);
  return { result, ms, leaked, throughput };
}

const adapter = await gpu.requestAdapter();
const info = (adapter as unknown as { info?: Record<string, unknown> } | null)?.info ?? null;
const cpu = await onBackend('cpu');
const webgpu = await onBackend('webgpu');
let maxProbDiff = 0;
cpu.result.methods.forEach((m, i) => {
  const w = webgpu.result.methods[i];
  for (let k = 0; k < m.testScores.length; k++) maxProbDiff = Math.max(maxProbDiff, Math.abs(m.testScores[k] - w.testScores[k]));
});
const summary = (r: typeof cpu) => ({
  comparisonMs: r.ms,
  leakedTensors: r.leaked,
  mlpEpochsPerSec: r.throughput.epochsPerSec,
  methods: r.result.methods.map((m) => ({ label: m.label, status: m.status, error: m.error?.message, balancedAccuracy: m.metrics?.balancedAccuracy, minorityRecall: m.metrics?.minorityRecall, rocAuc: m.metrics?.rocAuc })),
});
console.log(JSON.stringify({ adapter: info ? { vendor: info.vendor, architecture: info.architecture, description: info.description } : null, maxProbDiff, cpu: summary(cpu), webgpu: summary(webgpu) }, null, 2));
process.exit(0);
