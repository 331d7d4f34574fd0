/**
 * File type from the first bytes ("magic numbers"), not from the extension, plus the image size
 * where the header states it cheaply. Lets the loader skip non-images with a useful reason and
 * refuse absurd dimensions before a decoder allocates width × height × 4 bytes for them
 * (a 100000 × 100000 PNG header is 40 GB of RGBA behind a few hundred bytes of file).
 *
 * Formats: PNG (ISO/IEC 15948, IHDR), JPEG (ITU-T T.81, SOFn marker), GIF (GIF89a logical screen
 * descriptor), BMP (BITMAPINFOHEADER and its variants), WebP (RIFF 'VP8 ', 'VP8L', 'VP8X' chunks).
 */

export type ImageType = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

/** Largest accepted side in pixels: larger headers are refused before decoding. */
export const MAX_IMAGE_SIDE = 8192;

/** How many leading bytes `sniffImage` needs to see for everything but a JPEG's SOF marker. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

export type Sniffed =
  | { kind: 'image'; type: ImageType; width?: number; height?: number }
  /** A format we recognise but cannot decode (SVG, TIFF, HEIC, AVIF, …): `reason` says what to do. */
  | { kind: 'unsupported'; type: string; reason: string }
  /** Not an image; `looksLike` is a short description for the message ('text', 'a zip archive', …). */
  | { kind: 'other'; looksLike: string };

const TYPE_NAMES: Record<ImageType, string> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP', gif: 'GIF', bmp: 'BMP' };

/** 'PNG', 'JPEG', … for messages. */
export function imageTypeName(type: ImageType): string {
  return TYPE_NAMES[type];
}

const EXTENSIONS: Record<ImageType, string[]> = {
  png: ['png'],
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  webp: ['webp'],
  gif: ['gif'],
  bmp: ['bmp', 'dib'],
};

/** True when the file name's extension is one of the usual ones for `type` (case-insensitive). */
export function extensionMatches(fileName: string, type: ImageType): boolean {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 && EXTENSIONS[type].includes(fileName.slice(dot + 1).toLowerCase());
}

const u16be = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
const u16le = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32be = (b: Uint8Array, o: number) => ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
const u32le = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const i32le = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);
const ascii = (b: Uint8Array, o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

/** Width and height from the first SOFn marker, walking the marker segments from SOI. */
function jpegSize(b: Uint8Array): { width?: number; height?: number } {
  let o = 2;
  while (o + 4 <= b.length) {
    if (b[o] !== 0xff) return {};
    const m = b[o + 1];
    if (m === 0xff) {
      o++; // fill byte
      continue;
    }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      o += 2; // markers without a length
      continue;
    }
    if (m === 0xda || m === 0xd9) return {}; // start of scan / end of image before any frame header
    const len = u16be(b, o + 2);
    if (len < 2) return {};
    const isSof = m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
    if (isSof) {
      if (o + 9 > b.length) return {};
      return { height: u16be(b, o + 5), width: u16be(b, o + 7) };
    }
    o += 2 + len;
  }
  return {};
}

function webpSize(b: Uint8Array): { width?: number; height?: number } {
  if (b.length < 30) return {};
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = u32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { width: 1 + (b[24] | (b[25] << 8) | (b[26] << 16)), height: 1 + (b[27] | (b[28] << 8) | (b[29] << 16)) };
  }
  return {};
}

const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/** What a non-image looks like, for "not an image (looks like …)". */
function describeOther(b: Uint8Array): string {
  if (b.length === 0) return 'an empty file';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return 'a zip archive';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  if (startsWith(b, [0x1f, 0x8b])) return 'gzip data';
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return 'an executable';
  if (startsWith(b, [0x4d, 0x5a])) return 'a Windows executable';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return 'an Office document';
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return 'a video (Matroska/WebM)';
  if (startsWith(b, [0x66, 0x74, 0x79, 0x70], 4)) return 'a video or audio file (MP4/MOV)';
  if (startsWith(b, [0x49, 0x44, 0x33])) return 'an MP3 audio file';
  const n = Math.min(b.length, 4096);
  let text = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return 'binary data';
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127)) text++;
  }
  if (text >= n * 0.95) {
    const start = ascii(b, 0, Math.min(b.length, 256)).trimStart().toLowerCase();
    if (start.startsWith('{') || start.startsWith('[')) return 'JSON text';
    if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'an HTML page';
    if (start.startsWith('<')) return 'XML text';
    return 'text';
  }
  return 'binary data';
}

