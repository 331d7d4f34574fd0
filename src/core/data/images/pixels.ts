/**
 * Pixel conversions that need no browser: RGBA bytes → Float32 gray or RGB in [0, 1], and an
 * area-average resize. The browser decoder resizes while decoding (createImageBitmap), so these
 * run there only when a decoder returns another size; in Node (tests, CLI) they do all the work.
 */
import { DataError, got } from '../../errors';

/**
 * ITU-R BT.601 luma weights, Y' = 0.299 R' + 0.587 G' + 0.114 B' — the weights of PIL's
 * `convert('L')` and OpenCV's `COLOR_RGB2GRAY`, so gray values match a Python pipeline.
 */
export const LUMA_BT601 = [0.299, 0.587, 0.114] as const;

/**
 * Converts `width × height` RGBA bytes to `channels` floats per pixel in [0, 1], HWC order.
 *
 * Alpha is composited over black (each channel × A/255): the colour under a fully transparent
 * pixel is arbitrary (often left over from editing), so it must not leak into the features, and
 * "transparent = nothing = 0" matches the white-on-black convention of MNIST-like digit sets.
 *
 * @param out written from `offset` (default: a new array of width·height·channels).
 * @throws DataError when `rgba` does not hold width·height·4 bytes.
 */
export function rgbaToFloat(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  channels: 1 | 3,
  out: Float32Array = new Float32Array(width * height * channels),
  offset = 0,
): Float32Array {
  const n = width * height;
  if (rgba.length !== n * 4) throw new DataError(`A ${width}×${height} RGBA image needs ${n * 4} bytes. Got ${rgba.length} instead.`);
  const [wr, wg, wb] = LUMA_BT601;
  for (let p = 0; p < n; p++) {
    const a = rgba[p * 4 + 3] / (255 * 255);
    const r = rgba[p * 4];
    const g = rgba[p * 4 + 1];
    const b = rgba[p * 4 + 2];
    if (channels === 1) {
      out[offset + p] = (wr * r + wg * g + wb * b) * a;
    } else {
      out[offset + p * 3] = r * a;
      out[offset + p * 3 + 1] = g * a;
      out[offset + p * 3 + 2] = b * a;
    }
  }
  return out;
}

/** Source pixels and weights of each target pixel along one axis (exact integer overlaps). */
function areaWeights(src: number, dst: number): { index: Int32Array; weight: Float64Array; start: Int32Array } {
  // Target pixel t covers [t·src, (t+1)·src) and source pixel s covers [s·dst, (s+1)·dst), both in units of 1/dst.
  const index: number[] = [];
  const weight: number[] = [];
  const start = new Int32Array(dst + 1);
  for (let t = 0; t < dst; t++) {
    start[t] = index.length;
    const lo = t * src;
    const hi = (t + 1) * src;
    for (let s = Math.floor(lo / dst); s * dst < hi; s++) {
      const overlap = Math.min(hi, (s + 1) * dst) - Math.max(lo, s * dst);
      if (overlap > 0) {
        index.push(s);
        weight.push(overlap / src);
      }
    }
  }
  start[dst] = index.length;
  return { index: Int32Array.from(index), weight: Float64Array.from(weight), start };
}

/**
 * Area-average ("box") resize of an HWC float image: each target pixel is the mean of the source
 * area it covers, with fractional coverage at the edges, so downscaling does not alias and the
 * mean intensity is preserved exactly. Upscaling repeats pixels (no smoothing); browsers'
 * 'high' quality resize interpolates instead, so upscaled values differ slightly between the two.
 *
 * @throws DataError when `src` does not hold sw·sh·channels values or a size is not a positive integer.
 */
export function resizeArea(src: Float32Array, sw: number, sh: number, channels: number, tw: number, th: number): Float32Array {
  for (const [name, v] of [['source width', sw], ['source height', sh], ['target width', tw], ['target height', th]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new DataError(`The ${name} must be a positive integer. Got ${got(v)} instead.`);
  }
  if (src.length !== sw * sh * channels) throw new DataError(`A ${sw}×${sh}×${channels} image needs ${sw * sh * channels} values. Got ${src.length} instead.`);
  if (sw === tw && sh === th) return src.slice();
  const wx = areaWeights(sw, tw);
  const wy = areaWeights(sh, th);
  // Horizontal pass: sh × tw × channels.
  const mid = new Float64Array(sh * tw * channels);
  for (let y = 0; y < sh; y++) {
    for (let t = 0; t < tw; t++) {
      for (let k = wx.start[t]; k < wx.start[t + 1]; k++) {
        const s = (y * sw + wx.index[k]) * channels;
        const d = (y * tw + t) * channels;
        for (let c = 0; c < channels; c++) mid[d + c] += wx.weight[k] * src[s + c];
      }
    }
  }
  const out = new Float64Array(th * tw * channels);
  for (let t = 0; t < th; t++) {
    for (let k = wy.start[t]; k < wy.start[t + 1]; k++) {
      const w = wy.weight[k];
      const row = wy.index[k] * tw * channels;
      const d = t * tw * channels;
      for (let j = 0; j < tw * channels; j++) out[d + j] += w * mid[row + j];
    }
  }
  return Float32Array.from(out);
}
