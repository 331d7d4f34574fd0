import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { countClasses } from '../src/core/types';
import { pngDecoder } from '../src/io/images/pngCodec';
import { createImageApi, imageSetTransferables, type ImageApi, type ImageProgress } from './imageApi';

const DATA = '/work/shared/datasets';
const COUNTS = [158, 95, 57, 34, 20, 12, 7, 4, 3, 2];
const zipBytes = () => new Uint8Array(readFileSync(`${DATA}/digits-lt.zip`));

const ports: MessagePort[] = [];
afterEach(() => {
  while (ports.length) ports.pop()!.close();
});

/** The API behind a real MessageChannel, as the page sees the worker (structured clone, transfer). */
function remote(api = createImageApi(pngDecoder)): Comlink.Remote<ImageApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  Comlink.expose(api, port1);
  return Comlink.wrap<ImageApi>(port2);
}

describe('image API (worker adapter)', () => {
  it('loads digits-lt.zip from bytes or a Blob', async () => {
    const api = createImageApi(pngDecoder);
    const a = await api.loadZip(zipBytes(), { size: 8 });
    expect(a.classNames).toHaveLength(10);
    expect(countClasses(a.y, 10)).toEqual(COUNTS);
    const b = await api.loadZip(new Blob([zipBytes()]), { size: 8, color: 'rgb' });
    expect(b.channels).toBe(3);
    expect(b.pixels.length).toBe(392 * 8 * 8 * 3);
  });

  it('loads a picked folder (webkitRelativePath-style paths)', async () => {
    const files = readdirSync(`${DATA}/digits-lt-test`).flatMap((c) =>
      readdirSync(`${DATA}/digits-lt-test/${c}`).map((f) => ({ path: `digits-lt-test/${c}/${f}`, blob: new Blob([readFileSync(`${DATA}/digits-lt-test/${c}/${f}`)]) })),
    );
    const set = await createImageApi(pngDecoder).loadFiles(files, { size: 8 });
    expect(countClasses(set.y, 10)).toEqual(new Array(10).fill(20));
  });

  it('throttles decode progress to one event per 100 ms and always sends the last', async () => {
    let t = 0;
    const events: ImageProgress[] = [];
    await createImageApi(pngDecoder, () => (t += 7)).loadZip(zipBytes(), { size: 8 }, (p) => events.push(p));
    expect(events[0]).toEqual({ phase: 'unzip', done: 0, total: 1 });
    const decode = events.filter((e) => e.phase === 'decode');
    expect(decode.length).toBeGreaterThan(5);
    expect(decode.length).toBeLessThan(60);
    expect(decode.at(-1)).toEqual({ phase: 'decode', done: 392, total: 392 });
  });

  it('lists the pixel and label buffers for transfer', async () => {
    const set = await createImageApi(pngDecoder).loadZip(zipBytes(), { size: 8 });
    expect(imageSetTransferables(set)).toEqual([set.pixels.buffer, set.y.buffer]);
  });

  it('works through comlink: typed arrays arrive intact, progress through a proxy, errors keep their name', async () => {
    const api = remote();
    const events: ImageProgress[] = [];
    const set = await api.loadZip(zipBytes(), { size: 8 }, Comlink.proxy((p: ImageProgress) => events.push(p)));
    expect(set.pixels).toBeInstanceOf(Float32Array);
    expect(set.pixels.length).toBe(392 * 64);
    expect(countClasses(set.y, 10)).toEqual(COUNTS);
    await new Promise((r) => setTimeout(r, 20)); // progress calls are themselves messages
    expect(events.at(-1)).toEqual({ phase: 'decode', done: 392, total: 392 });
    const err = await api.loadZip(new TextEncoder().encode('not a zip'), { name: 'x.zip' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('DataError');
    expect((err as Error).message).toMatch(/^'x\.zip' is not a zip archive \(it looks like text\)/);
    const cfg = await api.loadZip(zipBytes(), { size: 1 }).catch((e: Error) => e);
    expect((cfg as Error).name).toBe('ConfigError');
  });

  it('passes zip limits through', async () => {
    await expect(createImageApi(pngDecoder).loadZip(zipBytes(), { maxEntries: 10 })).rejects.toThrow(/holds 392 files; at most 10 are accepted/);
  });
});