/**
 * Identifies the file type of `head` (the first bytes of a file: at least 32 for the size of
 * every format but JPEG, whose SOF marker may follow large EXIF blocks; see SNIFF_HEAD_BYTES).
 * Width / height are omitted when the header does not state them within `head`.
 */
export function sniffImage(head: Uint8Array): Sniffed {
  const b = head;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return b.length >= 24 && ascii(b, 12, 4) === 'IHDR' ? { kind: 'image', type: 'png', width: u32be(b, 16), height: u32be(b, 20) } : { kind: 'image', type: 'png' };
  }
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: 'image', type: 'jpeg', ...jpegSize(b) };
  if (b.length >= 10 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) {
    return { kind: 'image', type: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
  }
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return { kind: 'image', type: 'webp', ...webpSize(b) };
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d && BMP_HEADER_SIZES.has(u32le(b, 14))) {
    // The DIB header size must be a known one: plenty of text files start with "BM".
    return u32le(b, 14) === 12
      ? { kind: 'image', type: 'bmp', width: u16le(b, 18), height: u16le(b, 20) }
      : { kind: 'image', type: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { kind: 'unsupported', type: 'TIFF', reason: 'TIFF images are not supported by browsers: convert them to PNG' };
  }
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'avif' || brand === 'avis') return { kind: 'unsupported', type: 'AVIF', reason: 'AVIF images are not supported here: convert them to PNG or JPEG' };
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) {
      return { kind: 'unsupported', type: 'HEIC', reason: 'HEIC/HEIF photos are not supported by browsers: convert them to JPEG or PNG' };
    }
  }
  if (startsWith(b, [0x00, 0x00, 0x01, 0x00]) && b.length >= 6 && u16le(b, 4) > 0) {
    return { kind: 'unsupported', type: 'ICO', reason: 'icon (.ico) files are not supported: convert them to PNG' };
  }
  const start = ascii(b, 0, Math.min(b.length, 512)).trimStart().toLowerCase();
  if (start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg'))) {
    return { kind: 'unsupported', type: 'SVG', reason: 'SVG is a vector format and is not supported: export it as PNG' };
  }
  return { kind: 'other', looksLike: describeOther(b) };
}

/**
 * Sniffs `head` and decides whether the loader should try to decode it.
 *
 * @returns the image type and header size, or a skip reason: "not an image (looks like text)",
 *   "image too large: the header declares 100000 × 100000 px; at most 8192 px a side is accepted", …
 */
export function checkImageHeader(head: Uint8Array, maxSide = MAX_IMAGE_SIDE): { ok: true; type: ImageType; width?: number; height?: number } | { ok: false; reason: string } {
  const s = sniffImage(head);
  if (s.kind === 'other') return { ok: false, reason: `not an image (looks like ${s.looksLike})` };
  if (s.kind === 'unsupported') return { ok: false, reason: `unsupported format (${s.type}): ${s.reason}` };
  const { width, height } = s;
  if (width !== undefined && height !== undefined) {
    if (width === 0 || height === 0) {
      return { ok: false, reason: `corrupt ${imageTypeName(s.type)}: the header declares ${width} × ${height} px` };
    }
    if (width > maxSide || height > maxSide) {
      return { ok: false, reason: `image too large: the header declares ${width} × ${height} px; at most ${maxSide} px a side is accepted (resize it first)` };
    }
  }
  return { ok: true, type: s.type, width, height };
}
