/** Saved experiments: a reload after or during a run keeps what had finished; open, rename, delete. */
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/labSession';

const session = useLabSession();

describe('saved experiments (IndexedDB)', () => {
  it('a reload after a run loses nothing: the run is listed, and opening it shows the same results', async () => {
    const lab = await session.open('?n=400&ir=10&model.epochs=8&method=none&method=smote');
    await lab.runAndWait();
    const before = await lab.metrics();
    await lab.page.reload();
    await lab.page.getByTestId('data-scatter').waitFor();
    await lab.page.getByTestId('saved-panel').locator('summary').click();
    const item = lab.page.locator('[data-testid^=saved-run-]').first();
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('done');
    expect(await item.getByTestId('saved-name').textContent()).toMatch(/^moons 1:10 · No rebalancing, SMOTE$/);
    await item.getByTestId('saved-open').click();
    await lab.page.getByTestId('metrics-table').waitFor();
    expect(await lab.metrics()).toEqual(before);
    expect(await lab.page.evaluate(() => location.search)).toContain('n=400');

    // Rename (Enter), then delete.
    await item.getByTestId('saved-rename').click();
    await lab.page.getByTestId('saved-name-input').fill('Moons, SMOTE vs nothing');
    await lab.page.getByTestId('saved-name-input').press('Enter');
    await lab.page.waitForFunction(() => document.querySelector('[data-testid^=saved-run-] [data-testid=saved-name]')?.textContent === 'Moons, SMOTE vs nothing');
    const count = await lab.page.locator('[data-testid^=saved-run-]').count();
    await item.getByTestId('saved-delete').click();
    await lab.page.waitForFunction((n) => document.querySelectorAll('[data-testid^=saved-run-]').length === n - 1, count);
  });

  it('a reload in the middle of a run keeps the methods that had finished', async () => {
    const lab = await session.open('?n=400&ir=10&method=none&method=smote&method=class-weight&method=random-over&method=random-under&model.epochs=400');
    await lab.run();
    // Once method 1 has finished AND its save has landed (the saved list counts it), reload.
    await lab.page.waitForFunction(
      () => {
        if (document.querySelector('[data-testid=progress-0]')?.getAttribute('data-status') !== 'done') return false;
        const done = [...document.querySelectorAll('[data-testid^=progress-]')].filter((e) => e.getAttribute('data-status') === 'done').length;
        const saved = document.querySelector('[data-testid^=saved-run-] .hint')?.textContent?.match(/(\d+)\/\d+ methods/);
        return saved !== null && saved !== undefined && Number(saved[1]) >= done;
      },
      undefined,
      { timeout: 60_000 },
    );
    await lab.page.reload();
    await lab.page.getByTestId('data-scatter').waitFor();
    await lab.page.getByTestId('saved-panel').locator('summary').click();
    const item = lab.page.locator('[data-testid^=saved-run-]').first();
    await item.waitFor();
    expect(['partial', 'done']).toContain(await item.getAttribute('data-status'));
    await item.getByTestId('saved-open').click();
    await lab.page.getByTestId('metrics-table').waitFor();
    const outcomes = await lab.page.locator('[data-testid^=metrics-row-]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')));
    expect(outcomes[0]).toBe('done');
    if ((await item.getAttribute('data-status')) === 'partial') expect(outcomes).toContain('error');
  }, 120_000);
});

describe('experiment files', () => {
  it('export → import reproduces the experiment; a file that is not one says why', async () => {
    const lab = await session.open('?n=350&ir=12&seed=42&model.epochs=6&method=none&method=focal');
    await lab.page.getByTestId('saved-panel').locator('summary').click();
    const [download] = await Promise.all([lab.page.waitForEvent('download'), lab.page.getByTestId('export-experiment').click()]);
    const text = (await import('node:fs')).readFileSync((await download.path())!, 'utf8');
    const exported = JSON.parse(text);
    expect(exported.seed).toBe(42);
    expect(exported.methods.map((m: { id: string }) => m.id)).toEqual(['none', 'focal']);

    const other = await session.open('?n=800&seed=1');
    await other.page.getByTestId('saved-panel').locator('summary').click();
    await other.page.getByTestId('import-experiment').setInputFiles({ name: 'exp.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    expect(await other.waitForText('import-message', /Loaded the experiment from 'exp.json': 2 methods, seed 42/)).toBeTruthy();
    await other.page.waitForFunction(() => location.search.includes('seed=42') && location.search.includes('n=350'));
    await other.page.getByTestId('import-experiment').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"dataset": {"imbalanceRatio": 5000}}') });
    expect(await other.waitForText('import-message', /'notes.json' is not an experiment file: dataset.imbalanceRatio must be a number between 1 and 1000/)).toBeTruthy();
    await other.page.getByTestId('import-experiment').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    expect(await other.waitForText('import-message', /'x.json' is not an experiment file: it is not JSON/)).toBeTruthy();
    // The run reproduces the exported experiment's numbers.
    await lab.runAndWait();
    await other.runAndWait();
    expect(await other.metrics()).toEqual(await lab.metrics());
  });
});

describe('reports', () => {
  it('a finished run exports a self-contained HTML report with figures and a Markdown one with the same numbers', async () => {
    const lab = await session.open('?n=400&ir=10&noise=0.8&model.epochs=8&method=none&method=smote&repeats=2');
    await lab.runAndWait();
    const read = async (id: string) => {
      const [d] = await Promise.all([lab.page.waitForEvent('download'), lab.page.getByTestId(id).click()]);
      return { name: d.suggestedFilename(), text: (await import('node:fs')).readFileSync((await d.path())!, 'utf8') };
    };
    const html = await read('report-html');
    expect(html.name).toBe('imbalance-lab-report-moons-1-10.html');
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text.match(/<svg /g)).toHaveLength(2);
    const md = await read('report-md');
    expect(md.name).toBe('imbalance-lab-report-moons-1-10.md');
    const table = await lab.page.getByTestId('metrics-row-1').locator('td[data-metric=balancedAccuracy]').textContent();
    expect(md.text).toContain(table!.trim());
    expect(html.text).toContain(table!.trim());
    expect(md.text).toMatch(/mean ± std over 2/);
  });
});

