/**
 * The WebAssembly SIMD screening path of `kNearest` (see knn.ts and knnKernel.wat).
 *
 * The kernel screens query × reference pairs in float32 on copies of the data scaled by a power of
 * two 2^−e so that every |value| <= 1 (exact in float64; only the float32 rounding changes values).
 * It keeps a pair when, in float32 arithmetic,
 *
 *   v = fl(fl(qn + rn) − 2·dot) − fl(c · fl(qn + rn))  <=  thr,   c = (2d + 16)·u,  u = 2^−24,
 *
 * where qn, rn are the float32-rounded squared norms (computed in float64 from the scaled values),
 * dot is the float32 dot product of the float32-rounded rows accumulated sequentially over the d
 * features, and thr = fl32↑(W·(1 + 2^−20) + η) with W the current k-th best exact squared distance
 * (scaled by 2^−2e) and η = 2^−100. Why no true neighbour is dropped, with S = ‖a‖² + ‖b‖² (scaled):
 * - rounding a, b to float32 changes a·b by at most (2u + u²)·‖a‖‖b‖ <= (1.01u)·S;
 * - the float32 dot product adds at most γ_d·Σ|a'_t b'_t| <= 1.01·d·u·(1 + u)²·S/2 (γ_d = du/(1 − du), d <= 4096);
 * - qn + rn is within 2.01u·S of S, the subtraction adds u·|S − 2dot| <= 2.05u·S, and the final
 *   subtraction u·|v| <= 2.2u·S;
 * so |v + fl(c·S) − D| <= (8.3 + 1.04d)·u·S + τ for the true squared distance D, where τ (subnormal
 * float32 values and products, all |values| <= 1) is below 2d·2^−147 < η/2. Since
 * fl(c·fl(qn + rn)) >= c·(1 − 5u)·S >= (8.3 + 1.04d)·u·S + (float64 error of the exact sum), v <= D + τ,
 * and every pair whose exact float64 squared distance is <= W passes v <= thr. Survivors are
 * re-measured exactly by the caller, so results are exactly those of the float64 path.
 * Non-finite inputs are not supported (callers validate); data whose scale is outside 2^±300 falls back.
 */
import { KNN_KERNEL_WASM_BASE64 } from './knnKernel.wasm';

// Minimal WebAssembly typings: the core compiles with lib ES2022 only (no DOM).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
type ScreenFn = (
  q: number,
  nQuads: number,
  r: number,
  nPairs: number,
  d: number,
  qn: number,
  rn: number,
  thr: number,
  out: number,
  c: number,
  thrR: number,
  both: number,
) => number;

/** Queries per kernel call (a tile stays in cache while the reference blocks stream past it). */
const TILE_QUERIES = 256;
/** Largest reference block per kernel call (a multiple of 8). */
const MAX_BLOCK = 512;
/** Absolute slack η of the screening bound (scaled units, see above). */
const ETA = 2 ** -100;

let compiled: object | null | undefined;

