/**
 * Point samplers for the 2-D toy shapes. Each draws one point of class `c` (of `C`) and writes it
 * to `out[0..1]`. `noise` is the 0..1 "overlap" knob of the Data panel; each shape maps it to its
 * own natural scale so that 0 means clean, separable classes and 1 means heavy overlap.
 *
 * @see scikit-learn `sklearn.datasets.make_moons`, `make_circles`, `make_blobs` (the binary originals)
 */
import type { Rng } from '../random';
import type { Shape } from './generators';

export type PointSampler = (c: number, C: number, noise: number, rng: Rng, out: Float64Array) => void;

/**
 * Interleaving half circles, as scikit-learn `make_moons`: class 0 is the upper arc
 * (cos t, sin t), class 1 the lower arc (1 − cos t, 0.5 − sin t), t ~ U[0, π], plus isotropic
 * Gaussian noise with σ = 0.4 · noise. With C > 2 the arcs continue as a chain: class c is an upper
 * arc (c even) or a lower arc (c odd) shifted right by 2·⌊c/2⌋, so every arc interleaves with its
 * neighbours.
 */
export const moons: PointSampler = (c, _C, noise, rng, out) => {
  const t = Math.PI * rng.next();
  const shift = 2 * Math.floor(c / 2);
  const sd = 0.4 * noise;
  if (c % 2 === 0) {
    out[0] = Math.cos(t) + shift + sd * rng.normal();
    out[1] = Math.sin(t) + sd * rng.normal();
  } else {
    out[0] = 1 - Math.cos(t) + shift + sd * rng.normal();
    out[1] = 0.5 - Math.sin(t) + sd * rng.normal();
  }
};

/**
 * Isotropic Gaussian blobs with centres evenly spaced on a circle of radius 2, class c at angle
 * 2πc/C. σ = d · (0.05 + 0.45 · noise), where d = 4 sin(π/C) is the distance between
 * neighbouring centres, so the overlap looks the same for any number of classes.
 */
export const blobs: PointSampler = (c, C, noise, rng, out) => {
  const angle = (2 * Math.PI * c) / C;
  const d = 4 * Math.sin(Math.PI / C);
  const sd = d * (0.05 + 0.45 * noise);
  out[0] = 2 * Math.cos(angle) + sd * rng.normal();
  out[1] = 2 * Math.sin(angle) + sd * rng.normal();
};

/**
 * Concentric rings (scikit-learn `make_circles` generalised): class c on radius (C − c)/C, so the
 * largest class has the outer, longest ring; angle ~ U[0, 2π); Gaussian noise with
 * σ = 0.8 · noise / C (the gap between rings is 1/C).
 */
export const circles: PointSampler = (c, C, noise, rng, out) => {
  const angle = 2 * Math.PI * rng.next();
  const r = (C - c) / C;
  const sd = (0.8 * noise) / C;
  out[0] = r * Math.cos(angle) + sd * rng.normal();
  out[1] = r * Math.sin(angle) + sd * rng.normal();
};

/**
 * C interleaved arms of an Archimedean spiral: r = t, θ = 2πc/C + 3πt, t ~ U[0.08, 1]
 * (one and a half turns). Arms are 2/(3C) apart along a ray; Gaussian noise with
 * σ = 0.8 · noise · 2/(3C).
 */
export const spiral: PointSampler = (c, C, noise, rng, out) => {
  const t = 0.08 + 0.92 * rng.next();
  const theta = (2 * Math.PI * c) / C + 3 * Math.PI * t;
  const sd = (0.8 * noise * 2) / (3 * C);
  out[0] = t * Math.cos(theta) + sd * rng.normal();
  out[1] = t * Math.sin(theta) + sd * rng.normal();
};

/**
 * Checkerboard on [−1, 1]² with a C × C grid of cells; cell (i, j) belongs to class (i + j) mod C,
 * so neighbouring cells always differ and every class owns C cells. With C = 2 this is XOR:
 * class 0 where x·y > 0, class 1 where x·y < 0. A point is uniform in one of its class's cells
 * plus Gaussian noise with σ = 0.4 · noise · (cell width).
 */
export const xor: PointSampler = (c, C, noise, rng, out) => {
  const w = 2 / C;
  const i = rng.int(C);
  const j = (((c - i) % C) + C) % C;
  const sd = 0.4 * noise * w;
  out[0] = -1 + (i + rng.next()) * w + sd * rng.normal();
  out[1] = -1 + (j + rng.next()) * w + sd * rng.normal();
};

export const SHAPE_SAMPLERS: Record<Shape, PointSampler> = { moons, blobs, circles, spiral, xor };
