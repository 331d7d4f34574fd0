/**
 * Files (from a zip or a picked folder) → `ImageSet`: class from the path, type from the bytes,
 * pixels from a decoder, everything resized to one square size. Broken or non-image files are
 * listed in `skipped` and never stop the load; only "no usable images" and "one class only" do.
 *
 * The decoder is an argument: `browserDecoder` (createImageBitmap + OffscreenCanvas) in a worker,
 * a pure-JS one in Node tests, so every step but the browser's own decoding is tested in Node.
 */
import { CancelledError, ConfigError, DataError, got } from '../../core/errors';
import type { ImageSet, SkippedFile } from '../../core/data/images/imageSet';
import { assignClasses, classifyPaths, naturalCompare } from '../../core/data/images/layout';
import { resizeArea, rgbaToFloat } from '../../core/data/images/pixels';
import { checkImageHeader, extensionMatches, imageTypeName, type ImageType } from '../../core/data/images/sniff';
import { formatBytes } from './readZip';

export interface DecodedImage {
  /** width × height × 4 bytes, RGBA, not premultiplied. */
  rgba: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/**
 * Decodes one image. May return it at `size` × `size` (the browser resizes while decoding) or at
 * any other size (resized afterwards with an area average). Rejects when the bytes cannot be decoded.
 */
export type ImageDecoderFn = (data: Uint8Array | Blob, size: number, info: { type: ImageType; path: string }) => Promise<DecodedImage>;

export interface ImageEntry {
  path: string;
  bytes: Uint8Array | Blob;
  /** Why the entry could not be extracted (see readZip); such entries are skipped with this reason. */
  problem?: string;
}

export type ImageColor = 'gray' | 'rgb';

export interface DecodeImageOptions {
  /** Side of the square output in pixels, 2..256. Default 32. */
  size?: number;
  /** 'gray' (BT.601 luma, 1 channel) or 'rgb' (3 channels). Default 'gray'. */
  color?: ImageColor;
  /** Called after each file with (files done, files in total). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** 'folder' when paths start with the picked folder's name (webkitRelativePath); default 'zip'. See classifyPaths. */
  source?: 'zip' | 'folder';
  /** Files decoded at the same time (createImageBitmap decodes off the worker's thread). Default 4. */
  concurrency?: number;
  /** Most bytes the Float32 pixel array may take. Default 512 MiB. */
  maxPixelBytes?: number;
}

export const DEFAULT_IMAGE_SIZE = 32;
export const MIN_IMAGE_SIZE = 2;
export const MAX_IMAGE_SIZE = 256;
const DEFAULT_MAX_PIXEL_BYTES = 512 * 1024 ** 2;
/** Images this small (a side ≤ 4 px) get their own note: they carry almost no detail. */
const TINY_SIDE = 4;
const NOTE_EXAMPLES = 5;

/**
 * Checks the user-facing options.
 *
 * @throws ConfigError "size must be an integer between 2 and 256 (pixels per side). Got 1000 instead." or for an unknown color.
 */
export function validateImageOptions(opts: Pick<DecodeImageOptions, 'size' | 'color'>): { size: number; channels: 1 | 3 } {
  const size = opts.size ?? DEFAULT_IMAGE_SIZE;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < MIN_IMAGE_SIZE || size > MAX_IMAGE_SIZE) {
    throw new ConfigError(`size must be an integer between ${MIN_IMAGE_SIZE} and ${MAX_IMAGE_SIZE} (pixels per side). Got ${got(opts.size)} instead.`, 'size');
  }
  const color = opts.color ?? 'gray';
  if (color !== 'gray' && color !== 'rgb') throw new ConfigError(`color must be 'gray' or 'rgb'. Got ${got(opts.color)} instead.`, 'color');
  return { size, channels: color === 'gray' ? 1 : 3 };
}

/**
 * Decodes with the browser, resizing while decoding: `createImageBitmap` with resizeWidth/Height
 * and resizeQuality 'high', drawn on an OffscreenCanvas and read back with getImageData (works in a
 * worker, no DOM). `colorSpaceConversion: 'none'` keeps the stored values, as PIL/torchvision do
 * (they ignore embedded colour profiles), so pixels match a Python pipeline; `premultiplyAlpha:
 * 'none'` leaves alpha to `rgbaToFloat`. The bitmap is closed in all cases (it holds GPU/decoder memory).
 */
