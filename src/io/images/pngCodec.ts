/**
 * A small pure-JS PNG codec (fflate for zlib): decodes the 8-bit and low-bit-depth, non-interlaced
 * PNGs that image data sets use, and encodes RGBA / gray images. Not used by the browser path
 * (createImageBitmap decodes every format there); it lets Node tests and scripts run the whole
 * loading pipeline on real files, and build PNG fixtures, without a browser.
 *
 * @see ISO/IEC 15948:2004 (PNG), §9 filtering, §11 chunks
 */
import { unzlibSync, zlibSync } from 'fflate';
import { crc32 } from './readZip';
import type { DecodedImage, ImageDecoderFn } from './decodeImages';

const SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const u32 = (b: Uint8Array, o: number) => ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes a PNG to RGBA at its own size.
 *
 * @throws Error naming what is wrong: bad signature, bad chunk checksum, truncated file (no IEND),
 *   unsupported variant (interlaced, unknown colour type), or image data of the wrong length.
 */
export function decodePng(bytes: Uint8Array): DecodedImage {
  if (bytes.length < 8 || SIG.some((v, i) => bytes[i] !== v)) throw new Error('not a PNG file (bad signature)');
  let o = 8;
  let ihdr: Uint8Array | null = null;
  let palette: Uint8Array | null = null;
  let trns: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (!ended) {
    if (o + 12 > bytes.length) throw new Error('truncated PNG (the file ends before its IEND chunk)');
    const len = u32(bytes, o);
    const type = String.fromCharCode(...bytes.subarray(o + 4, o + 8));
    if (o + 12 + len > bytes.length) throw new Error(`truncated PNG (the file ends inside its ${type} chunk)`);
    if (crc32(bytes.subarray(o + 4, o + 8 + len)) !== u32(bytes, o + 8 + len)) throw new Error(`corrupt PNG (${type} chunk checksum mismatch)`);
    const data = bytes.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') ihdr = data;
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    o += 12 + len;
  }
  if (!ihdr || ihdr.length < 13) throw new Error('corrupt PNG (no IHDR chunk)');
  const width = u32(ihdr, 0);
  const height = u32(ihdr, 4);
  const depth = ihdr[8];
  const colorType = ihdr[9];
  if (ihdr[12] !== 0) throw new Error('interlaced PNGs are not supported by this decoder');
  const ch = CHANNELS[colorType];
  if (!ch || ![1, 2, 4, 8, 16].includes(depth)) throw new Error(`unsupported PNG colour type ${colorType} / bit depth ${depth}`);
  if (colorType === 3 && !palette) throw new Error('corrupt PNG (palette image without PLTE chunk)');
  const total = idat.reduce((s, c) => s + c.length, 0);
  const z = new Uint8Array(total);
  idat.reduce((off, c) => (z.set(c, off), off + c.length), 0);
  const stride = Math.ceil((width * ch * depth) / 8);
  const bpp = Math.max(1, (ch * depth) >> 3);
  let raw: Uint8Array;
  try {
    raw = unzlibSync(z);
  } catch (e) {
    throw new Error(`corrupt PNG image data (${e instanceof Error ? e.message : String(e)})`);
  }
  if (raw.length < (stride + 1) * height) throw new Error(`corrupt PNG (image data holds ${raw.length} bytes, ${(stride + 1) * height} expected)`);

  const cur = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  const rgba = new Uint8ClampedArray(width * height * 4);
  const maxV = (1 << Math.min(depth, 8)) - 1;
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    if (f > 4) throw new Error(`corrupt PNG (unknown filter type ${f} on row ${y})`);
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      const x = line[i];
      cur[i] = f === 0 ? x : f === 1 ? x + a : f === 2 ? x + b : f === 3 ? x + ((a + b) >> 1) : x + paeth(a, b, c);
    }
    for (let x = 0; x < width; x++) {
      const sample = (k: number): number => {
        if (depth === 8) return cur[x * ch + k];
        if (depth === 16) return cur[(x * ch + k) * 2];
        const bit = (x * ch + k) * depth;
        return (cur[bit >> 3] >> (8 - depth - (bit & 7))) & maxV;
      };
      const p = (y * width + x) * 4;
      if (colorType === 3) {
        const i = sample(0);
        rgba[p] = palette![i * 3];
        rgba[p + 1] = palette![i * 3 + 1];
        rgba[p + 2] = palette![i * 3 + 2];
        rgba[p + 3] = trns && i < trns.length ? trns[i] : 255;
      } else {
        const scale = depth < 8 ? 255 / maxV : 1;
        const g = sample(0) * scale;
        rgba[p] = g;
        rgba[p + 1] = ch >= 3 ? sample(1) : g;
        rgba[p + 2] = ch >= 3 ? sample(2) : g;
        rgba[p + 3] = ch === 2 ? sample(1) : ch === 4 ? sample(3) : 255;
      }
    }
    prev.set(cur);
  }
  return { rgba, width, height };
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encodes an 8-bit PNG: `pixels` holds width·height·channels bytes, channels 1 (gray), 3 (RGB) or
 * 4 (RGBA). Filter 0 on every row; small and exact, meant for fixtures and tests.
 */
export function encodePng(pixels: ArrayLike<number>, width: number, height: number, channels: 1 | 3 | 4 = 4): Uint8Array {
  if (pixels.length !== width * height * channels) throw new Error(`encodePng: ${width}×${height}×${channels} needs ${width * height * channels} bytes, got ${pixels.length}`);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8;
  ihdr[9] = channels === 1 ? 0 : channels === 3 ? 2 : 6;
  const raw = new Uint8Array((width * channels + 1) * height);
  for (let y = 0; y < height; y++) for (let i = 0; i < width * channels; i++) raw[y * (width * channels + 1) + 1 + i] = pixels[y * width * channels + i];
  const parts = [Uint8Array.from(SIG), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((off, p) => (out.set(p, off), off + p.length), 0);
  return out;
}

/** An `ImageDecoderFn` for Node: decodes PNG (at its own size; the loader resizes), rejects other formats. */
export const pngDecoder: ImageDecoderFn = async (data, _size, info) => {
  if (info.type !== 'png') throw new Error(`only PNG can be decoded outside the browser, not ${info.type.toUpperCase()}`);
  return decodePng(data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer()));
};
