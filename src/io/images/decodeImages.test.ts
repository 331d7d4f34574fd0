import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { CancelledError, ConfigError, DataError } from '../../core/errors';
import { createRng } from '../../core/random';
import { countClasses } from '../../core/types';
import { imageSetToDataset } from '../../core/data/images/imageSet';
import { decodeImageEntries, validateImageOptions, type ImageDecoderFn, type ImageEntry } from './decodeImages';
import { encodePng, pngDecoder } from './pngCodec';
import { readZip } from './readZip';

const DIGITS = '/work/shared/datasets';
const digitsEntries = () => readZip(readFileSync(`${DIGITS}/digits-lt.zip`));

/** 4×4 gray PNG filled with `v`. */
const flat = (v: number, w = 4, h = 4) => encodePng(new Uint8Array(w * h).fill(v), w, h, 1);

/** A decoder that returns what the browser would: already at the target size, one colour. */
const atTarget: ImageDecoderFn = async (_data, size) => ({ rgba: new Uint8ClampedArray(size * size * 4).fill(255), width: size, height: size });

describe('decodeImageEntries on the real digits-lt.zip', () => {
  it('loads 392 images in 10 natural-sorted classes with the counts of the README', async () => {
    const set = await decodeImageEntries(digitsEntries(), { size: 8 }, pngDecoder);
    expect(set.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(countClasses(set.y, 10)).toEqual([158, 95, 57, 34, 20, 12, 7, 4, 3, 2]);
    expect([set.width, set.height, set.channels, set.pixels.length]).toEqual([8, 8, 1, 392 * 64]);
    expect(set.skipped).toEqual([]);
    expect(set.notes).toEqual([]);
  });

  it('pixels equal digits.csv (v·255 + 8) // 16 / 255 for every image, in HWC order', async () => {
    const set = await decodeImageEntries(digitsEntries(), { size: 8 }, pngDecoder);
    const rows = readFileSync(`${DIGITS}/digits.csv`, 'utf8').trim().split('\n').slice(1);
    set.files.forEach((file, i) => {
      const source = Number(/digits-(\d+)\.png$/.exec(file)![1]);
      const cells = rows[source].split(',').map(Number);
      expect(cells[64]).toBe(Number(set.classNames[set.y[i]]));
      for (let p = 0; p < 64; p++) expect(set.pixels[i * 64 + p]).toBeCloseTo(Math.floor((cells[p] * 255 + 8) / 16) / 255, 6);
    });
  });

  it('gives the same set whatever order the files arrive in, and from Blobs as from bytes', async () => {
    const a = await decodeImageEntries(digitsEntries(), { size: 8 }, pngDecoder);
    const shuffled = createRng(3).shuffle(digitsEntries().map((e) => ({ path: e.path, bytes: new Blob([e.bytes as Uint8Array<ArrayBuffer>]) })));
    const b = await decodeImageEntries(shuffled, { size: 8 }, pngDecoder);
    expect(b.files).toEqual(a.files);
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(b.pixels).toEqual(a.pixels);
  });

  it('at 32×32 it upscales, says so, and suggests the size that keeps them as they are', async () => {
    const set = await decodeImageEntries(digitsEntries(), {}, pngDecoder);
    expect(set.width).toBe(32);
    expect(set.notes).toEqual([
      '392 of 392 images are smaller than 32×32 and were upscaled (e.g. digits-lt/0/digits-0000.png, 8×8); upscaling adds no detail. Size 8 keeps them as they are.',
    ]);
    const ds = imageSetToDataset(set);
    expect([ds.X.rows, ds.X.cols, ds.imageShape]).toEqual([392, 1024, [32, 32, 1]]);
  });
});

describe('decodeImageEntries', () => {
  const entries = (extra: ImageEntry[] = []): ImageEntry[] => [
    { path: 'pets/cat/1.png', bytes: flat(255) },
    { path: 'pets/cat/2.png', bytes: flat(200) },
    { path: 'pets/dog/1.png', bytes: flat(0) },
    ...extra,
  ];

  it('lists broken and non-image files as skipped, sorted by path, and loads the rest', async () => {
    const set = await decodeImageEntries(
      entries([
        { path: 'pets/dog/notes.txt', bytes: strToU8('remember to feed\n') },
        { path: 'pets/dog/cut.png', bytes: flat(9).subarray(0, 40) },
        { path: 'pets/dog/old/3.png', bytes: flat(9) },
        { path: 'pets/cat/bad.png', bytes: new Uint8Array(0), problem: 'damaged zip entry (checksum mismatch): re-create or re-download the zip' },
      ]),
      { size: 4 },
      pngDecoder,
    );
    expect(set.files).toEqual(['pets/cat/1.png', 'pets/cat/2.png', 'pets/dog/1.png']);
    expect(set.skipped.map((s) => s.file)).toEqual(['pets/cat/bad.png', 'pets/dog/cut.png', 'pets/dog/notes.txt', 'pets/dog/old/3.png']);
    expect(set.skipped.map((s) => s.reason)).toEqual([
      'damaged zip entry (checksum mismatch): re-create or re-download the zip',
      'could not be decoded as PNG (the file may be corrupt or truncated): truncated PNG (the file ends before its IEND chunk)',
      'not an image (looks like text)',
      'nested folder pets/dog/old/3.png: put images directly inside one folder per class',
    ]);
  });

  it('gray is luma, RGB keeps the colour', async () => {
    const e = [
      { path: 'r/a.png', bytes: encodePng(Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0]), 2, 2, 3) },
      { path: 'b/a.png', bytes: flat(0, 2, 2) },
    ];
    const gray = await decodeImageEntries(e, { size: 2 }, pngDecoder);
    expect(gray.classNames).toEqual(['b', 'r']);
    expect(gray.pixels[4]).toBeCloseTo(0.299, 6);
    const rgb = await decodeImageEntries(e, { size: 2, color: 'rgb' }, pngDecoder);
    expect(rgb.channels).toBe(3);
    expect(Array.from(rgb.pixels.subarray(12, 15))).toEqual([1, 0, 0]);
  });

  it('notes a tiny image, a stretched one and a lying extension', async () => {
    const jpegish = Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 4, 0, 4, 1, 1, 0x11, 0, 0xff, 0xd9]);
    const fake: ImageDecoderFn = async (data, size, info) => (info.type === 'png' ? pngDecoder(data, size, info) : { rgba: new Uint8ClampedArray(64).fill(128), width: 4, height: 4 });
    const set = await decodeImageEntries(
      entries([
        { path: 'pets/dog/dot.png', bytes: flat(50, 1, 1) },
        { path: 'pets/dog/wide.png', bytes: flat(50, 8, 4) },
        { path: 'pets/cat/photo.png', bytes: jpegish },
      ]),
      { size: 4 },
      fake,
    );
    expect(set.skipped).toEqual([]);
    expect(set.notes).toEqual([
      'pets/cat/photo.png is a JPEG file despite its .png extension; it was read as JPEG.',
      'pets/dog/dot.png: upscaled from 1×1 to 4×4; an image this small carries almost no detail.',
      '1 image is not square (e.g. pets/dog/wide.png, 8×4) and was stretched to 4×4 without cropping.',
    ]);
    // Area-average resize of the 1×1 image: every pixel is its value.
    const dot = set.files.indexOf('pets/dog/dot.png');
    expect(Array.from(set.pixels.subarray(dot * 16, dot * 16 + 16)).every((v) => Math.abs(v - 50 / 255) < 1e-6)).toBe(true);
  });

  it('uses what the decoder returns at the target size as is', async () => {
    const set = await decodeImageEntries(entries(), { size: 5 }, atTarget);
    expect(set.pixels.every((v) => v === 1)).toBe(true);
  });

  it('treats a decoder result of the wrong shape as a decode failure', async () => {
    const bad: ImageDecoderFn = async (d, s, info) => (info.path.endsWith('2.png') ? { rgba: new Uint8ClampedArray(3), width: 4, height: 4 } : atTarget(d, s, info));
    const set = await decodeImageEntries(entries(), { size: 4 }, bad);
    expect(set.skipped).toEqual([{ file: 'pets/cat/2.png', reason: 'could not be decoded as PNG (the file may be corrupt or truncated): the decoder returned 4×4 px with 3 bytes' }]);
  });

  it('leaves out a class whose images all fail, with a note; fails when one class is left', async () => {
    const failDog: ImageDecoderFn = async (d, s, info) => {
      if (info.path.includes('/dog/')) throw new Error('The source image could not be decoded.');
      return atTarget(d, s, info);
    };
    const three = entries([{ path: 'pets/emu/1.png', bytes: flat(1) }]);
    const set = await decodeImageEntries(three, { size: 4 }, failDog);
    expect(set.classNames).toEqual(['cat', 'emu']);
    expect(set.notes).toContain("Folder 'dog' has no usable images and was left out.");
    await expect(decodeImageEntries(entries(), { size: 4 }, failDog)).rejects.toThrow(
      /^Found images of only one class \('cat', 2 images\); .* 1 file was skipped, e\.g\. pets\/dog\/1\.png: could not be decoded as PNG \(the file may be corrupt or truncated\): The source image could not be decoded\. Got 1 class instead\.$/,
    );
  });

  it('fails clearly when nothing usable is left', async () => {
    await expect(decodeImageEntries([], {}, pngDecoder)).rejects.toThrow(/^No images found: expected one sub-folder per class .* Got 0 images instead\.$/);
    await expect(decodeImageEntries([{ path: 'a/x.txt', bytes: strToU8('x') }, { path: 'b/y.txt', bytes: strToU8('y') }], {}, pngDecoder)).rejects.toThrow(
      /No images found: .* 2 files were skipped, e\.g\. a\/x\.txt: not an image \(looks like text\)/,
    );
  });

  it('reports progress per file and stops when aborted', async () => {
    const calls: [number, number][] = [];
    await decodeImageEntries(entries(), { size: 4, onProgress: (d, t) => calls.push([d, t]), concurrency: 2 }, pngDecoder);
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const ctrl = new AbortController();
    const stopAfterOne: ImageDecoderFn = async (d, s, info) => {
      ctrl.abort();
      return atTarget(d, s, info);
    };
    await expect(decodeImageEntries(entries(), { size: 4, signal: ctrl.signal, concurrency: 1 }, stopAfterOne)).rejects.toThrow(CancelledError);
  });

  it('refuses bad options and sets too large for memory', async () => {
    expect(() => validateImageOptions({ size: 1000 })).toThrow(ConfigError);
    expect(() => validateImageOptions({ size: 1000 })).toThrow('size must be an integer between 2 and 256 (pixels per side). Got 1000 instead.');
    expect(() => validateImageOptions({ color: 'cmyk' as 'rgb' })).toThrow("color must be 'gray' or 'rgb'. Got 'cmyk' instead.");
    await expect(decodeImageEntries(entries(), { size: 64, color: 'rgb', maxPixelBytes: 100_000 }, pngDecoder)).rejects.toThrow(DataError);
    await expect(decodeImageEntries(entries(), { size: 64, color: 'rgb', maxPixelBytes: 100_000 }, pngDecoder)).rejects.toThrow(
      '3 images at 64×64 RGB need 144 KB as floats, more than the 98 KB allowed. Choose size 52 or less, use grayscale, or load fewer images. Got size 64 instead.',
    );
  });

  it('reads a zip built in the test end to end', async () => {
    const z = zipSync({ 'my data': { '2': { 'a.png': flat(10) }, '10': { 'b.png': flat(20), '.DS_Store': strToU8('junk') } }, __MACOSX: { x: strToU8('y') } });
    const set = await decodeImageEntries(readZip(z), { size: 4 }, pngDecoder);
    expect(set.classNames).toEqual(['2', '10']);
    expect(set.files).toEqual(['my data/2/a.png', 'my data/10/b.png']);
    expect(set.notes).toEqual(['Ignored 2 system files (__MACOSX, .DS_Store, Thumbs.db, hidden files).']);
  });
});