export const browserDecoder: ImageDecoderFn = async (data, size) => {
  const blob = data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]);
  const bitmap = await createImageBitmap(blob, {
    resizeWidth: size,
    resizeHeight: size,
    resizeQuality: 'high',
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  try {
    const canvas = new OffscreenCanvas(size, size);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('this browser has no OffscreenCanvas 2D context');
    ctx.drawImage(bitmap, 0, 0);
    return { rgba: ctx.getImageData(0, 0, size, size).data, width: size, height: size };
  } finally {
    bitmap.close();
  }
};

interface Slot {
  path: string;
  className: string;
  entry: ImageEntry;
  type?: ImageType;
  /** Size in the file (header, else as decoded). */
  sourceWidth?: number;
  sourceHeight?: number;
  ok: boolean;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\.$/, '');

/** "a, b and 3 more" style list of notes, at most NOTE_EXAMPLES each. */
function limited(lines: string[], more: (n: number) => string): string[] {
  return lines.length <= NOTE_EXAMPLES ? lines : [...lines.slice(0, NOTE_EXAMPLES), more(lines.length - NOTE_EXAMPLES)];
}

/**
 * Loads image files into an ImageSet of `size` × `size` images.
 *
 * Rows are ordered by class (natural order of folder names), then by path, whatever order the files
 * arrive in, so the same upload gives the same set. Files are skipped, with a reason, when they are
 * system files (silently, counted in a note), outside a class folder or nested too deep, unsafe
 * paths, not images, of an unsupported format, declare more than 8192 px a side, or fail to decode.
 *
 * @param decoder defaults to `browserDecoder`; tests inject a pure one.
 * @throws DataError when no image or only one class is left ("No images found: …", "Found images of
 *   only one class …"), or when the pixels would exceed `maxPixelBytes`.
 * @throws ConfigError for a bad size or color (see validateImageOptions).
 * @throws CancelledError when `signal` is aborted (checked before each file).
 */
export async function decodeImageEntries(
  entries: readonly ImageEntry[],
  opts: DecodeImageOptions = {},
  decoder: ImageDecoderFn = browserDecoder,
): Promise<ImageSet> {
  const { size, channels } = validateImageOptions(opts);
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 4));
  const maxPixelBytes = opts.maxPixelBytes ?? DEFAULT_MAX_PIXEL_BYTES;
  const aborted = () => opts.signal?.aborted === true;
  if (aborted()) throw new CancelledError();

  const layout = classifyPaths(
    entries.map((e) => e.path),
    { source: opts.source },
  );
  const skipped: SkippedFile[] = [...layout.skipped];
  const sortSkipped = () => skipped.sort((a, b) => naturalCompare(a.file, b.file));
  if (layout.files.length === 0) assignClasses([], sortSkipped()); // throws "No images found"

  const slots: Slot[] = layout.files
    .map((f) => ({ path: f.path, className: f.className, entry: entries[f.index], ok: false }))
    .sort((a, b) => naturalCompare(a.className, b.className) || naturalCompare(a.path, b.path));
  const per = size * size * channels;
  const bytesNeeded = slots.length * per * 4;
  if (bytesNeeded > maxPixelBytes) {
    const fit = Math.floor(Math.sqrt(maxPixelBytes / (slots.length * channels * 4)));
    throw new DataError(
      `${slots.length} images at ${size}×${size} ${channels === 1 ? 'gray' : 'RGB'} need ${formatBytes(bytesNeeded)} as floats, more than the ${formatBytes(maxPixelBytes)} allowed. ` +
        `${fit >= MIN_IMAGE_SIZE ? `Choose size ${fit} or less, ` : ''}${channels === 3 ? 'use grayscale, ' : ''}or load fewer images. Got size ${size} instead.`,
    );
  }
  let pixels = new Float32Array(slots.length * per);

  let next = 0;
  let done = 0;
  const decodeSlot = async (k: number): Promise<void> => {
    const slot = slots[k];
    const { entry, path } = slot;
    if (entry.problem) {
      skipped.push({ file: path, reason: entry.problem });
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = entry.bytes instanceof Blob ? new Uint8Array(await entry.bytes.arrayBuffer()) : entry.bytes;
    } catch (e) {
      skipped.push({ file: path, reason: `could not be read (${errorText(e)}): the file may have been moved or deleted` });
      return;
    }
    const header = checkImageHeader(bytes);
    if (!header.ok) {
      skipped.push({ file: path, reason: header.reason });
      return;
    }
    slot.type = header.type;
    try {
      const img = await decoder(entry.bytes instanceof Blob ? entry.bytes : bytes, size, { type: header.type, path });
      const { width: w, height: h } = img;
      if (!Number.isInteger(w) || !Number.isInteger(h) || w < 1 || h < 1 || img.rgba.length !== w * h * 4) {
        throw new Error(`the decoder returned ${got(w)}×${got(h)} px with ${img.rgba.length} bytes`);
      }
      let px = rgbaToFloat(img.rgba, w, h, channels);
      if (w !== size || h !== size) px = resizeArea(px, w, h, channels, size, size);
      pixels.set(px, k * per);
      slot.sourceWidth = header.width ?? w;
      slot.sourceHeight = header.height ?? h;
      slot.ok = true;
    } catch (e) {
      if (aborted()) throw new CancelledError();
      skipped.push({ file: path, reason: `could not be decoded as ${imageTypeName(header.type)} (the file may be corrupt or truncated): ${errorText(e)}` });
    }
  };
  const worker = async (): Promise<void> => {
    while (next < slots.length) {
      if (aborted()) throw new CancelledError();
      const k = next++;
      await decodeSlot(k);
      done++;
      opts.onProgress?.(done, slots.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, slots.length) }, worker));
  if (aborted()) throw new CancelledError();

  const good = slots.filter((s) => s.ok);
  sortSkipped();
  const { classNames, y } = assignClasses(good, skipped);
  if (good.length < slots.length) {
    // Compact in place (order kept), then copy to a buffer of the final size so a transfer moves no dead bytes.
    let w = 0;
    slots.forEach((s, k) => {
      if (!s.ok) return;
      if (w !== k) pixels.copyWithin(w * per, k * per, (k + 1) * per);
      w++;
    });
    pixels = pixels.slice(0, good.length * per);
  }

  return {
    width: size,
    height: size,
    channels,
    pixels,
    y,
    classNames,
    files: good.map((s) => s.path),
    skipped,
    notes: buildNotes(good, slots, classNames, layout.ignored.length, size),
  };
}

