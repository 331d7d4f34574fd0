/**
 * Picks and initialises the TF.js backend inside a worker.
 *
 * Order: WebGPU when a real (non-fallback) adapter exists → WebGL when the GL renderer is
 * hardware (not SwiftShader / llvmpipe) → WASM (single-threaded SIMD; threaded WASM needs
 * cross-origin isolation) → CPU. Each step is time-boxed, and after `setBackend` we assert that
 * `tf.getBackend()` is the one asked for, because TF.js falls back silently.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BACKENDS, type BackendAttempt, type BackendInfo, type BackendName, type BackendRequest } from './backendTypes';

const INIT_TIMEOUT_MS = 10_000;
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

setWasmPaths({
  'tfjs-backend-wasm.wasm': new URL(wasmPlain, self.location.href).href,
  'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, self.location.href).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreaded, self.location.href).href,
});
// Single-threaded SIMD: robust without cross-origin isolation and in minified bundles.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} did not initialise within ${ms / 1000} s`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Returns a reason to skip the backend on this device, or null if it looks usable. */
async function probe(name: BackendName): Promise<string | null> {
  if (name === 'webgpu') {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    if (!gpu) return 'navigator.gpu is not available';
    const adapter = (await gpu.requestAdapter()) as { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean; description?: string } } | null;
    if (!adapter) return 'no WebGPU adapter';
    if (adapter.isFallbackAdapter || adapter.info?.isFallbackAdapter) return 'only a software (fallback) WebGPU adapter';
    return null;
  }
  if (name === 'webgl') {
    if (typeof OffscreenCanvas === 'undefined') return 'OffscreenCanvas is not available in this worker';
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return 'WebGL 2 is not available';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    if (SOFTWARE_GL.test(renderer)) return `software renderer (${renderer})`;
    return null;
  }
  return null;
}

async function trySet(name: BackendName, forced: boolean): Promise<string | null> {
  if (!forced) {
    const skip = await withTimeout(probe(name), INIT_TIMEOUT_MS, name);
    if (skip) return skip;
  }
  const ok = await withTimeout(tf.setBackend(name), INIT_TIMEOUT_MS, name);
  await withTimeout(tf.ready(), INIT_TIMEOUT_MS, name);
  if (!ok || tf.getBackend() !== name) return `setBackend('${name}') left TF.js on '${tf.getBackend()}'`;
  return null;
}

/**
 * Initialises the requested backend ('auto' walks the preference order). A forced backend is
 * not probed (so `?backend=webgpu` can test a software adapter) but still asserted; if it fails,
 * the error says so instead of falling back silently.
 */
export async function initBackend(requested: BackendRequest): Promise<BackendInfo> {
  const order: readonly BackendName[] = requested === 'auto' ? BACKENDS : [requested];
  const attempts: BackendAttempt[] = [];
  for (const name of order) {
    const t0 = performance.now();
    try {
      const reason = await trySet(name, requested !== 'auto');
      attempts.push({ backend: name, ok: reason === null, reason: reason ?? undefined, ms: performance.now() - t0 });
      if (reason === null) return { backend: name, requested, attempts };
    } catch (e) {
      attempts.push({ backend: name, ok: false, reason: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 });
    }
  }
  const why = attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ');
  throw new Error(
    requested === 'auto'
      ? `No TF.js backend could be initialised (${why}).`
      : `The backend '${requested}' forced by ?backend= could not be used here (${why}). Remove ?backend= or pick another backend.`,
  );
}
