/**
 * Loads data in Web Workers: CSV parsing (papaparse, streaming) in a csv worker, image decoding
 * (createImageBitmap + OffscreenCanvas) in an image worker. One fresh worker per load, so cancel
 * is a terminate and a huge file never touches the page's thread. Built-in datasets are fetched
 * from this site (same origin: the page's CSP allows nothing else).
 */
import * as Comlink from 'comlink';
import type { ExposedCsvApi } from '../../workers/csv.worker';
import type { ImageApi, ImageProgress } from '../../workers/imageApi';
import type { Cancellable, DataLoader, LoadProgress } from '../state/types';

async function blobOf(source: Blob | { url: string }): Promise<Blob> {
  if (source instanceof Blob) return source;
  const url = new URL(source.url, document.baseURI);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`The dataset ${url.pathname} could not be fetched (HTTP ${res.status}). Reload the page; if it persists, the site is missing its datasets/ folder.`);
  return res.blob();
}

function inWorker<Api, T>(make: () => Worker, run: (api: Comlink.Remote<Api>) => Promise<T>): Cancellable<T> {
  const worker = make();
  let cancelled = false;
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`The loading worker stopped: ${e.message || 'it could not be started'}.`)));
  });
  const promise = Promise.race([run(Comlink.wrap<Api>(worker)), failed]).finally(() => worker.terminate());
  return {
    promise: promise.catch((e: unknown) => {
      throw cancelled ? new Error('Loading was cancelled.') : e;
    }),
    cancel() {
      cancelled = true;
      worker.terminate();
    },
  };
}

const progressProxy = (onProgress: (p: LoadProgress) => void) => Comlink.proxy((p: LoadProgress) => onProgress(p));

export function createDataLoader(): DataLoader {
  return {
    csv(source, opts, onProgress) {
      return inWorker<ExposedCsvApi, Awaited<ReturnType<ExposedCsvApi['parse']>>>(
        () => new Worker(new URL('../../workers/csv.worker.ts', import.meta.url), { type: 'module', name: 'imbalance-lab-csv' }),
        async (api) => api.parse(await blobOf(source), opts, progressProxy(onProgress)),
      );
    },
    images(source, opts, onProgress) {
      return inWorker<ImageApi, Awaited<ReturnType<ImageApi['loadZip']>>>(
        () => new Worker(new URL('../../workers/image.worker.ts', import.meta.url), { type: 'module', name: 'imbalance-lab-images' }),
        async (api) => {
          const report = Comlink.proxy((p: ImageProgress) => onProgress({ fraction: p.total ? p.done / p.total : 0, items: p.phase === 'decode' ? p.done : 0 }));
          if ('zip' in source) {
            const blob = await blobOf(source.zip);
            const name = source.zip instanceof File ? source.zip.name : 'url' in source.zip ? source.zip.url.split('/').pop() : undefined;
            return api.loadZip(blob, { ...opts, name }, report);
          }
          return api.loadFiles(source.files, opts, report);
        },
      );
    },
  };
}
