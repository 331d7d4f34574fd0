/**
 * Every entry of e2e/fixtures/bad/manifest.images.json through the same path the worker takes
 * (readZip → layout → sniff → decodeImageEntries), with a Node decoder that decodes PNG for real
 * and accepts a JPEG only when it is complete (SOI … EOI). The e2e tests run the same corpus in a
 * browser with the real decoder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImageSet } from '../../core/data/images/imageSet';
import { decodeImageEntries, type ImageDecoderFn, type ImageEntry } from './decodeImages';
import { pngDecoder } from './pngCodec';
import { readZip } from './readZip';

const DIR = new URL('../../../e2e/fixtures/bad/', import.meta.url).pathname;

interface Fixture {
  file: string;
  input: 'zip' | 'folder';
  problem: string;
  expect: string;
  fatal: boolean;
  images?: number;
}

const manifest: Fixture[] = JSON.parse(readFileSync(join(DIR, 'manifest.images.json'), 'utf8'));

const corpusDecoder: ImageDecoderFn = async (data, size, info) => {
  if (info.type === 'png') return pngDecoder(data, size, info);
  const b = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
  const complete = info.type === 'jpeg' && b[0] === 0xff && b[1] === 0xd8 && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
  if (!complete) throw new Error(`cannot decode this ${info.type.toUpperCase()}`);
  return { rgba: new Uint8ClampedArray(size * size * 4).fill(128), width: size, height: size };
};

/** Files under a picked folder, as webkitRelativePath gives them ('picked/class/file'). */
function folderEntries(name: string): ImageEntry[] {
  const walk = (rel: string): ImageEntry[] =>
    readdirSync(join(DIR, rel)).flatMap((f) => {
      const p = `${rel}/${f}`;
      return statSync(join(DIR, p)).isDirectory() ? walk(p) : [{ path: p, bytes: new Blob([readFileSync(join(DIR, p))]) }];
    });
  return walk(name);
}

async function load(f: Fixture): Promise<ImageSet> {
  const entries = f.input === 'zip' ? readZip(readFileSync(join(DIR, f.file)), { name: f.file }) : folderEntries(f.file);
  return decodeImageEntries(entries, { size: 8, source: f.input }, corpusDecoder);
}

describe('bad-input corpus (e2e/fixtures/bad/manifest.images.json)', () => {
  it('lists at least 12 fixtures, every img-* file is in it and every entry exists', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(12);
    const onDisk = readdirSync(DIR).filter((f) => f.startsWith('img-')).sort();
    expect(manifest.map((f) => f.file).sort()).toEqual(onDisk);
    for (const f of manifest) {
      expect(statSync(join(DIR, f.file)).isDirectory()).toBe(f.input === 'folder');
      expect(f.expect.length).toBeGreaterThan(5);
    }
  });

  for (const f of manifest) {
    it(`${f.file}: ${f.problem}`, async () => {
      if (f.fatal) {
        await expect(load(f)).rejects.toThrow(f.expect);
        await load(f).catch((e: Error) => {
          expect(e.name).toBe('DataError');
          expect(e.message).toMatch(/Got .* instead\.$/);
        });
      } else {
        const set = await load(f);
        const messages = [...set.skipped.map((s) => s.reason), ...set.notes];
        expect(messages.some((m) => m.includes(f.expect))).toBe(true);
        expect(set.y.length).toBe(f.images);
        expect(set.classNames.length).toBeGreaterThanOrEqual(2);
      }
    });
  }
});
