/**
 * An image data set as the loader produces it (pixels + labels + what was skipped and why), and
 * its conversion to the project's `Dataset`, so image folders flow through the same split,
 * resampling and training code as CSV files.
 */
import { DataError, got } from '../../errors';
import type { Dataset } from '../../types';

/** A file that was left out, with a reason a user can act on. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface ImageSet {
  width: number;
  height: number;
  channels: 1 | 3;
  /** n × height × width × channels, values in [0, 1], row-major HWC (the layout tf.js expects for NHWC). */
  pixels: Float32Array;
  /** Class index per image, into `classNames`. */
  y: Int32Array;
  /** Folder names, natural-sorted ('2' < '10'), so class indices do not depend on the order files arrive in. */
  classNames: string[];
  /** Source path of each image (same order as `y`). */
  files: string[];
  /** Files that were not loaded (not an image, corrupt, outside a class folder, …), sorted by path. */
  skipped: SkippedFile[];
  /** Things the user may want to know that did not stop loading (upscaled, stretched, ignored system files, …). */
  notes: string[];
}

/** Feature names `p_y_x_c` (row, column, channel) in HWC order, matching the pixel layout. */
export function imageFeatureNames(height: number, width: number, channels: number): string[] {
  const names: string[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < channels; c++) names.push(`p_${y}_${x}_${c}`);
  return names;
}

/**
 * Checks that the arrays of an image set agree with each other.
 *
 * @throws DataError naming the first inconsistency.
 */
export function assertImageSet(set: ImageSet): void {
  const { width, height, channels } = set;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new DataError(`An image set needs a positive integer width and height. Got ${got({ width, height })} instead.`);
  }
  if (channels !== 1 && channels !== 3) throw new DataError(`An image set has 1 (gray) or 3 (RGB) channels. Got ${got(channels)} instead.`);
  const n = set.y.length;
  const per = width * height * channels;
  if (set.pixels.length !== n * per) {
    throw new DataError(`${n} images of ${height}×${width}×${channels} need ${n * per} pixel values. Got ${set.pixels.length} instead.`);
  }
  if (set.files.length !== n) throw new DataError(`An image set needs one file name per image (${n}). Got ${set.files.length} instead.`);
  for (let i = 0; i < n; i++) {
    if (set.y[i] < 0 || set.y[i] >= set.classNames.length) {
      throw new DataError(`Every label must index classNames (0..${set.classNames.length - 1}), but image ${i} does not. Got ${set.y[i]} instead.`);
    }
  }
}

/**
 * The image set as a `Dataset`: X is n × (h·w·c), one row per image in HWC order, and
 * `imageShape` is [h, w, c] so a CNN can reshape the rows back.
 *
 * X shares its buffer with `set.pixels` (no copy: a 32×32 RGB set of 50k images is 600 MB);
 * neither is modified by the core, which never mutates its inputs.
 *
 * @throws DataError when the set is inconsistent (see `assertImageSet`).
 */
export function imageSetToDataset(set: ImageSet): Dataset {
  assertImageSet(set);
  const cols = set.width * set.height * set.channels;
  return {
    X: { data: set.pixels, rows: set.y.length, cols },
    y: set.y,
    classNames: set.classNames.slice(),
    featureNames: imageFeatureNames(set.height, set.width, set.channels),
    kind: 'image',
    imageShape: [set.height, set.width, set.channels],
  };
}

/**
 * The images at `rows` (in that order) as a new set with copied pixels; classes, skipped files and
 * notes are kept, so the subsets of `buildLongTail` still share class indices with the whole.
 */
export function takeImages(set: ImageSet, rows: ArrayLike<number>): ImageSet {
  const per = set.width * set.height * set.channels;
  const pixels = new Float32Array(rows.length * per);
  const y = new Int32Array(rows.length);
  const files: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!(r >= 0 && r < set.y.length)) throw new DataError(`Row ${i} must index an image (0..${set.y.length - 1}). Got ${got(r)} instead.`);
    pixels.set(set.pixels.subarray(r * per, (r + 1) * per), i * per);
    y[i] = set.y[r];
    files.push(set.files[r]);
  }
  return { ...set, pixels, y, files, classNames: set.classNames.slice(), skipped: set.skipped.slice(), notes: set.notes.slice() };
}
