import { describe, expect, it } from 'vitest';
import { DataError } from '../../errors';
import { assertImageSet, imageFeatureNames, imageSetToDataset, takeImages, type ImageSet } from './imageSet';

function tinySet(): ImageSet {
  // 3 images of 2×2 RGB; image i has every value equal to i / 10.
  const pixels = new Float32Array(3 * 12);
  for (let i = 0; i < 3; i++) pixels.fill(i / 10, i * 12, (i + 1) * 12);
  return { width: 2, height: 2, channels: 3, pixels, y: Int32Array.from([0, 1, 1]), classNames: ['a', 'b'], files: ['a/0.png', 'b/1.png', 'b/2.png'], skipped: [], notes: [] };
}

describe('imageSetToDataset', () => {
  it('names features p_row_col_channel in HWC order', () => {
    expect(imageFeatureNames(2, 2, 1)).toEqual(['p_0_0_0', 'p_0_1_0', 'p_1_0_0', 'p_1_1_0']);
    expect(imageFeatureNames(1, 2, 3)).toEqual(['p_0_0_0', 'p_0_0_1', 'p_0_0_2', 'p_0_1_0', 'p_0_1_1', 'p_0_1_2']);
  });

  it('gives one row per image, kind image and imageShape [h, w, c], sharing the pixel buffer', () => {
    const set = tinySet();
    const ds = imageSetToDataset(set);
    expect(ds.X.rows).toBe(3);
    expect(ds.X.cols).toBe(12);
    expect(ds.X.data).toBe(set.pixels);
    expect(ds.kind).toBe('image');
    expect(ds.imageShape).toEqual([2, 2, 3]);
    expect(ds.featureNames).toHaveLength(12);
    expect(ds.classNames).toEqual(['a', 'b']);
    expect(Array.from(ds.y)).toEqual([0, 1, 1]);
  });

  it('refuses inconsistent sets with the numbers involved', () => {
    expect(() => imageSetToDataset({ ...tinySet(), pixels: new Float32Array(5) })).toThrow(/3 images of 2×2×3 need 36 pixel values. Got 5 instead/);
    expect(() => assertImageSet({ ...tinySet(), y: Int32Array.from([0, 2, 1]) })).toThrow(DataError);
    expect(() => assertImageSet({ ...tinySet(), files: [] })).toThrow(/one file name per image \(3\). Got 0 instead/);
  });
});

describe('takeImages', () => {
  it('copies the rows asked for, in that order', () => {
    const set = tinySet();
    const sub = takeImages(set, [2, 0]);
    expect(Array.from(sub.y)).toEqual([1, 0]);
    expect(sub.files).toEqual(['b/2.png', 'a/0.png']);
    expect(sub.pixels[0]).toBeCloseTo(0.2);
    expect(sub.pixels[12]).toBe(0);
    expect(sub.pixels.buffer).not.toBe(set.pixels.buffer);
    expect(sub.classNames).toEqual(['a', 'b']);
  });
});