function decodeBase64(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lookup = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | lookup[clean.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/** The compiled kernel module, or null when WebAssembly (with SIMD) is unavailable here. */
function kernelModule(): object | null {
  if (compiled === undefined) {
    compiled = null;
    const api = wasmApi();
    if (api) {
      try {
        compiled = new api.Module(decodeBase64(KNN_KERNEL_WASM_BASE64));
      } catch {
        compiled = null;
      }
    }
  }
  return compiled;
}

/** Whether the WebAssembly SIMD kernel can run in this environment. */
export function wasmKernelAvailable(): boolean {
  return kernelModule() !== null;
}

/**
 * Screens every (query i, reference j) pair with the kernel and calls `consider(i, j)` for the
 * survivors (for each query in ascending j, except with `sameSet`, where `consider` must rank by
 * (distance, index) whatever the order). `worst[i]` (the current k-th best exact squared
 * distance, kept up to date by `consider`) sets the threshold. Returns false, having done nothing,
 * when the kernel is unavailable or the data are out of its range; the caller then uses the JS path.
 */
export function screenWithWasm(
  q: ArrayLike<number>,
  r: ArrayLike<number>,
  n: number,
  m: number,
  d: number,
  sameSet: boolean,
  worst: Float64Array,
  consider: (i: number, j: number) => void,
): boolean {
  if (d < 1 || d > 4096) return false;
  const module = kernelModule();
  const api = wasmApi();
  if (!module || !api) return false;

  let maxAbs = 0;
  for (let t = 0; t < n * d; t++) {
    const v = Math.abs(q[t]);
    if (v > maxAbs) maxAbs = v;
  }
  if (!sameSet) {
    for (let t = 0; t < m * d; t++) {
      const v = Math.abs(r[t]);
      if (v > maxAbs) maxAbs = v;
    }
  }
  if (!Number.isFinite(maxAbs)) return false;
  let e = maxAbs > 0 ? Math.ceil(Math.log2(maxAbs)) : 0;
  if (e < -300 || e > 300) return false;
  while (maxAbs * 2 ** -e > 1) e++;
  const scale = 2 ** -e;
  const scale2 = scale * scale;

  const n4 = Math.ceil(n / 4) * 4;
  const m8 = Math.ceil(m / 8) * 8;
  const rows = Math.max(n4, m8);
  const qOff = 0;
  const rOff = qOff + n4 * d * 4;
  const qnOff = rOff + m8 * d * 4;
  const rnOff = qnOff + n4 * 4;
  const thrOff = rnOff + m8 * 4;
  const outOff = thrOff + rows * 4;
  const bytes = outOff + 2 * TILE_QUERIES * MAX_BLOCK * 8;
  let memory: WasmMemory;
  let screen: ScreenFn;
  try {
    memory = new api.Memory({ initial: Math.ceil(bytes / 65536) });
    screen = new api.Instance(module, { env: { mem: memory } }).exports.screen as ScreenFn;
  } catch {
    return false;
  }
  const f32 = new Float32Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);

  // Queries row-major; their norms; padded rows never pass (norm +∞ makes the bound NaN).
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      const v = q[i * d + t] * scale;
      f32[(qOff >> 2) + i * d + t] = v;
      s += v * v;
    }
    f32[(qnOff >> 2) + i] = s;
  }
  for (let i = n; i < n4; i++) f32[(qnOff >> 2) + i] = Infinity;
  for (let i = 0; i < rows; i++) f32[(thrOff >> 2) + i] = i < n ? Infinity : -Infinity;
  // References in groups of 4, feature-major; padded rows get norm +∞ as well.
  for (let j = 0; j < m8; j++) {
    const g = (rOff >> 2) + (j >> 2) * d * 4 + (j & 3);
    if (j < m) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = r[j * d + t] * scale;
        f32[g + t * 4] = v;
        s += v * v;
      }
      f32[(rnOff >> 2) + j] = s;
    } else {
      f32[(rnOff >> 2) + j] = Infinity;
    }
  }

  const c = (2 * d + 16) * 2 ** -24;
  const widen = 1 + 2 ** -20;
  /** Refreshes the float32 thresholds of rows [a, b) from `worst` (rounded up, see above). */
  const refresh = (a: number, b: number): void => {
    for (let i = a; i < b; i++) {
      const w = worst[i];
      f32[(thrOff >> 2) + i] = w === Infinity ? Infinity : w * scale2 * widen + ETA;
    }
  };
  /** One kernel call: query rows [i0, i1) × reference rows [b0, b1) (b0, b1 multiples of 8). */
  const run = (i0: number, i1: number, b0: number, b1: number, both: boolean): void => {
    refresh(i0, i1);
    if (both) refresh(b0, Math.min(b1, n));
    const count = screen(
      qOff + i0 * d * 4,
      Math.ceil((i1 - i0) / 4),
      rOff + b0 * d * 4,
      (b1 - b0) >> 3,
      d,
      qnOff + i0 * 4,
      rnOff + b0 * 4,
      thrOff + i0 * 4,
      outOff,
      c,
      thrOff + b0 * 4,
      both ? 1 : 0,
    );
    for (let t = 0, o = outOff >> 2; t < count; t++, o += 2) {
      const v = i32[o];
      const i = i0 + (v & 0xffff);
      const j = b0 + i32[o + 1];
      if (i >= n || j >= m) continue;
      if (v & 0x10000) consider(j, i);
      else consider(i, j);
    }
  };
  /**
   * Query rows [i0, i1) against reference rows [b0, b1) in blocks that grow with the number of
   * references already scanned (8, 8, 16, 32, …, MAX_BLOCK), so that the thresholds tighten early
   * and few pairs pass against a stale threshold.
   */
  const growing = (i0: number, i1: number, b0: number, b1: number): void => {
    for (let s = b0; s < b1; ) {
      const e = Math.min(b1, s + Math.min(MAX_BLOCK, Math.max(8, s - b0)));
      run(i0, i1, s, e, false);
      s = e;
    }
  };

  if (!sameSet) {
    for (let i0 = 0; i0 < n; i0 += TILE_QUERIES) growing(i0, Math.min(n, i0 + TILE_QUERIES), 0, m8);
    return true;
  }
  // Same set (dot products are symmetric): first each tile against itself, which gives every row a
  // threshold; then each pair of tiles I < J once, screening both I's rows against J and J's rows
  // against I. Every ordered pair (i, j) is screened exactly once.
  const tile = TILE_QUERIES; // a multiple of 8, so tiles are reference blocks too
  for (let i0 = 0; i0 < n; i0 += tile) growing(i0, Math.min(n, i0 + tile), i0, Math.min(m8, i0 + tile));
  for (let i0 = 0; i0 < n; i0 += tile) {
    const i1 = Math.min(n, i0 + tile);
    for (let b0 = i0 + tile; b0 < m8; b0 += MAX_BLOCK) run(i0, i1, b0, Math.min(m8, b0 + MAX_BLOCK), true);
  }
  return true;
}
