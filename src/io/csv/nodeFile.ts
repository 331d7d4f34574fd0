/**
 * Node entry for the CSV loader: a file path → Table, for the CLI and the benchmarks. The file is read
 * as a Blob backed by the file (`fs.openAsBlob`), so `parseCsv` streams it in chunks exactly as it
 * streams a File in a worker, and the whole text never sits in memory at once.
 */
import { openAsBlob } from 'node:fs';
import { DataError } from '../../core/errors';
import type { Table } from '../../core/data/table/table';
import { parseCsv, type ParseCsvOptions } from './parseCsv';

/** @throws DataError when the file cannot be opened; otherwise whatever `parseCsv` throws. */
export async function parseCsvFile(path: string, opts: ParseCsvOptions = {}): Promise<Table> {
  let blob: Blob;
  try {
    blob = (await openAsBlob(path)) as unknown as Blob;
  } catch (e) {
    throw new DataError(`Could not read the file '${path}': ${e instanceof Error ? e.message : String(e)}. Check the path and that the file is readable.`);
  }
  return parseCsv(blob, opts);
}
