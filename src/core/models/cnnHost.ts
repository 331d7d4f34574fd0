/**
 * The small CNN for image sets, its parameter layout and its inference forward pass on the host
 * (plain JavaScript on a host copy of the trained parameters — the same reason as the MLP's
 * `forwardOnHost`: prediction never reads the device synchronously). Architecture:
 *
 *   for block b = 0..B−1:  conv 3×3 (same padding, no bias, channels·2^b filters)
 *                          → batch norm (γ, β; running mean / variance at inference) → ReLU
 *                          → 2×2 max-pool (stride 2) after every block but the last, while the
 *                            feature map is at least 4×4
 *   global average pooling → dense layer → logits
 *
 * @see Ioffe & Szegedy 2015, Batch Normalization, ICML; Lin, Chen & Yan 2014, Network in Network, ICLR (global average pooling)
 */
import type { Rng } from '../random';
import { glorotUniform } from './initializers';

export const BN_EPSILON = 1e-3;

export interface CnnArchitecture {
  height: number;
  width: number;
  channels: number;
  blocks: number;
  /** Filters of the first block (doubling per block). */
  filters: number;
  outputs: number;
}

export interface CnnBlockShape {
  cin: number;
  cout: number;
  /** Input spatial size of the block. */
  h: number;
  w: number;
  pool: boolean;
}

/** Channel counts, spatial sizes and pooling of every block. */
export function cnnBlocks(arch: CnnArchitecture): CnnBlockShape[] {
  const out: CnnBlockShape[] = [];
  let h = arch.height;
  let w = arch.width;
  let cin = arch.channels;
  for (let b = 0; b < arch.blocks; b++) {
    const cout = arch.filters * 2 ** b;
    const pool = b < arch.blocks - 1 && h >= 4 && w >= 4;
    out.push({ cin, cout, h, w, pool });
    if (pool) {
      h = Math.floor(h / 2);
      w = Math.floor(w / 2);
    }
    cin = cout;
  }
  return out;
}

/** Host copy of every parameter (trainable and batch-norm running statistics). */
export interface CnnParams {
  /** Per block: kernel [3, 3, cin, cout] (HWIO), γ, β, running mean, running variance. */
  blocks: { kernel: Float32Array; gamma: Float32Array; beta: Float32Array; mean: Float32Array; variance: Float32Array }[];
  /** Dense layer: W [cLast, C] row-major, b [C]. */
  dense: { W: Float32Array; b: Float32Array };
}

/** Seeded initial parameters: He-uniform conv kernels, γ = 1, β = 0, running stats (0, 1), Glorot dense weights. */
export function initialCnnParams(arch: CnnArchitecture, rng: Rng): CnnParams {
  const shapes = cnnBlocks(arch);
  const blocks = shapes.map((s) => {
    const fanIn = 9 * s.cin;
    const a = Math.sqrt(6 / fanIn);
    const kernel = Float32Array.from({ length: 9 * s.cin * s.cout }, () => (2 * rng.next() - 1) * a);
    return { kernel, gamma: new Float32Array(s.cout).fill(1), beta: new Float32Array(s.cout), mean: new Float32Array(s.cout), variance: new Float32Array(s.cout).fill(1) };
  });
  const cLast = shapes[shapes.length - 1].cout;
  return { blocks, dense: { W: glorotUniform(cLast, arch.outputs, rng), b: new Float32Array(arch.outputs) } };
}

/**
 * Logits of the rows of X (each row an image, HWC) with batch norm in inference mode.
 * Returns rows × outputs, row-major.
 */
export function cnnForwardOnHost(arch: CnnArchitecture, p: CnnParams, X: Float32Array | Float64Array, rows: number): Float64Array {
  const shapes = cnnBlocks(arch);
  const C = arch.outputs;
  const out = new Float64Array(rows * C);
  const size = arch.height * arch.width * arch.channels;
  for (let r = 0; r < rows; r++) {
    let x: Float64Array = Float64Array.from(X.subarray(r * size, (r + 1) * size));
    shapes.forEach((s, b) => {
      const { kernel, gamma, beta, mean, variance } = p.blocks[b];
      const y = new Float64Array(s.h * s.w * s.cout);
      for (let i = 0; i < s.h; i++) {
        for (let j = 0; j < s.w; j++) {
          const o = (i * s.w + j) * s.cout;
          for (let di = -1; di <= 1; di++) {
            const ii = i + di;
            if (ii < 0 || ii >= s.h) continue;
            for (let dj = -1; dj <= 1; dj++) {
              const jj = j + dj;
              if (jj < 0 || jj >= s.w) continue;
              const src = (ii * s.w + jj) * s.cin;
              const k0 = ((di + 1) * 3 + (dj + 1)) * s.cin * s.cout;
              for (let ci = 0; ci < s.cin; ci++) {
                const v = x[src + ci];
                if (v === 0) continue;
                const k = k0 + ci * s.cout;
                for (let co = 0; co < s.cout; co++) y[o + co] += v * kernel[k + co];
              }
            }
          }
          for (let co = 0; co < s.cout; co++) {
            const z = (gamma[co] * (y[o + co] - mean[co])) / Math.sqrt(variance[co] + BN_EPSILON) + beta[co];
            y[o + co] = z > 0 ? z : 0;
          }
        }
      }
      x = s.pool ? maxPool2(y, s.h, s.w, s.cout) : y;
    });
    const last = shapes[shapes.length - 1];
    const hw = x.length / last.cout;
    for (let c = 0; c < C; c++) {
      let z = p.dense.b[c];
      for (let k = 0; k < last.cout; k++) {
        let m = 0;
        for (let q = 0; q < hw; q++) m += x[q * last.cout + k];
        z += (m / hw) * p.dense.W[k * C + c];
      }
      out[r * C + c] = z;
    }
  }
  return out;
}

/** 2×2 max-pool, stride 2, 'valid' (an odd last row / column is dropped, as tf.maxPool with 'valid'). */
function maxPool2(x: Float64Array, h: number, w: number, c: number): Float64Array {
  const h2 = Math.floor(h / 2);
  const w2 = Math.floor(w / 2);
  const out = new Float64Array(h2 * w2 * c);
  for (let i = 0; i < h2; i++) {
    for (let j = 0; j < w2; j++) {
      for (let k = 0; k < c; k++) {
        const a = x[((2 * i) * w + 2 * j) * c + k];
        const b = x[((2 * i) * w + 2 * j + 1) * c + k];
        const d = x[((2 * i + 1) * w + 2 * j) * c + k];
        const e = x[((2 * i + 1) * w + 2 * j + 1) * c + k];
        out[(i * w2 + j) * c + k] = Math.max(a, b, d, e);
      }
    }
  }
  return out;
}
