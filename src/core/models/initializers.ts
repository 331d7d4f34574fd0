/**
 * Seeded weight initialisers. They fill plain Float32Arrays from our own {@link Rng}, so the
 * initial weights are bit-identical on every TF.js backend (cpu, wasm, webgl, webgpu) and in
 * every environment, and they draw from the run's own seeded stream (`rng.fork('init')`)
 * rather than from TF.js's separate generator.
 */
import type { Rng } from '../random';

/**
 * Glorot (Xavier) uniform: W_ij ~ U(−a, a) with a = √(6 / (fanIn + fanOut)), which keeps the
 * variance of activations and of back-propagated gradients roughly constant across layers.
 * Returns fanIn·fanOut values, row-major [fanIn, fanOut].
 *
 * @see Glorot & Bengio 2010, Understanding the difficulty of training deep feedforward neural
 *   networks, AISTATS
 */
export function glorotUniform(fanIn: number, fanOut: number, rng: Rng, out = new Float32Array(fanIn * fanOut)): Float32Array {
  const a = Math.sqrt(6 / (fanIn + fanOut));
  for (let i = 0; i < fanIn * fanOut; i++) out[i] = (2 * rng.next() - 1) * a;
  return out;
}
