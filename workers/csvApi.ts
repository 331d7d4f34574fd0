/**
 * The CSV worker's API: papaparse streaming over a Blob (the user's file or a fetched built-in),
 * off the main thread, with progress through a comlink proxy. Cancel = terminate the worker.
 * No parsing logic lives here (src/io/csv/parseCsv.ts does it).
 */
import * as Comlink from 'comlink';
import { parseCsv } from '../src/io/csv/parseCsv';
import { parseCsvStratifiedSample } from '../src/io/csv/sampleCsv';
import { inferSchema } from '../src/core/data/table/inferSchema';
import type { Table } from '../src/core/data/table/table';

export interface CsvProgress {
  fraction: number;
  items: number;
}

/** Buffers of a table that can be moved to the page instead of copied. */
export function tableTransferables(table: Table): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of table.columns) {
    out.push(c.numbers.buffer as ArrayBuffer);
    if (c.codes) out.push(c.codes.buffer as ArrayBuffer);
  }
  return out;
}

export function createCsvApi() {
  return {
    /**
     * The whole file, or (`sample`) a stratified sample of its rows for a file too large to hold:
     * the target is guessed from the first rows, then the file is streamed twice (labels, then the
     * chosen rows).
     */
    async parse(source: Blob, opts: { maxRows?: number; sample?: { maxRows: number; seed: number } }, onProgress?: (p: CsvProgress) => void): Promise<Table> {
      const progress = (fraction: number, rows: number) => onProgress?.({ fraction, items: rows });
      let table: Table;
      if (opts.sample) {
        const head = await parseCsv(source, { maxRows: 1000 });
        const target = inferSchema(head).target;
        if (target === null) throw new Error('The file has no column that could be the target.');
        table = await parseCsvStratifiedSample(source, { target, maxRows: opts.sample.maxRows, seed: opts.sample.seed, onProgress: progress });
      } else {
        table = await parseCsv(source, { maxRows: opts.maxRows, onProgress: progress });
      }
      return Comlink.transfer(table, tableTransferables(table));
    },
  };
}

export type CsvApi = ReturnType<typeof createCsvApi>;
