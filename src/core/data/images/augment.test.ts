import { describe, expect, it } from 'vitest';
import { createRng } from '../../random';
import { augmentImage } from './augment';

// A 3×4 gray image with distinct values.
const img = Float64Array.from({ length: 12 }, (_, i) => i / 11);
const shape = [3, 4, 1] as const;
const none = { flip: false, shift: 0, rotate: 0, noise: 0 };

describe('image augmentation', () => {
  it('no operation copies the image exactly', () => {
    const out = new Float64Array(12);
    augmentImage(img, shape, none, createRng(1), out);
    expect(Array.from(out)).toEqual(Array.from(img));
  });

  it('a flip mirrors each row; a shift moves pixels and fills zeros', () => {
    // Find seeds whose draw flips / shifts, then check the result exactly.
    let flipped: Float64Array | null = null;
    for (let s = 0; s < 20 && !flipped; s++) {
      const out = new Float64Array(12);
      augmentImage(img, shape, { ...none, flip: true }, createRng(s), out);
      if (out[0] !== img[0]) flipped = out;
    }
    expect(Array.from(flipped!.subarray(0, 4))).toEqual([3, 2, 1, 0].map((i) => img[i]));
    const rng = createRng(5);
    const out = new Float64Array(12);
    augmentImage(img, shape, { ...none, shift: 1 }, rng, out);
    const moved = Array.from(out);
    // Every value is 0 (filled) or one of the image's values.
    for (const v of moved) expect(v === 0 || img.some((p) => Math.abs(p - v) < 1e-12)).toBe(true);
  });

  it('a 180° rotation of a centred image reverses it; noise has the asked spread', () => {
    const out = new Float64Array(12);
    const rng = { next: () => 1, int: () => 0, normal: () => 0 } as unknown as ReturnType<typeof createRng>;
    augmentImage(img, shape, { ...none, rotate: 180 }, rng, out);
    Array.from(out).forEach((v, i) => expect(v).toBeCloseTo(img[11 - i], 9));
    const big = new Float64Array(10000).fill(0.5);
    const noisy = new Float64Array(10000);
    augmentImage(big, [100, 100, 1], { ...none, noise: 0.1 }, createRng(2), noisy);
    const mean = noisy.reduce((a, b) => a + b, 0) / 10000;
    const sd = Math.sqrt(noisy.reduce((a, v) => a + (v - mean) ** 2, 0) / 9999);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sd).toBeCloseTo(0.1, 2);
  });
});
