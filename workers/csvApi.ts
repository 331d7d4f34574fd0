/**
 * The CSV worker's API: papaparse streaming over a Blob (the user's file or a fetched built-in),
 * off the main thread, with progress through a comlink proxy. Cancel = terminate the worker.
 * No parsing logic lives here (src/io/csv/parseCsv.ts does it).
 */
import * as Comlink from 'comlink';
import { parseCsv } from '../src/io/csv/parseCsv';
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
    async parse(source: Blob, opts: { maxRows?: number }, onProgress?: (p: CsvProgress) => void): Promise<Table> {
      const table = await parseCsv(source, {
        maxRows: opts.maxRows,
        onProgress: (fraction: number, rows: number) => onProgress?.({ fraction, items: rows }),
      });
      return Comlink.transfer(table, tableTransferables(table));
    },
  };
}

export type CsvApi = ReturnType<typeof createCsvApi>;