describe('comparing saved experiments', () => {
  it('two saved runs side by side, each method with its own numbers', async () => {
    const lab = await session.open('?n=300&ir=10&noise=0.8&model.epochs=6&model.kind=logistic&seed=1&method=none&method=smote');
    await lab.runAndWait();
    const first = await lab.metrics();
    await lab.setField('seed', '2');
    await lab.page.waitForFunction(() => location.search.includes('seed=2'));
    await lab.runAndWait();
    const second = await lab.metrics();
    await lab.page.getByTestId('saved-panel').locator('summary').click();
    await lab.page.waitForFunction(() => document.querySelectorAll('[data-testid^=saved-run-]').length >= 2);
    const picks = lab.page.getByTestId('saved-pick');
    await picks.nth(0).check();
    await picks.nth(1).check();
    await lab.page.getByTestId('saved-compare').click();
    const table = lab.page.getByTestId('saved-comparison');
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toHaveLength(4);
    // Newest first: the seed-2 run, then the seed-1 run; balanced accuracy is the third column.
    expect(Number(rows[0][2])).toBeCloseTo(second[0].balancedAccuracy, 3);
    expect(Number(rows[3][2])).toBeCloseTo(first[1].balancedAccuracy, 3);
  });
});

describe('Python script export', () => {
  it('exports the experiment as a Python script with its data, protocol and methods', async () => {
    const lab = await session.open('?n=250&ir=8&seed=4&model.epochs=9&method=none&method=smote&method=crt');
    await lab.page.getByTestId('saved-panel').locator('summary').click();
    const [d] = await Promise.all([lab.page.waitForEvent('download'), lab.page.getByTestId('export-python').click()]);
    expect(d.suggestedFilename()).toBe('imbalance-lab-experiment.py');
    const text = (await import('node:fs')).readFileSync((await d.path())!, 'utf8');
    expect(text).toMatch(/^#!\/usr\/bin\/env python3\n"""Imbalance Lab experiment, exported /);
    expect(text).toContain('SEED = 4\n');
    expect(text).toContain('"epochs": 9');
    expect(text.split('X_ALL = np.array([\n')[1].split('\n], dtype=np.float64)')[0].split('\n')).toHaveLength(250);
    expect(text).toContain('"label": "SMOTE", "sampler": lambda cat: SMOTE(');
    // cRT's second stage: a quarter of the 9 epochs, rounded.
    expect(text).toContain('"label": "Classifier re-training (cRT)", "sampler": None, "codes": False, "leaky": False, "loss": None, "sampling": None, "etf": False, "stage": {"kind": "crt", "epochs": 2, "tau": 1}');
    expect(text).not.toContain('# Not exported');
  });

  it('an image set travels inside the script: its pixels, labels and fixed test set, with the CNN', async () => {
    const lab = await session.open('?model.epochs=2&method=none&method=tau-norm');
    await lab.loadBuiltin('digits-lt');
    await lab.page.getByTestId('model-kind').selectOption('cnn');
    await lab.page.waitForFunction(() => location.search.includes('model.kind=cnn'));
    await lab.page.getByTestId('saved-panel').locator('summary').click();
    const [d] = await Promise.all([lab.page.waitForEvent('download'), lab.page.getByTestId('export-python').click()]);
    const text = (await import('node:fs')).readFileSync((await d.path())!, 'utf8');
    expect(text).toContain('IMAGE_SHAPE = (8, 8, 1)');
    expect(text).toContain('MODEL = {"kind": "cnn"');
    expect(text).toMatch(/\nPIXELS = \(\n {4}"[A-Za-z0-9+/=]{100}"/);
    const fixed = /FIXED_TEST = np\.array\(\[([\d, ]+)\]/.exec(text)![1].split(', ');
    expect(fixed).toHaveLength(200);
    expect(text).toContain('"stage": {"kind": "tau-norm"');
  });
});
