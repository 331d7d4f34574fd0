import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resizeArea, rgbaToFloat } from './pixels';

describe('rgbaToFloat', () => {
  it('gray is BT.601 luma of the colour, in [0, 1]', () => {
    const rgba = Uint8ClampedArray.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]);
    const g = rgbaToFloat(rgba, 4, 1, 1);
    expect(Array.from(g).map((v) => +v.toFixed(6))).toEqual([0.299, 0.587, 0.114, 1]);
  });

  it('RGB keeps the channels in HWC order', () => {
    const rgba = Uint8ClampedArray.from([255, 51, 0, 255, 0, 0, 255, 255]);
    expect(Array.from(rgbaToFloat(rgba, 2, 1, 3)).map((v) => +v.toFixed(6))).toEqual([1, 0.2, 0, 0, 0, 1]);
  });

  it('composites alpha over black, so the hidden colour of transparent pixels does not leak', () => {
    const rgba = Uint8ClampedArray.from([255, 255, 255, 0, 255, 255, 255, 51]);
    const g = rgbaToFloat(rgba, 2, 1, 3);
    expect(Array.from(g.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(g[3]).toBeCloseTo(0.2, 6);
  });

  it('writes into a larger buffer at an offset', () => {
    const out = new Float32Array(6).fill(-1);
    rgbaToFloat(Uint8ClampedArray.from([255, 255, 255, 255, 0, 0, 0, 255]), 2, 1, 1, out, 3);
    expect(Array.from(out)).toEqual([-1, -1, -1, 1, 0, -1]);
  });

  it('refuses a buffer of the wrong length', () => {
    expect(() => rgbaToFloat(new Uint8ClampedArray(12), 2, 2, 1)).toThrow('A 2×2 RGBA image needs 16 bytes. Got 12 instead.');
  });
});

describe('resizeArea', () => {
  it('averages the covered area, fractions at the edges (by hand: 3 → 2)', () => {
    // Target pixel 0 covers source [0, 1.5): (1·a + 0.5·b) / 1.5; pixel 1 covers [1.5, 3).
    const out = resizeArea(Float32Array.from([0, 0.3, 0.9]), 3, 1, 1, 2, 1);
    expect(out[0]).toBeCloseTo((0 + 0.5 * 0.3) / 1.5, 6);
    expect(out[1]).toBeCloseTo((0.5 * 0.3 + 0.9) / 1.5, 6);
  });

  it('halving is the mean of each 2×2 block; doubling repeats pixels', () => {
    const src = Float32Array.from([0, 0.2, 0.4, 0.6, 1, 1, 1, 1]); // 2 rows × 4 cols, 1 channel
    expect(Array.from(resizeArea(src, 4, 2, 1, 2, 1)).map((v) => +v.toFixed(6))).toEqual([0.55, 0.75]);
    expect(Array.from(resizeArea(Float32Array.from([0.1, 0.9]), 2, 1, 1, 4, 2)).map((v) => +v.toFixed(6))).toEqual([0.1, 0.1, 0.9, 0.9, 0.1, 0.1, 0.9, 0.9]);
  });

  it('keeps each channel separate', () => {
    const src = Float32Array.from([1, 0, 0, 0, 1, 0]); // 2×1 RGB: red, green
    expect(Array.from(resizeArea(src, 2, 1, 3, 1, 1))).toEqual([0.5, 0.5, 0]);
  });

  it('preserves the mean intensity and the value range for any sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 1000 }),
        (sw, sh, tw, th, seed) => {
          const src = Float32Array.from({ length: sw * sh }, (_, i) => ((i * 7919 + seed) % 101) / 100);
          const out = resizeArea(src, sw, sh, 1, tw, th);
          const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
          expect(mean(out)).toBeCloseTo(mean(src), 5);
          const [lo, hi] = [Math.min(...src), Math.max(...src)];
          for (const v of out) expect(v >= lo - 1e-6 && v <= hi + 1e-6).toBe(true);
        },
      ),
    );
  });

  it('returns a copy when the size already matches, and refuses bad sizes', () => {
    const src = Float32Array.from([0.5]);
    const out = resizeArea(src, 1, 1, 1, 1, 1);
    expect(out).not.toBe(src);
    expect(() => resizeArea(src, 1, 1, 1, 0, 1)).toThrow('The target width must be a positive integer. Got 0 instead.');
    expect(() => resizeArea(src, 2, 1, 1, 1, 1)).toThrow('A 2×1×1 image needs 2 values. Got 1 instead.');
  });
});
