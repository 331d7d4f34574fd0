import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { DataError } from '../../core/errors';
import { crc32, formatBytes, readZip } from './readZip';
import { encodePng } from './pngCodec';

const png = encodePng(new Uint8Array(16).fill(7), 4, 4, 1);

/** Offsets of every header with `sig` (0x02014b50 central, 0x04034b50 local). */
function headers(z: Uint8Array, sig: number): number[] {
  const v = new DataView(z.buffer, z.byteOffset, z.byteLength);
  const out: number[] = [];
  for (let o = 0; o + 4 <= z.length; o++) if (v.getUint32(o, true) === sig) out.push(o);
  return out;
}

describe('readZip', () => {
  it('returns the files (no folders) with their bytes; system files are listed empty, never inflated', () => {
    const z = zipSync({ set: { cat: { 'a.png': png }, dog: { 'b.png': png, 'c.txt': strToU8('hi') }, '.DS_Store': strToU8('x') }, __MACOSX: { 'x.png': png } });
    const entries = readZip(z);
    expect(entries.map((e) => [e.path, e.bytes.length])).toEqual([
      ['set/cat/a.png', png.length],
      ['set/dog/b.png', png.length],
      ['set/dog/c.txt', 2],
      ['set/.DS_Store', 0],
      ['__MACOSX/x.png', 0],
    ]);
    expect(Array.from(entries[0].bytes)).toEqual(Array.from(png));
    expect(entries.every((e) => e.problem === undefined)).toBe(true);
  });

  it('reads stored (level 0) entries and UTF-8 names', () => {
    const entries = readZip(zipSync({ 'chats/é.png': png, 'chiens/ß.png': png }, { level: 0 }));
    expect(entries.map((e) => e.path)).toEqual(['chats/é.png', 'chiens/ß.png']);
    expect(entries[1].bytes).toEqual(png);
  });

  it('reads the real digits-lt.zip: 392 PNGs byte-identical to the folder', () => {
    const entries = readZip(readFileSync('/work/shared/datasets/digits-lt.zip'));
    expect(entries).toHaveLength(392);
    const e = entries.find((x) => x.path.startsWith('digits-lt/9/'))!;
    expect(Buffer.from(e.bytes).equals(readFileSync(`/work/shared/datasets/${e.path}`))).toBe(true);
  });

  it('an empty archive is no files', () => {
    expect(readZip(zipSync({}))).toEqual([]);
  });

  it('refuses a file that is not a zip, saying what it looks like', () => {
    expect(() => readZip(strToU8('just text\n'), { name: 'data.zip' })).toThrow(DataError);
    expect(() => readZip(strToU8('just text\n'), { name: 'data.zip' })).toThrow(
      "'data.zip' is not a zip archive (it looks like text). Choose a .zip file with one sub-folder per class, or pick the folder itself. Got 10 bytes that do not start with a zip header instead.",
    );
    expect(() => readZip(png)).toThrow(/^The file is not a zip archive \(it looks like a PNG image\)/);
  });

  it('refuses a truncated archive', () => {
    const z = zipSync({ cat: { 'a.png': png }, dog: { 'b.png': png } });
    expect(() => readZip(z.subarray(0, z.length - 30))).toThrow(/could not be read as a zip archive: its table of contents \(end of central directory\) is missing/);
  });

  it('skips a damaged, encrypted or exotic entry and keeps the rest', () => {
    const z = zipSync({ cat: { 'a.png': png, 'b.png': png }, dog: { 'c.png': png, 'd.png': png } });
    const v = new DataView(z.buffer);
    const named = (sig: number, name: string) =>
      headers(z, sig).find((o) => {
        const at = sig === 0x02014b50 ? 46 : 30;
        return new TextDecoder().decode(z.subarray(o + at, o + at + v.getUint16(o + 28 - (sig === 0x02014b50 ? 0 : 2), true))) === name;
      })!;
    // a: flip a data byte (CRC mismatch or inflate error); b: encrypted flag; c: bzip2 method.
    const la = named(0x04034b50, 'cat/a.png');
    z[la + 30 + v.getUint16(la + 26, true) + v.getUint16(la + 28, true) + 3] ^= 0xff;
    const cb = named(0x02014b50, 'cat/b.png');
    v.setUint16(cb + 8, v.getUint16(cb + 8, true) | 1, true);
    v.setUint16(named(0x02014b50, 'dog/c.png') + 10, 12, true);
    const byPath = Object.fromEntries(readZip(z).map((e) => [e.path, e]));
    expect(byPath['cat/a.png'].problem).toMatch(/^damaged zip entry/);
    expect(byPath['cat/b.png'].problem).toBe('encrypted (password-protected) zip entry: re-create the zip without a password');
    expect(byPath['dog/c.png'].problem).toBe("zip entry compressed with method 12 (bzip2), which cannot be read here: re-create the zip with standard 'deflate' compression");
    expect(byPath['dog/d.png'].problem).toBeUndefined();
    expect(byPath['dog/d.png'].bytes).toEqual(png);
  });

  it('guards against zip bombs from the declared sizes, before inflating', () => {
    const z = zipSync({ cat: { 'a.png': png }, dog: { 'b.png': png } });
    const v = new DataView(z.buffer);
    for (const o of headers(z, 0x02014b50)) v.setUint32(o + 24, 600 * 1024 ** 2, true);
    expect(() => readZip(z, { name: 'bomb.zip', maxEntryBytes: 1024 ** 3 })).toThrow(
      "'bomb.zip' would unpack to 1.2 GB; at most 1.0 GB is accepted (a guard against zip bombs and running out of memory). Use fewer or smaller images. Got 1258291200 bytes instead.",
    );
    // Under the total but over the per-file cap: that file is skipped, not inflated.
    const one = readZip(z, { maxTotalBytes: 2 * 1024 ** 3 });
    expect(one.map((e) => e.problem)).toEqual([
      'file too large: it unpacks to 600 MB; at most 256 MB per file is accepted',
      'file too large: it unpacks to 600 MB; at most 256 MB per file is accepted',
    ]);
  });

  it('caps the number of entries', () => {
    const z = zipSync({ a: { '1.png': png, '2.png': png, '._1.png': png }, b: { '3.png': png } });
    expect(() => readZip(z, { maxEntries: 2 })).toThrow('The file holds 3 files; at most 2 are accepted. Split the data set into smaller archives. Got 3 files instead.');
    expect(readZip(z, { maxEntries: 3 })).toHaveLength(4); // folders and system files do not count
  });

  it('crc32 and formatBytes', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(formatBytes(500)).toBe('500 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });
});
