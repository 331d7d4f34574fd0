/**
 * TF.js backend for Node (CLI, benchmarks): WASM (single-threaded SIMD) by default, CPU as the
 * fallback. No tfjs-node: it downloads native binaries at install time.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type NodeBackend = 'wasm' | 'cpu';

export async function initNodeBackend(requested: string): Promise<NodeBackend> {
  if (requested !== 'wasm' && requested !== 'cpu') throw new Error(`--backend must be wasm or cpu. Got '${requested}' instead.`);
  if (requested === 'wasm') {
    try {
      const require = createRequire(import.meta.url);
      const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
      setWasmPaths(`${dist}/`);
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if ((await tf.setBackend('wasm')) && tf.getBackend() === 'wasm') return 'wasm';
    } catch {
      // fall through to CPU
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error(`Could not initialise the CPU backend (TF.js is on '${tf.getBackend()}').`);
  return 'cpu';
}
