/** The evaluation views: ROC with its hull, PR, head → tail, threshold explorer, calibration, metric ranking, significance, exports. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LabPage } from './pages/LabPage';
import { useLabSession } from './support/labSession';

const session = useLabSession();

/** Each evaluation tab and the view it opens (one view is mounted at a time). */
const VIEWS: [string, string][] = [
  ['ranking', 'metric-ranking'],
  ['head-to-tail', 'head-to-tail'],
  ['roc', 'roc-view'],
  ['pr', 'pr-view'],
  ['threshold', 'threshold-explorer'],
  ['calibration', 'calibration'],
];

/** Opens an evaluation tab and waits for its view. */
async function openView(lab: LabPage, tab: string): Promise<void> {
  await lab.page.getByTestId(`eval-tab-${tab}`).click();
  await lab.page.getByTestId(VIEWS.find(([t]) => t === tab)![1]).waitFor();
}

/** Clicks an export button and returns the downloaded file's name and bytes. */
async function exported(lab: LabPage, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([lab.page.waitForEvent('download'), lab.page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
}

describe('evaluation views', () => {
  it('binary data: every view renders; the hull names its methods; the threshold slider and the cost ratio move the numbers; exports download', async () => {
    const lab = await session.open('?n=600&ir=10&noise=0.9&model.epochs=30&method=none&method=class-weight&method=smote');
    await lab.runAndWait();
    for (const [tab] of VIEWS) await openView(lab, tab);
    await openView(lab, 'roc');
    expect(await lab.page.getByTestId('roc-on-hull').textContent()).toMatch(/^On the hull: .+\./);
    expect(await lab.page.getByTestId('roc-hull-stretches').textContent()).toMatch(/^Along the hull: .+ (at|from) FPR \d\.\d\d/);
    // Every AUC in the ROC view equals the metrics table's (both from the same test scores).
    const m = await lab.metrics();
    for (let i = 0; i < 3; i++) expect(Number(await lab.page.getByTestId(`roc-auc-${i}`).getAttribute('data-value'))).toBeCloseTo(m[i].rocAuc, 9);
    // Each method's own decisions: its TPR is the minority recall of the metrics table.
    for (let i = 0; i < 3; i++) {
      const tpr = Number((await lab.page.getByTestId(`roc-auc-${i}`).textContent())!.match(/TPR ([0-9.]+)/)![1]);
      expect(tpr).toBeCloseTo(m[i].minorityRecall, 3);
    }

    // Threshold explorer: 0.5 reproduces the argmax confusion matrix; a low threshold flags more positives.
    await openView(lab, 'threshold');
    const cell = (r: number, c: number) => lab.page.getByTestId(`threshold-cell-${r}-${c}`).textContent().then(Number);
    const tpAt = async (t: string) => {
      await lab.page.getByTestId('threshold-slider').fill(t);
      await lab.page.waitForFunction((v) => document.querySelector('[data-testid=threshold-value]')?.textContent === v, Number(t).toFixed(2));
      return { tp: await cell(1, 1), fp: await cell(0, 1) };
    };
    const mid = await tpAt('0.5');
    const low = await tpAt('0.05');
    expect(low.tp).toBeGreaterThanOrEqual(mid.tp);
    expect(low.fp).toBeGreaterThan(mid.fp);

    // A higher cost of missing the minority moves the best operating point to a higher TPR.
    await openView(lab, 'roc');
    const bestTpr = async () => Number((await lab.page.getByTestId('roc-best').textContent())!.match(/TPR ([0-9.]+)/)![1]);
    const before = await bestTpr();
    await lab.page.getByTestId('roc-view').getByTestId('cost-ratio').fill('50');
    await lab.page.waitForFunction(() => /50\.00×/.test(document.querySelector('[data-testid=roc-best]')?.textContent ?? ''));
    expect(await bestTpr()).toBeGreaterThanOrEqual(before);
    await lab.page.getByTestId('roc-view').getByTestId('cost-ratio').fill('-2');
    expect(await lab.page.getByTestId('roc-view').getByTestId('evaluation-error').textContent()).toMatch(/cost ratio .* above 0 .* Got -2 instead/);

    // Every chart has its data as a table behind it (the text alternative).
    await openView(lab, 'roc');
    await lab.page.getByTestId('data-roc').locator('summary').click();
    await lab.page.getByTestId('data-roc').locator('tbody tr').first().waitFor();
    expect(await lab.page.getByTestId('data-roc').locator('tbody tr').count()).toBeGreaterThan(5);
    await lab.page.getByTestId('data-loss-curves').locator('summary').click();
    await lab.page.getByTestId('data-loss-curves').locator('tbody tr').first().waitFor();
    expect(await lab.page.getByTestId('data-loss-curves').locator('tbody tr').count()).toBe(3 * 30);
    // A confusion cell lists its test rows (synthetic data: the two features of each row).
    const tp = await lab.page.getByTestId('cm-cell-0-1-1').textContent();
    // Keyboard first: focus the cell and press Enter.
    await lab.page.getByTestId('cm-cell-0-1-1').focus();
    await lab.page.keyboard.press('Enter');
    await lab.page.getByTestId('cell-examples').waitFor();
    expect(await lab.page.getByTestId('cell-examples').getAttribute('data-total')).toBe(tp);
    expect(await lab.page.getByTestId('cell-example-rows').locator('tbody tr').count()).toBe(Math.min(Number(tp), 48));

    // Exports: PNG (a real PNG), SVG (an svg document), CSV (a header and rows).
    const png = await exported(lab, 'export-roc-png');
    expect(png.name).toBe('roc.png');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(2000);
    const svg = await exported(lab, 'export-roc-svg');
    expect(svg.bytes.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const csv = (await exported(lab, 'export-roc-csv')).bytes.toString();
    expect(csv.split('\n')[0]).toMatch(/^curve,auc,fpr,tpr,threshold/);
    expect(csv.split('\n').length).toBeGreaterThan(10);
    for (const [tab, name] of [['pr', 'pr'], ['head-to-tail', 'head-to-tail'], ['threshold', 'threshold'], ['calibration', 'calibration']]) {
      await openView(lab, tab);
      expect((await exported(lab, `export-${name}-csv`)).bytes.length).toBeGreaterThan(20);
    }
    await openView(lab, 'ranking');
    expect((await exported(lab, 'export-metric-ranking-csv')).bytes.toString()).toMatch(/^method,accuracy_value,accuracy_rank/);
  }, 120_000);

  it('multi-class data: one-vs-rest per picked class, head → tail groups, a note instead of the threshold explorer', async () => {
    const lab = await session.open('?classes=4&n=900&ir=20&model.epochs=25&method=none&method=balanced-softmax');
    await lab.runAndWait();
    for (const [tab] of VIEWS) await openView(lab, tab);
    await openView(lab, 'roc');
    expect(await lab.page.getByTestId('roc-class').locator('option').count()).toBe(4);
    const aucBefore = await lab.page.getByTestId('roc-auc-0').getAttribute('data-value');
    await lab.page.getByTestId('roc-class').selectOption('0');
    await lab.page.waitForFunction((v) => document.querySelector('[data-testid=roc-auc-0]')?.getAttribute('data-value') !== v, aucBefore);
    await openView(lab, 'threshold');
    expect(await lab.page.getByTestId('threshold-explorer').textContent()).toMatch(/two classes; this data has 4/);
    await openView(lab, 'head-to-tail');
    expect(await lab.page.getByTestId('shot-thresholds').textContent()).toMatch(/Many-shot: more than/);
    expect(await lab.page.getByTestId('shot-row-1').locator('td').count()).toBe(5);
    // The shot thresholds are the user's to set; an impossible pair is refused with a message.
    await lab.page.getByTestId('shot-few').fill('30');
    await lab.page.getByTestId('shot-few').press('Tab');
    await lab.page.waitForFunction(() => /fewer than 30/.test(document.querySelector('[data-testid=shot-thresholds]')?.textContent ?? ''));
    await lab.page.getByTestId('shot-many').fill('5');
    await lab.page.getByTestId('shot-many').press('Tab');
    expect(await lab.page.getByTestId('head-to-tail').locator('.error-inline').textContent()).toMatch(/0 ≤ few ≤ many .* Got many 5, few 30 instead/);
    await lab.page.getByTestId('shot-reset').click();
    await lab.page.waitForFunction(() => /fewer than 20/.test(document.querySelector('[data-testid=shot-thresholds]')?.textContent ?? '') || /scaled down/.test(document.querySelector('[data-testid=shot-thresholds]')?.textContent ?? ''));
    await lab.page.getByTestId('confusion-mode').selectOption('rows');
    expect(await lab.page.getByTestId('confusion-0').locator('td').first().textContent()).toMatch(/^(0|1)\.\d\d$/);
  }, 120_000);

  it('image data: a confusion cell shows its test images', async () => {
    const lab = await session.open('?model.epochs=5&method=none');
    await lab.loadBuiltin('digits-lt');
    await lab.runAndWait();
    const cell = lab.page.getByTestId('cm-cell-0-0-0');
    const count = Number(await cell.textContent());
    expect(count).toBeGreaterThan(0);
    await cell.click();
    await lab.page.getByTestId('cell-example-images').waitFor();
    expect(await lab.page.getByTestId('cell-example-images').locator('canvas').count()).toBe(Math.min(count, 48));
    expect(await lab.page.getByTestId('cell-examples').textContent()).toMatch(new RegExp(`${count} test rows? of class 0 predicted as 0 by`));
  }, 120_000);

  it('repeated splits: each method is tested against the baseline, paired over the splits', async () => {
    const lab = await session.open('?n=500&ir=8&repeats=3&model.epochs=15&method=none&method=class-weight&method=random-over');
    await lab.runAndWait();
    await lab.page.getByTestId('significance').waitFor();
    for (const i of [1, 2]) expect(await lab.page.getByTestId(`significance-${i}`).getAttribute('data-significant')).toMatch(/^(true|false)$/);
    expect(await lab.page.getByTestId('significance-1').textContent()).toMatch(/vs No rebalancing.*[+-]\d\.\d{3}/);
    // Per-split tables show mean ± std over the three splits.
    await openView(lab, 'head-to-tail');
    expect(await lab.page.getByTestId('shot-table').locator('th').nth(1).textContent()).toMatch(/mean ± std over 3 splits/);
    expect(await lab.page.getByTestId('shot-row-0').locator('td').nth(1).textContent()).toMatch(/^\d\.\d{3} ± \d\.\d{3}$/);
    await openView(lab, 'calibration');
    expect(await lab.page.getByTestId('ece-0').locator('td').nth(1).textContent()).toMatch(/^\d\.\d{3} ± \d\.\d{3}$/);
    // Another metric, other paired differences.
    const before = await lab.page.getByTestId('significance-1').textContent();
    await lab.page.getByTestId('significance-metric').selectOption('gmean');
    await lab.page.waitForFunction((t) => document.querySelector('[data-testid=significance-1]')?.textContent !== t, before);
  }, 120_000);
});

describe("the SMOTE paper's sweep", () => {
  it('one click trains the quick grid on the two-class data and draws the families with their hull; cancel stops a run', async () => {
    const lab = await session.open('?n=400&ir=10&noise=0.8&model.epochs=8&model.kind=logistic');
    await lab.page.getByTestId('sweep-panel').locator('summary').click();
    await lab.page.getByTestId('sweep-run').click();
    await lab.page.waitForFunction(() => document.querySelector('[data-testid=sweep-status]')?.getAttribute('data-status') === 'done', undefined, { timeout: 150_000 });
    expect(await lab.page.getByTestId('sweep-status').textContent()).toMatch(/^32 \/ 32 classifiers trained/);
    await lab.page.getByTestId('sweep-chart').waitFor();
    expect(await lab.page.getByTestId('sweep-verdict').textContent()).toMatch(/The hull (is made of|mixes)/);
    const csv = (await exported(lab, 'export-smote-sweep-csv')).bytes.toString().trim().split(/\r?\n/);
    expect(csv[0]).toBe('smote_percent,under_percent,fpr,tpr,auc,train_counts');
    // Every variant is a row of the export, or counted among those that could not train.
    const failedNote = (await lab.page.getByTestId('sweep-failed').count()) ? await lab.page.getByTestId('sweep-failed').textContent() : '0';
    expect(csv.length - 1 + Number(failedNote!.match(/^(\d+)/)![1])).toBe(32);
    expect(new Set(csv.slice(1).map((r) => r.split(',')[0]))).toEqual(new Set(['0', '100', '300', '500']));

    await lab.page.getByTestId('sweep-grid').selectOption('paper');
    await lab.page.getByTestId('sweep-run').click();
    await lab.page.getByTestId('sweep-cancel').click();
    expect(await lab.page.getByTestId('sweep-status').getAttribute('data-status')).toBe('cancelled');
    expect(await lab.page.getByTestId('sweep-status').textContent()).toMatch(/\/ 108 classifiers trained \(cancelled\)/);
  }, 180_000);

  it('is offered for two-class data only', async () => {
    const lab = await session.open('?classes=3&n=300');
    expect(await lab.page.getByTestId('sweep-run').isDisabled()).toBe(true);
    expect(await lab.page.getByTestId('sweep-run').getAttribute('title')).toMatch(/Needs two classes; this data has 3/);
  });
});

describe('relative accuracy', () => {
  it('a long tail built from balanced digits: each method against balanced training of the same size; imbalanced data without spare rows says why', async () => {
    const lab = await session.open('?model.epochs=8&model.kind=logistic&method=none&method=balanced-softmax');
    await lab.loadBuiltin('digits');
    await lab.page.getByTestId('longtail-toggle').check();
    await lab.waitForText('dataset-summary', /plus a balanced test set of 200/);
    await lab.page.getByTestId('split-relativeAccuracy').check();
    await lab.page.waitForFunction(() => location.search.includes('relativeAccuracy=true'));
    await lab.runAndWait();
    const cells = lab.page.locator('[data-testid=metrics-table] td[data-metric=relativeAccuracy]');
    expect(await cells.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const v = Number(await cells.nth(i).getAttribute('data-value'));
      expect(v).toBeGreaterThan(0.3);
      expect(v).toBeLessThan(1.3);
      expect(await cells.nth(i).getAttribute('title')).toMatch(/balanced training set of \d+ rows: cross-entropy 0\.\d{3}, this method 0\.\d{3}/);
    }

    const pima = await session.open('?model.epochs=3&model.kind=logistic&method=none&relativeAccuracy=true');
    await pima.loadBuiltin('pima-diabetes');
    await pima.runAndWait();
    expect(await pima.page.getByTestId('relative-accuracy-error').textContent()).toMatch(/class '.+' has only \d+\. Build the long tail from a balanced dataset/);
  }, 150_000);
});
