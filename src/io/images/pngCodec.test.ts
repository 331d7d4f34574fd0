import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng } from './pngCodec';

describe('PNG codec (Node-side, for tests and fixtures)', () => {
  it('round-trips gray, RGB and RGBA', () => {
    const gray = Uint8Array.from([0, 64, 128, 255, 1, 2]);
    expect(Array.from(decodePng(encodePng(gray, 3, 2, 1)).rgba.filter((_, i) => i % 4 === 0))).toEqual(Array.from(gray));
    const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0]);
    expect(Array.from(decodePng(encodePng(rgb, 2, 1, 3)).rgba)).toEqual([255, 0, 0, 255, 0, 255, 0, 255]);
    const rgba = Uint8Array.from([1, 2, 3, 4]);
    expect(decodePng(encodePng(rgba, 1, 1, 4))).toMatchObject({ width: 1, height: 1, rgba: Uint8ClampedArray.from(rgba) });
  });

  it('decodes a real digits-lt PNG to the values of digits.csv, stored as (v·255 + 8) // 16', () => {
    const csv = readFileSync('/work/shared/datasets/digits.csv', 'utf8').split('\n');
    const row0 = csv[1].split(',').slice(0, 64).map(Number);
    const img = decodePng(readFileSync('/work/shared/datasets/digits-lt/0/digits-0000.png'));
    expect([img.width, img.height]).toEqual([8, 8]);
    expect(Array.from(img.rgba.filter((_, i) => i % 4 === 0))).toEqual(row0.map((v) => Math.floor((v * 255 + 8) / 16)));
  });

  it('says what is wrong with a broken file', () => {
    const png = encodePng(new Uint8Array(16), 4, 4, 1);
    expect(() => decodePng(png.subarray(0, 45))).toThrow(/truncated PNG/);
    const bad = png.slice();
    bad[20] ^= 1; // inside IHDR
    expect(() => decodePng(bad)).toThrow('corrupt PNG (IHDR chunk checksum mismatch)');
    expect(() => decodePng(new TextEncoder().encode('hello'))).toThrow('not a PNG file (bad signature)');
  });
});
