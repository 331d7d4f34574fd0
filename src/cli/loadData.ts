/**
 * The data behind a config, for the command line: built-in datasets from the package's
 * public/datasets/ folder, or the user's own CSV / zip given with --data. Same parsers as the
 * browser (papaparse tokenizer, the core's table builder, the zip reader), with the pure-JS PNG
 * decoder standing in for the browser's image decoding.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isLoadedDataset, type ExperimentConfig } from '../core/config';
import { findBuiltin } from '../core/data/builtins';
import type { LoadedData } from '../core/data/loadedSource';
import type { ImageSet } from '../core/data/images/imageSet';
import { ConfigError } from '../core/errors';
import { parseCsvFile } from '../io/csv/nodeFile';
import { decodeImageEntries } from '../io/images/decodeImages';
import { pngDecoder } from '../io/images/pngCodec';
import { readZip } from '../io/images/readZip';

const DATASETS = new URL('../../public/datasets/', import.meta.url);

async function zipImages(path: string, image: { size: number; color: 'gray' | 'rgb' } | undefined): Promise<ImageSet> {
  const entries = readZip(new Uint8Array(readFileSync(path)), { name: basename(path) });
  return decodeImageEntries(entries, { size: image?.size ?? 32, color: image?.color ?? 'gray', source: 'zip' }, pngDecoder);
}

/** Loads what the config's dataset refers to; null for synthetic data. */
export async function loadConfigData(config: ExperimentConfig, dataPath?: string): Promise<LoadedData | null> {
  const d = config.dataset;
  if (!isLoadedDataset(d)) {
    if (dataPath) throw new ConfigError(`--data is only used with dataset.kind 'upload'; this config generates its data. Got --data ${dataPath} instead.`, 'data');
    return null;
  }
  if (d.kind === 'builtin') {
    const b = findBuiltin(d.name)!;
    const path = (file: string) => new URL(file, DATASETS).pathname;
    if (b.kind === 'tabular') return { kind: 'table', table: await parseCsvFile(path(b.file)) };
    const image = d.image ?? { size: 8, color: 'gray' as const };
    return { kind: 'images', train: await zipImages(path(b.file), image), test: b.testFile ? await zipImages(path(b.testFile), image) : undefined };
  }
  if (!dataPath) {
    throw new ConfigError(`This config uses the file '${d.name}': pass it with --data <path>. Got no --data instead.`, 'data');
  }
  if (/\.zip$/i.test(dataPath)) return { kind: 'images', train: await zipImages(dataPath, d.image) };
  return { kind: 'table', table: await parseCsvFile(dataPath) };
}
