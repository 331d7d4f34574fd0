/**
 * The malformed-input corpus (e2e/fixtures/bad/, described by manifest.*.json): every file goes
 * through the real file or folder input of one page, and must produce its specific message —
 * as a load error, a problem with the loaded data, a note, or a skipped-file reason — while the
 * page stays usable and nothing leaves it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LabPage } from './pages/LabPage';
import { useLabSession } from './support/labSession';

interface Entry {
  file: string;
  problem: string;
  expect: string;
  input?: 'csv' | 'zip' | 'folder';
  fatal?: boolean;
  /** Parser options the unit test passes (e.g. a tiny maxBytes): not reachable through the page. */
  options?: Record<string, unknown>;
}

const bad = (p: string) => fileURLToPath(new URL(`./fixtures/bad/${p}`, import.meta.url));
const manifest = (name: string): Entry[] => (existsSync(bad(name)) ? (JSON.parse(readFileSync(bad(name), 'utf8')) as Entry[]) : []);
const entries = [...manifest('manifest.csv.json'), ...manifest('manifest.images.json')].filter((e) => e.options === undefined);

const session = useLabSession();
let lab: LabPage;

/** Everything the Data panel says about the last load. */
async function said(page: LabPage): Promise<string> {
  const parts = [(await page.dataError()) ?? '', await page.dataNotes()];
  const datasetError = page.page.getByTestId('dataset-error');
  if (await datasetError.count()) parts.push((await datasetError.textContent()) ?? '');
  return parts.join('\n');
}

describe('malformed inputs', () => {
  it('has a corpus of at least 30 files, each with the message it must produce', () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
    for (const e of entries) expect(existsSync(bad(e.file)), e.file).toBe(true);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s', async (_file, entry) => {
    lab ??= await session.open('?model.epochs=5&method=none&method=random-over');
    if (entry.input === 'folder') await lab.uploadFolder(bad(entry.file));
    else await lab.uploadFile(bad(entry.file));
    await lab.page.waitForFunction(() => {
      const s = (window as unknown as { __lab: { getState(): { data: { status: string } } } }).__lab.getState();
      return s.data.status !== 'loading';
    });
    // The load may finish a moment before the panel shows it.
    await lab.page.waitForFunction(
      (text) => document.querySelector('[data-testid=data-panel], .controls')?.textContent?.includes(text) ?? false,
      entry.expect,
      { timeout: 10_000 },
    ).catch(() => {});
    const text = await said(lab);
    expect(text, entry.problem).toContain(entry.expect);
    // Fatal: the file is refused (load error), or it loaded but cannot be trained on as it is
    // (the message is shown and Run is disabled until the user changes something).
    const refused = (await lab.dataError()) !== null;
    const blocked = await lab.page.getByTestId('run').isDisabled();
    if (entry.fatal === true) expect(refused || blocked, entry.problem).toBe(true);
    if (entry.fatal === false) expect(refused || blocked, entry.problem).toBe(false);
  });

  it('after all of them the page still loads data and runs a comparison, and sent nothing anywhere', async () => {
    lab ??= await session.open('?model.epochs=5&method=none&method=random-over');
    await lab.loadBuiltin('pima-diabetes');
    expect(await lab.dataError()).toBeNull();
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);
    expect(lab.consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    expect(lab.foreignRequests()).toEqual([]);
  });
});
