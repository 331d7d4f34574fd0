/**
 * The CSV bad-input corpus (e2e/fixtures/bad/csv-*, listed in manifest.csv.json) through the pipeline
 * the app runs on an upload: parseCsv → inferSchema → targetLabels → fitTableEncoder (on the labeled
 * rows) → encodeRows. A fatal entry must fail with a message containing `expect`; a non-fatal one
 * must load, encode without NaN, and show `expect` in a table note or a column's reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRows, fitTableEncoder } from '../../core/data/table/encoder';
import { inferSchema } from '../../core/data/table/inferSchema';
import { targetLabels } from '../../core/data/table/labels';
import { DataError } from '../../core/errors';
import { parseCsv, type ParseCsvOptions } from './parseCsv';

interface Entry {
  file: string;
  problem: string;
  expect: string;
  fatal: boolean;
  options?: ParseCsvOptions;
}

const dir = new URL('../../../e2e/fixtures/bad/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.csv.json'), 'utf8')) as Entry[];

/** What the user sees: the error message, or the notes and column reasons of a loaded file. */
async function runPipeline(source: string | Blob, options: ParseCsvOptions = {}): Promise<{ ok: boolean; message: string }> {
  try {
    const table = await parseCsv(source, options);
    const schema = inferSchema(table);
    const labels = targetLabels(table, schema);
    const labeled = Int32Array.from(Array.from(labels.y).flatMap((c, i) => (c >= 0 ? [i] : [])));
    const encoder = fitTableEncoder(table, schema, labeled);
    const out = encodeRows(table, encoder, labeled, 'one-hot');
    expect(out.X.data.every(Number.isFinite)).toBe(true);
    return { ok: true, message: [...table.notes, ...schema.columns.map((c) => `${c.name}: ${c.reason}`)].join('\n') };
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return { ok: false, message: (e as Error).message };
  }
}

describe('CSV bad-input corpus', () => {
  it('has at least 18 entries, each with a file', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(18);
    for (const e of manifest) expect(() => readFileSync(join(dir, e.file))).not.toThrow();
  });

  it.each(manifest.map((e) => [e.file, e] as const))('%s', async (_, entry) => {
    const bytes = readFileSync(join(dir, entry.file));
    // The browser path: a File (Blob), decoded strictly as UTF-8.
    const result = await runPipeline(new Blob([bytes]), entry.options);
    expect(result.message).toContain(entry.expect);
    expect(result.ok).toBe(!entry.fatal);
    // The CLI path (text already decoded by Node): the same outcome, if not always the same words.
    const viaString = await runPipeline(bytes.toString('utf8'), entry.options);
    expect(viaString.ok).toBe(result.ok);
  });
});
