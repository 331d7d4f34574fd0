/**
 * Bringing real data: built-in datasets, a CSV, a zip of images and a folder through the real file
 * inputs, each reaching a finished comparison; column choices, the long-tail builder and
 * cross-validation; nothing leaves the page.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/labSession';

const session = useLabSession();
const fixture = (p: string) => fileURLToPath(new URL(`./fixtures/${p}`, import.meta.url));
const publicData = (p: string) => fileURLToPath(new URL(`../public/datasets/${p}`, import.meta.url));
/** Two quick methods keep each run short; the point here is the data path, not the training. */
const QUICK = '&model.epochs=15&method=none&method=random-over';

describe('real data', () => {
  it('loads a built-in dataset in one click, shows what it is, trains on it, and the link reloads it', async () => {
    const lab = await session.open(`?${QUICK.slice(1)}`);
    await lab.loadBuiltin('mammography');
    const card = await lab.page.getByTestId('builtin-card-mammography').textContent();
    expect(card).toMatch(/11,183 rows · 6 features · 2 classes/);
    expect(card).toMatch(/microcalcification/);
    expect(await lab.waitForText('dataset-summary', /rows · 2 classes · imbalance ratio 1:42\.0/)).toMatch(/^11183 rows/);
    expect(await lab.page.getByTestId('column-use-label').inputValue()).toBe('target');
    expect(lab.url()).toContain('data=mammography');
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);
    const [none, over] = await lab.metrics();
    expect(none.rocAuc).toBeGreaterThan(0.8);
    expect(over.minorityRecall).toBeGreaterThan(none.minorityRecall);

    // The same link in a fresh page loads the dataset by itself and gives the same numbers.
    const again = await session.open(new URL(lab.url()).search);
    await again.waitForDataIdle();
    expect(await again.waitForText('dataset-summary', /11183 rows/)).toBeTruthy();
    await again.runAndWait();
    expect(await again.metrics()).toEqual(await lab.metrics());
  });

  it('a CSV through the file input: inferred column types, unlabeled rows set aside, a column override, then a finished run', async () => {
    const lab = await session.open(`?${QUICK.slice(1)}&method=smote-nc`);
    await lab.uploadFile(fixture('upload/patients.csv'));
    await lab.waitForDataIdle();
    expect(await lab.dataError()).toBeNull();
    const use = (c: string) => lab.page.getByTestId(`column-use-${c}`).inputValue();
    expect(await use('label')).toBe('target');
    expect(await use('patient_id')).toBe('ignored');
    expect(await use('age')).toBe('numeric');
    expect(await use('region')).toBe('categorical');
    expect(await use('smoker')).toBe('boolean');
    expect(await lab.dataNotes()).toMatch(/6 rows have an empty target \('label'\): kept aside as unlabeled/);
    expect(await lab.waitForText('dataset-summary', /394 rows · 2 classes · imbalance ratio 1:9/)).toBeTruthy();
    await lab.page.getByTestId('column-use-visits').selectOption('ignored');
    expect(lab.url()).toContain('col.visits=ignored');
    expect(lab.url()).toContain('file=patients.csv');
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done', 'done']);
    const metrics = await lab.metrics();
    expect(metrics[2].method).toBe('smote-nc');
    expect(metrics.every((m) => m.balancedAccuracy > 0.5)).toBe(true);
    expect(lab.foreignRequests()).toEqual([]);
  });

  it('a zip of class folders through the file input: thumbnails, counts, and a finished run', async () => {
    const lab = await session.open(`?${QUICK.slice(1)}`);
    await lab.uploadFile(publicData('digits-lt.zip'));
    await lab.waitForDataIdle();
    expect(await lab.dataError()).toBeNull();
    await lab.page.getByTestId('image-grid').waitFor();
    expect(await lab.page.getByTestId('image-count-0').textContent()).toMatch(/158/);
    expect(await lab.page.getByTestId('image-count-9').textContent()).toMatch(/\b2\b/);
    expect(await lab.page.locator('[data-testid=image-grid] canvas').count()).toBeGreaterThanOrEqual(10);
    expect(await lab.waitForText('dataset-summary', /392 images · 10 classes · imbalance ratio 1:79/)).toBeTruthy();
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);
  });

  it('a folder through the directory input, with its long-tailed class counts', async () => {
    const lab = await session.open(`?${QUICK.slice(1)}`);
    await lab.uploadFolder(fixture('upload/digits-folder'));
    await lab.waitForDataIdle();
    expect(await lab.dataError()).toBeNull();
    expect(await lab.waitForText('dataset-summary', /44 images · 3 classes · imbalance ratio 1:7\.5/)).toBeTruthy();
    expect(lab.url()).toContain('file=digits-folder');
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);
  });

  it('PNG, JPEG, WebP, GIF and BMP all decode; size and colour can be changed', async () => {
    const lab = await session.open(`?${QUICK.slice(1)}`);
    await lab.uploadFolder(fixture('upload/formats'));
    await lab.waitForDataIdle();
    expect(await lab.dataError()).toBeNull();
    expect(await lab.waitForText('dataset-summary', /20 images · 2 classes · imbalance ratio 1:1\.0/)).toBeTruthy();
    expect(await lab.page.getByTestId('skipped-files').count()).toBe(0);
    await lab.setField('image-size', '16');
    await lab.page.getByTestId('image-color').selectOption('rgb');
    await lab.page.getByTestId('image-apply').click();
    await lab.waitForDataIdle();
    expect(lab.url()).toMatch(/image\.size=16&image\.color=rgb/);
    const shape = await lab.page.evaluate(() => {
      const d = (window as unknown as { __lab: { getState(): { data: { loaded: { train: { width: number; channels: number; pixels: Float32Array } } } } } }).__lab.getState().data.loaded.train;
      return [d.width, d.channels, d.pixels.length];
    });
    expect(shape).toEqual([16, 3, 20 * 16 * 16 * 3]);
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);
  });

  it('a CSV dropped on the drop zone loads like a picked one', async () => {
    const lab = await session.open();
    await lab.page.getByTestId('source-upload').click();
    const dataTransfer = await lab.page.evaluateHandle(() => {
      const dt = new DataTransfer();
      const rows = ['a,b,label'];
      for (let i = 0; i < 60; i++) rows.push(`${i % 7},${(i * 3) % 11},${i % 6 === 0 ? 'rare' : 'common'}`);
      dt.items.add(new File([rows.join('\n')], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    });
    await lab.page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
    await lab.waitForText('dataset-summary', /60 rows · 2 classes · imbalance ratio 1:5\.0/);
    expect(lab.url()).toContain('file=dropped.csv');
  });

  it('the built-in long-tailed digits come with their balanced test set; the long-tail builder skews a balanced table', async () => {
    const lab = await session.open(`?${QUICK.slice(1)}`);
    await lab.loadBuiltin('digits-lt');
    expect(await lab.waitForText('dataset-summary', /392 images · 10 classes · imbalance ratio 1:79\.0 · plus a balanced test set of 200/)).toBeTruthy();
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);

    await lab.loadBuiltin('digits');
    expect(await lab.waitForText('dataset-summary', /1797 rows · 10 classes · imbalance ratio 1:1\.1/)).toBeTruthy();
    await lab.page.getByTestId('longtail-toggle').check();
    const summary = await lab.waitForText('dataset-summary', /plus a balanced test set of 200/);
    expect(summary).toMatch(/imbalance ratio 1:(8\d|9\d|1\d\d)\b/);
    expect(lab.url()).toContain('lt.imbalanceFactor=100');
    expect(await lab.page.locator('[data-testid=class-histogram] g[data-few-shot=true]').count()).toBeGreaterThan(0);
  });

  it('cross-validation: every method runs every fold and the table shows mean ± std', async () => {
    const lab = await session.open(`?${QUICK.slice(1)}`);
    await lab.loadBuiltin('breast-cancer-wisconsin-diagnostic');
    await lab.page.getByTestId('split-protocol').selectOption('cross-validation');
    await lab.setField('split-folds', '3');
    expect(lab.url()).toContain('protocol=cross-validation');
    await lab.runAndWait();
    expect(await lab.page.getByTestId('metrics-table').locator('..').textContent()).toMatch(/mean ± std over 3 folds/);
    expect(await lab.page.getByTestId('metrics-row-0').textContent()).toMatch(/0\.\d{3} ± 0\.\d{3}/);
  });

  it('a class too small for the folds is named, with the setting that works, and Run waits', async () => {
    const lab = await session.open(`?${QUICK.slice(1)}`);
    await lab.loadBuiltin('yeast');
    await lab.page.getByTestId('split-protocol').selectOption('cross-validation');
    await lab.setField('split-folds', '10');
    expect(await lab.waitForText('dataset-error', /Class 'ERL' has 5 rows, fewer than the 10 folds/)).toMatch(/Use at most 5 folds, or the hold-out split/);
    expect(await lab.page.getByTestId('run').isDisabled()).toBe(true);
    await lab.setField('split-folds', '5');
    expect(await lab.page.getByTestId('dataset-error').count()).toBe(0);
    expect(await lab.page.getByTestId('run').isEnabled()).toBe(true);
  });

  it('missing values are imputed with training statistics, and the counts are shown', async () => {
    const lab = await session.open(`?${QUICK.slice(1)}`);
    await lab.loadBuiltin('adult-subset');
    expect(await lab.waitForText('imputation', /workclass \d+ cells \(\d+ in training, most frequent\)/)).toMatch(/occupation \d+ cells/);
  });

  it('cancelling a long load keeps the data in use and says so', async () => {
    const lab = await session.open();
    const header = `a,b,c,d,label\n`;
    const row = '0.123456,1.234567,2.345678,3.456789,x\n0.654321,1.765432,2.876543,3.987654,y\n';
    const buffer = Buffer.from(header + row.repeat(500_000));
    await lab.uploadFile({ name: 'big.csv', mimeType: 'text/csv', buffer });
    await lab.page.getByTestId('load-progress').waitFor();
    await lab.page.getByTestId('load-cancel').click();
    await lab.waitForDataIdle();
    expect(await lab.page.getByTestId('data-notice').textContent()).toMatch(/cancelled/);
    expect(await lab.page.getByTestId('dataset-summary').textContent()).toMatch(/1050 points/);
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toContain('done');
  });

  it('no page of this spec sent anything to another origin', () => {
    expect(session.pages.length).toBeGreaterThan(5);
    expect(session.pages.flatMap((p) => p.foreignRequests())).toEqual([]);
  });
});