/** What the user may want to know about a successful load. */
function buildNotes(good: Slot[], all: Slot[], classNames: string[], ignored: number, size: number): string[] {
  const notes: string[] = [];
  if (ignored > 0) notes.push(`Ignored ${ignored} system file${ignored === 1 ? '' : 's'} (__MACOSX, .DS_Store, Thumbs.db, hidden files).`);
  const kept = new Set(classNames);
  const dropped = [...new Set(all.map((s) => s.className))].filter((c) => !kept.has(c)).sort(naturalCompare);
  for (const c of dropped) notes.push(`Folder '${c}' has no usable images and was left out.`);

  const mislabeled = good.filter((s) => s.type && /\.[A-Za-z0-9]+$/.test(s.path) && !extensionMatches(s.path, s.type));
  notes.push(
    ...limited(
      mislabeled.map((s) => `${s.path} is a ${imageTypeName(s.type!)} file despite its ${s.path.slice(s.path.lastIndexOf('.'))} extension; it was read as ${imageTypeName(s.type!)}.`),
      (n) => `… and ${n} more files whose extension does not match their content.`,
    ),
  );

  const dims = (s: Slot) => `${s.sourceWidth}×${s.sourceHeight}`;
  const smaller = good.filter((s) => s.sourceWidth! < size || s.sourceHeight! < size);
  const tiny = smaller.filter((s) => Math.min(s.sourceWidth!, s.sourceHeight!) <= TINY_SIDE);
  notes.push(
    ...limited(
      tiny.map((s) => `${s.path}: upscaled from ${dims(s)} to ${size}×${size}; an image this small carries almost no detail.`),
      (n) => `… and ${n} more tiny images were upscaled.`,
    ),
  );
  const upscaled = smaller.filter((s) => !tiny.includes(s));
  if (upscaled.length > 0) {
    const sizes = new Set(upscaled.map(dims));
    const e = upscaled[0];
    const keep = sizes.size === 1 && e.sourceWidth === e.sourceHeight && upscaled.length === good.length ? ` Size ${e.sourceWidth} keeps them as they are.` : '';
    notes.push(
      `${upscaled.length} of ${good.length} images are smaller than ${size}×${size} and were upscaled (e.g. ${e.path}, ${dims(e)}); upscaling adds no detail.${keep}`,
    );
  }
  const stretched = good.filter((s) => s.sourceWidth !== s.sourceHeight);
  if (stretched.length > 0) {
    const e = stretched[0];
    notes.push(`${stretched.length} image${stretched.length === 1 ? ' is' : 's are'} not square (e.g. ${e.path}, ${dims(e)}) and ${stretched.length === 1 ? 'was' : 'were'} stretched to ${size}×${size} without cropping.`);
  }
  return notes;
}
