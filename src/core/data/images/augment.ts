/**
 * Image augmentation for training batches (host side, per row, seeded): a random horizontal flip,
 * an integer shift of up to `shift` pixels, a rotation by up to ±`rotate` degrees (bilinear
 * resampling about the centre, zeros outside) and Gaussian pixel noise of standard deviation
 * `noise`, applied to raw pixel values (HWC, [0, 1]). Restricting it to tail classes gives the
 * rare classes more variety without touching the head (a standard long-tail trick).
 * @see Shorten & Khoshgoftaar 2019, A survey on Image Data Augmentation for Deep Learning, Journal of Big Data 6
 */
import type { Rng } from '../../random';

export interface AugmentOps {
  flip: boolean;
  /** Largest shift in pixels (each axis). */
  shift: number;
  /** Largest rotation in degrees (either way). */
  rotate: number;
  /** Standard deviation of added Gaussian noise. */
  noise: number;
}

/** Writes an augmented copy of the image `src` (h × w × c, HWC) into `out`. Draws from `rng` only. */
export function augmentImage(src: ArrayLike<number>, shape: readonly [number, number, number], ops: AugmentOps, rng: Rng, out: Float64Array | Float32Array): void {
  const [h, w, c] = shape;
  const flip = ops.flip && rng.next() < 0.5;
  const dx = ops.shift > 0 ? rng.int(2 * ops.shift + 1) - ops.shift : 0;
  const dy = ops.shift > 0 ? rng.int(2 * ops.shift + 1) - ops.shift : 0;
  const theta = ops.rotate > 0 ? ((rng.next() * 2 - 1) * ops.rotate * Math.PI) / 180 : 0;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const at = (yy: number, xx: number, k: number) => (yy < 0 || yy >= h || xx < 0 || xx >= w ? 0 : src[(yy * w + xx) * c + k]);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Inverse map: output pixel → source position (undo the shift, the rotation, the flip).
      const ux = x - dx - cx;
      const uy = y - dy - cy;
      let sx = cos * ux + sin * uy + cx;
      const sy = -sin * ux + cos * uy + cy;
      if (flip) sx = w - 1 - sx;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let k = 0; k < c; k++) {
        let v = (1 - fy) * ((1 - fx) * at(y0, x0, k) + fx * at(y0, x0 + 1, k)) + fy * ((1 - fx) * at(y0 + 1, x0, k) + fx * at(y0 + 1, x0 + 1, k));
        if (ops.noise > 0) v += ops.noise * rng.normal();
        out[(y * w + x) * c + k] = v;
      }
    }
  }
}
