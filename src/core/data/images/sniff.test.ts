import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkImageHeader, extensionMatches, sniffImage } from './sniff';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const be32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const le16 = (v: number) => [v & 255, (v >>> 8) & 255];
const le32 = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngHeader = (w: number, h: number) => bytes(PNG_SIG, be32(13), 'IHDR', be32(w), be32(h), [8, 0, 0, 0, 0], [0, 0, 0, 0]);

describe('sniffImage', () => {
  it('reads a real PNG from digits-lt (8×8)', () => {
    const png = readFileSync('/work/shared/datasets/digits-lt/0/digits-0000.png');
    expect(sniffImage(png)).toEqual({ kind: 'image', type: 'png', width: 8, height: 8 });
  });

  it('reads the header size of PNG, GIF and both BMP header kinds', () => {
    expect(sniffImage(pngHeader(640, 480))).toEqual({ kind: 'image', type: 'png', width: 640, height: 480 });
    expect(sniffImage(bytes('GIF89a', le16(3), le16(5), [0, 0, 0]))).toEqual({ kind: 'image', type: 'gif', width: 3, height: 5 });
    const bmp = bytes('BM', le32(0), le32(0), le32(54), le32(40), le32(7), le32(-9 >>> 0), le16(1), le16(24));
    expect(sniffImage(bmp)).toEqual({ kind: 'image', type: 'bmp', width: 7, height: 9 });
    const core = bytes('BM', le32(0), le32(0), le32(26), le32(12), le16(4), le16(6), le16(1), le16(24));
    expect(sniffImage(core)).toEqual({ kind: 'image', type: 'bmp', width: 4, height: 6 });
  });

  it('finds the JPEG frame header after APPn segments', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x10, ...bytes('JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])];
    const exif = [0xff, 0xe1, 0x01, 0x02, ...new Array(256).fill(0)];
    const sof = [0xff, 0xc0, 0x00, 0x0b, 8, ...[0x01, 0x2c], ...[0x00, 0xc8], 1, 1, 0x11, 0];
    expect(sniffImage(bytes([0xff, 0xd8], app0, exif, sof))).toEqual({ kind: 'image', type: 'jpeg', height: 300, width: 200 });
    // Progressive (SOF2) too; and without a frame header in view the size is left out.
    expect(sniffImage(bytes([0xff, 0xd8], [0xff, 0xc2, 0x00, 0x0b, 8, 0, 5, 0, 6, 1, 1, 0x11, 0]))).toMatchObject({ width: 6, height: 5 });
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]))).toEqual({ kind: 'image', type: 'jpeg' });
  });

  it('reads the size of lossy, lossless and extended WebP', () => {
    const riff = (chunk: string, body: number[]) => bytes('RIFF', le32(100), 'WEBP', chunk, le32(body.length), body);
    expect(sniffImage(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(33), ...le16(44)]))).toMatchObject({ type: 'webp', width: 33, height: 44 });
    const bits = (33 - 1) | ((44 - 1) << 14);
    expect(sniffImage(riff('VP8L', [0x2f, ...le32(bits), 0, 0, 0, 0, 0]))).toMatchObject({ type: 'webp', width: 33, height: 44 });
    expect(sniffImage(riff('VP8X', [0, 0, 0, 0, 32, 0, 0, 43, 0, 0]))).toMatchObject({ type: 'webp', width: 33, height: 44 });
  });

  it('says what a non-image looks like', () => {
    const look = (b: Uint8Array) => {
      const s = sniffImage(b);
      return s.kind === 'other' ? s.looksLike : s.kind;
    };
    expect(look(bytes('hello, this is a note\n'))).toBe('text');
    expect(look(bytes('BMW service notes: oil change\n'))).toBe('text'); // starts with "BM", still not a BMP
    expect(look(bytes('{"a": 1}'))).toBe('JSON text');
    expect(look(bytes([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('a zip archive');
    expect(look(bytes('%PDF-1.7'))).toBe('a PDF document');
    expect(look(new Uint8Array(0))).toBe('an empty file');
    expect(look(bytes([1, 2, 0, 200, 201]))).toBe('binary data');
  });

  it('recognises formats it cannot decode and says what to do', () => {
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ kind: 'unsupported', type: 'SVG' });
    expect(sniffImage(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]))).toMatchObject({ kind: 'unsupported', type: 'HEIC' });
    expect(sniffImage(bytes([0x49, 0x49, 0x2a, 0]))).toMatchObject({ kind: 'unsupported', type: 'TIFF' });
  });
});

describe('checkImageHeader', () => {
  it('refuses absurd and zero dimensions before decoding', () => {
    expect(checkImageHeader(pngHeader(100000, 100000))).toEqual({
      ok: false,
      reason: 'image too large: the header declares 100000 × 100000 px; at most 8192 px a side is accepted (resize it first)',
    });
    expect(checkImageHeader(pngHeader(8192, 1))).toMatchObject({ ok: true, width: 8192 });
    expect(checkImageHeader(pngHeader(0, 5))).toEqual({ ok: false, reason: 'corrupt PNG: the header declares 0 × 5 px' });
  });

  it('skips non-images as "not an image (looks like …)"', () => {
    expect(checkImageHeader(bytes('just some notes'))).toEqual({ ok: false, reason: 'not an image (looks like text)' });
    expect(checkImageHeader(bytes('<svg/>'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^unsupported format \(SVG\)/) });
  });
});

describe('extensionMatches', () => {
  it('is case-insensitive and knows the usual JPEG spellings', () => {
    expect(extensionMatches('a/B.JPG', 'jpeg')).toBe(true);
    expect(extensionMatches('a/b.jpeg', 'jpeg')).toBe(true);
    expect(extensionMatches('a/b.png', 'jpeg')).toBe(false);
    expect(extensionMatches('noext', 'png')).toBe(false);
  });
});
