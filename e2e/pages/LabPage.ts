/** Page object for the workbench: what a user does and reads, without selectors in the specs. */
import type { Page } from 'playwright-core';

export interface MethodMetrics {
  method: string;
  accuracy: number;
  balancedAccuracy: number;
  f1Macro: number;
  gmean: number;
  minorityRecall: number;
  rocAuc: number;
}

export class LabPage {
  readonly requests: string[] = [];
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page, readonly baseUrl: string) {
    page.on('request', (r) => this.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
  }

  /** Records main-thread long tasks from the first script on. */
  async observeLongTasks() {
    await this.page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
  }

  async longTasks(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.slice());
  }

  async clearLongTasks() {
    await this.page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
  }

  /** Opens the app at `query` (search and/or hash) and waits for `ready` (the workbench's scatter by default). */
  async open(query = '', ready = 'data-scatter') {
    await this.page.goto(new URL(query, this.baseUrl).href);
    await this.page.getByTestId(ready).waitFor();
  }

  url() {
    return this.page.url();
  }

  /** Presses Run and waits until the page has started that run (it may already have finished). */
  async run() {
    const status = this.page.getByTestId('run-status');
    const before = Number(await status.getAttribute('data-run-id'));
    await this.page.getByTestId('run').click();
    await this.page.waitForFunction((id) => Number(document.querySelector('[data-testid=run-status]')?.getAttribute('data-run-id')) > id, before);
  }

  async waitForFinish(timeout = 90_000): Promise<string> {
    await this.page.waitForFunction(
      () => ['done', 'cancelled'].includes(document.querySelector('[data-testid=run-status]')?.getAttribute('data-status') ?? ''),
      undefined,
      { timeout },
    );
    const status = (await this.page.getByTestId('run-status').getAttribute('data-status')) ?? '';
    // Results render in a deferred pass after the run ends: wait until every row has its outcome.
    if (status === 'done') {
      await this.page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[data-testid^=metrics-row-]')];
        const progress = document.querySelectorAll('[data-testid^=progress-]').length;
        return rows.length === progress && rows.every((r) => r.getAttribute('data-outcome') !== 'pending');
      }, undefined, { timeout });
    }
    return status;
  }

  async runAndWait(): Promise<void> {
    await this.run();
    await this.waitForFinish();
  }

  /** Waits until the element's text matches (previews and results arrive asynchronously). */
  async waitForText(testId: string, pattern: RegExp, timeout = 30_000): Promise<string> {
    await this.page.waitForFunction(
      ([id, source, flags]) => new RegExp(source, flags).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
      [testId, pattern.source, pattern.flags] as const,
      { timeout },
    );
    return (await this.page.getByTestId(testId).textContent()) ?? '';
  }

  async cancel() {
    await this.page.getByTestId('cancel').click();
  }

  async backend(): Promise<string> {
    return (await this.page.getByTestId('backend').textContent()) ?? '';
  }

  /** Metrics as the table shows them (full precision from data-value). */
  async metrics(): Promise<MethodMetrics[]> {
    return this.page.$$eval('[data-testid^=metrics-row-]', (rows) =>
      rows.map((row) => {
        const get = (k: string) => Number(row.querySelector(`[data-metric=${k}]`)?.getAttribute('data-value') ?? NaN);
        return {
          method: row.getAttribute('data-method') ?? '',
          accuracy: get('accuracy'),
          balancedAccuracy: get('balancedAccuracy'),
          f1Macro: get('f1Macro'),
          gmean: get('gmean'),
          minorityRecall: get('minorityRecall'),
          rocAuc: get('rocAuc'),
        };
      }),
    );
  }

  async methodStatuses(): Promise<string[]> {
    return this.page.$$eval('[data-testid^=progress-]', (els) => els.map((e) => e.getAttribute('data-status') ?? ''));
  }

  async methodError(index: number): Promise<string | null> {
    const el = this.page.getByTestId(`method-error-${index}`);
    return (await el.count()) ? el.textContent() : null;
  }

  async setField(testId: string, value: string) {
    await this.page.getByTestId(testId).fill(value);
  }

  async screenshot(path: string) {
    await this.page.screenshot({ path, fullPage: true });
  }

  /** Picks the Built-in tab and loads dataset `id`; resolves when its data is in use. */
  async loadBuiltin(id: string, timeout = 60_000) {
    await this.page.getByTestId('source-builtin').click();
    await this.page.getByTestId(`builtin-load-${id}`).click();
    await this.page.waitForFunction((x) => document.querySelector(`[data-testid="builtin-card-${x}"]`)?.getAttribute('data-active') === 'true', id, { timeout });
    await this.waitForDataIdle(timeout);
  }

  /** Picks a file through the real file input of "Your data" (a CSV or a zip). */
  async uploadFile(path: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByTestId('source-upload').click();
    await this.page.getByTestId('file-input').setInputFiles(path);
  }

  /** Picks a folder through the real directory input of "Your data". */
  async uploadFolder(path: string) {
    await this.page.getByTestId('source-upload').click();
    await this.page.getByTestId('folder-input').setInputFiles(path);
  }

  /** Waits until no load is in progress (it finished, failed or was cancelled). */
  async waitForDataIdle(timeout = 60_000) {
    await this.page.waitForFunction(() => {
      const s = (window as unknown as { __lab: { getState(): { data: { status: string } } } }).__lab.getState();
      return s.data.status !== 'loading';
    }, undefined, { timeout });
  }

  /** The load's error message, or null. */
  async dataError(): Promise<string | null> {
    const el = this.page.getByTestId('data-error');
    return (await el.count()) ? el.textContent() : null;
  }

  /** Everything the Data panel says about the loaded data: notes and skipped files. */
  async dataNotes(): Promise<string> {
    const parts: string[] = [];
    for (const id of ['data-notes', 'skipped-files']) {
      const el = this.page.getByTestId(id);
      if (await el.count()) {
        if (id === 'skipped-files') await el.evaluate((d) => ((d as HTMLDetailsElement).open = true));
        parts.push((await el.textContent()) ?? '');
      }
    }
    return parts.join('\n');
  }

  /** Requests that went anywhere but the app's own origin (data: and blob: are local). */
  foreignRequests(): string[] {
    const origin = new URL(this.baseUrl).origin;
    return this.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  }
}
