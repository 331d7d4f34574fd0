/**
 * The image worker's API, adapting src/io/images to comlink. No algorithm lives here: it turns a
 * zip or a picked folder into an ImageSet, throttles progress to ≤ 10 Hz, and marks the pixel and
 * label buffers for transfer (600 MB of pixels must move, not be copied). Cancel by terminating
 * the worker: decoding holds nothing that outlives it.
 *
 * Errors reach the caller through comlink as `Error` with `name` ('DataError', 'ConfigError') and
 * `message` kept; other fields (ConfigError.field) do not survive the trip.
 */
import * as Comlink from 'comlink';
import type { ImageSet } from '../src/core/data/images/imageSet';
import { browserDecoder, decodeImageEntries, type ImageColor, type ImageDecoderFn } from '../src/io/images/decodeImages';
import { readZip, type ZipLimits } from '../src/io/images/readZip';

/** Plain, cloneable options (no functions, no AbortSignal: they cannot cross postMessage). */
export interface LoadImagesOptions extends ZipLimits {
  /** Side of the square output, 2..256 (default 32). */
  size?: number;
  /** Default 'gray'. */
  color?: ImageColor;
  /** The zip's file name, for messages. */
  name?: string;
  /** Most bytes the pixel array may take (default 512 MiB). */
  maxPixelBytes?: number;
  /** Files decoded at the same time (default 4). */
  concurrency?: number;
}

export interface ImageProgress {
  /** 'unzip' once before the archive is read; then 'decode' per file (throttled). */
  phase: 'unzip' | 'decode';
  done: number;
  total: number;
}

/** A picked file: `path` as `webkitRelativePath` gives it ('picked/class/file.png'). */
export interface PickedFile {
  path: string;
  blob: Blob;
}

const PROGRESS_INTERVAL_MS = 100;

/** Buffers of an ImageSet that can be transferred instead of copied. */
export function imageSetTransferables(set: ImageSet): ArrayBuffer[] {
  return [set.pixels.buffer, set.y.buffer] as ArrayBuffer[];
}

export function createImageApi(decoder: ImageDecoderFn = browserDecoder, now: () => number = () => performance.now()) {
  /** Forwards decode progress at most every 100 ms, always the last file. */
  const decodeProgress = (onProgress?: (p: ImageProgress) => void) => {
    if (!onProgress) return undefined;
    let last = -Infinity;
    return (done: number, total: number) => {
      const t = now();
      if (t - last >= PROGRESS_INTERVAL_MS || done === total) {
        last = t;
        onProgress({ phase: 'decode', done, total });
      }
    };
  };

  const finish = (set: ImageSet): ImageSet => Comlink.transfer(set, imageSetTransferables(set));

  return {
    /**
     * Loads a .zip with one sub-folder per class (an optional wrapping folder is fine).
     *
     * @throws DataError when the file is not a zip, is damaged or too large, or holds no usable
     *   images or one class only; ConfigError for a bad size or color. Bad files inside are skipped.
     */
    async loadZip(data: Uint8Array | Blob, opts: LoadImagesOptions = {}, onProgress?: (p: ImageProgress) => void): Promise<ImageSet> {
      onProgress?.({ phase: 'unzip', done: 0, total: 1 });
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
      const entries = readZip(bytes, { name: opts.name ?? (data instanceof File ? data.name : undefined), ...limitsOf(opts) });
      const set = await decodeImageEntries(entries, { ...decodeOpts(opts), source: 'zip', onProgress: decodeProgress(onProgress) }, decoder);
      return finish(set);
    },

    /**
     * Loads picked files (directory picker or drag and drop), paths relative to the picked folder's
     * parent as `webkitRelativePath` gives them.
     *
     * @throws DataError when no usable images or one class only remain; ConfigError for a bad size or color.
     */
    async loadFiles(files: readonly PickedFile[], opts: LoadImagesOptions = {}, onProgress?: (p: ImageProgress) => void): Promise<ImageSet> {
      const entries = files.map((f) => ({ path: f.path, bytes: f.blob }));
      const set = await decodeImageEntries(entries, { ...decodeOpts(opts), source: 'folder', onProgress: decodeProgress(onProgress) }, decoder);
      return finish(set);
    },
  };
}

function limitsOf(o: LoadImagesOptions): ZipLimits {
  return { maxEntries: o.maxEntries, maxTotalBytes: o.maxTotalBytes, maxEntryBytes: o.maxEntryBytes };
}

function decodeOpts(o: LoadImagesOptions) {
  return { size: o.size, color: o.color, maxPixelBytes: o.maxPixelBytes, concurrency: o.concurrency };
}

export type ImageApi = ReturnType<typeof createImageApi>;
