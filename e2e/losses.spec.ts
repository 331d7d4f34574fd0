/** Algorithm-level methods next to resampling in one comparison: losses, DRW marker, post-hoc adjustments. */
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/labSession';

const session = useLabSession();

describe('imbalance-aware losses and post-hoc adjustments', () => {
  it('train next to the baseline; LDAM-DRW marks its switch epoch; post-hoc methods keep the baseline’s ranking', async () => {
    const methods = ['none', 'focal', 'ldam-drw', 'balanced-softmax', 'dice', 'anyloss', 'prior-correction', 'threshold-moving'];
    const lab = await session.open(`?model.epochs=30&${methods.map((m) => `method=${m}`).join('&')}`);
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(new Array(8).fill('done'));
    const marker = lab.page.getByTestId('loss-2').locator('[data-marker=DRW]');
    expect(await marker.getAttribute('data-x')).toBe('24');
    expect(await lab.page.getByTestId('loss-0').locator('[data-marker]').count()).toBe(0);
    const m = await lab.metrics();
    const byId = Object.fromEntries(m.map((r) => [r.method, r]));
    expect(byId['prior-correction'].rocAuc).toBeCloseTo(byId.none.rocAuc, 6);
    expect(byId['threshold-moving'].rocAuc).toBeCloseTo(byId.none.rocAuc, 6);
    expect(byId['prior-correction'].minorityRecall).toBeGreaterThanOrEqual(byId.none.minorityRecall);
    // The methods are offered in the picker under their families.
    const groups = await lab.page.getByTestId('method-picker').locator('optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
    expect(groups).toContain('Imbalance-aware loss');
    expect(groups).toContain('Post-hoc adjustment');
  });

  it('a user-edited cost matrix: a negative cost is refused inline; a valid one moves the decision', async () => {
    const lab = await session.open('?model.epochs=20&method=none&method=cost-matrix(use~decision-rule)');
    await lab.setField('method-1-costs', '0,1;-3,0');
    expect(await lab.page.getByRole('alert').first().textContent()).toMatch(/row 2 holds -3, and costs cannot be negative or missing/);
    expect(await lab.page.getByTestId('run').isDisabled()).toBe(true);
    await lab.setField('method-1-costs', '0,1;9,0');
    await lab.page.waitForFunction(() => location.search.includes('costs~0%2C1%3B9%2C0'));
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);
    const [none, costs] = await lab.metrics();
    expect(costs.rocAuc).toBeCloseTo(none.rocAuc, 6);
    expect(costs.minorityRecall).toBeGreaterThanOrEqual(none.minorityRecall);
  });

  it('a DRW epoch after the last epoch is refused, naming the valid range', async () => {
    const lab = await session.open('?model.epochs=10&method=none&method=ldam-drw(drwEpoch~50)');
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'error']);
    expect(await lab.methodError(1)).toMatch(/The DRW switch epoch must be between 1 and the number of epochs \(10\).*Got 50 instead/);
  });

  it('sampling and two-stage methods: the second stage continues the loss curve after a marker; the weight-norm view shows τ-norm equalising', async () => {
    const methods = ['none', 'balanced-sampling', 'two-phase', 'crt', 'tau-norm', 'lws', 'feature-augment', 'etf-classifier'];
    const lab = await session.open(`?model.epochs=20&${methods.map((m) => `method=${m}`).join('&')}`);
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(new Array(8).fill('done'));
    expect(await lab.page.getByTestId('loss-3').locator('[data-marker]').getAttribute('data-x')).toBe('21');
    expect(await lab.page.getByTestId('loss-3').locator('[data-marker]').getAttribute('data-marker')).toBe('retrain classifier');
    expect(await lab.page.getByTestId('loss-2').locator('[data-marker]').getAttribute('data-marker')).toBe('fine-tune');
    const norms = await lab.page.evaluate(() =>
      (window as unknown as { __lab: { getState(): { run: { methods: { result?: { classifierNorms?: number[] } }[] } } } }).__lab.getState().run.methods.map((m) => m.result?.classifierNorms),
    );
    expect(norms[4]![0]).toBeCloseTo(1, 4);
    expect(norms[4]![1]).toBeCloseTo(1, 4);
    // The fixed ETF classifier keeps its unit columns through training (on the browser's backend too).
    expect(norms[7]![0]).toBeCloseTo(1, 4);
    expect(norms[7]![1]).toBeCloseTo(1, 4);
    await lab.page.getByTestId('classifier-norms').waitFor();
  });
});

describe('the long-tailed digits preset', () => {
  it('one pick loads digits-lt with 8 long-tail methods and 3 seeds, and trains them all in the browser', async () => {
    const lab = await session.open();
    await lab.page.getByTestId('preset-picker').selectOption('digits-lt');
    await lab.waitForDataIdle();
    expect(await lab.waitForText('dataset-summary', /392 images · 10 classes · imbalance ratio 1:79\.0 · plus a balanced test set of 200/)).toBeTruthy();
    expect(await lab.page.getByTestId('preset-description').textContent()).toMatch(/balanced accuracy column \(mean ± std over the 3 seeds\)/);
    await lab.run();
    expect(await lab.waitForFinish(180_000)).toBe('done');
    expect(await lab.methodStatuses()).toEqual(new Array(8).fill('done'));
    expect(await lab.page.getByTestId('metrics-table').locator('..').textContent()).toMatch(/mean ± std over 3 repeats/);
    const m = await lab.metrics();
    expect(m.map((r) => r.method)).toEqual(['none', 'class-weight', 'focal', 'ldam-drw', 'balanced-softmax', 'logit-adjusted-loss', 'crt', 'tau-norm']);
    for (const r of m) expect(r.balancedAccuracy).toBeGreaterThan(0.5);
    // cRT and τ-norm start from the very cross-entropy model that method 1 trains (same rows, seed
    // and loss): it trains once, and their rows say so. On WASM the loss-level methods of a job
    // train one after another (batching measured no faster there), so nothing says "batched".
    const ceLabel = (await lab.page.getByTestId('progress-0').locator('.plabel').textContent())!;
    const crtNote = (await lab.page.getByTestId('training-6').textContent())!;
    expect(crtNote).toContain(`same first run as ${ceLabel}`);
    if ((await lab.backend()).includes('wasm')) expect(await lab.page.getByTestId('training-3').count()).toBe(0);
  }, 240_000);
});

describe('image augmentation', () => {
  it('its controls appear for image data only, and augmenting the tail trains', async () => {
    const lab = await session.open('?model.epochs=10&method=none&method=class-weight');
    expect(await lab.page.getByTestId('model-augment').count()).toBe(0);
    await lab.loadBuiltin('digits-lt');
    await lab.page.getByTestId('model-augment').selectOption('tail');
    await lab.page.getByTestId('model-rotate').waitFor();
    await lab.page.waitForFunction(() => location.search.includes('model.augment=tail'));
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);
  });
});

describe('the small CNN', () => {
  it('trains on an image set in the browser, with its own controls, next to a long-tail loss', async () => {
    const lab = await session.open('?model.epochs=10&method=none&method=balanced-softmax&method=tau-norm');
    await lab.loadBuiltin('digits-lt');
    await lab.page.getByTestId('model-kind').selectOption('cnn');
    await lab.page.getByTestId('model-filters').waitFor();
    expect(await lab.page.getByTestId('model-hiddenLayers').count()).toBe(0);
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done', 'done']);
    for (const m of await lab.metrics()) expect(m.balancedAccuracy).toBeGreaterThan(0.3);
    // TF.js's WASM backend cannot differentiate convolutions: the CNN says where it trained.
    if ((await lab.backend()).includes('wasm')) expect(await lab.page.getByTestId('trained-on-0').textContent()).toMatch(/trained on cpu \(the wasm backend has no convolution gradients\)/);
  });
});

describe('batched training', () => {
  it('on WebGL, loss-level methods train as one batched computation and match their solo results', async () => {
    // Five methods: more than the worker pool (≤ 4), so some job holds several loss-level methods.
    const ids = ['none', 'focal', 'balanced-softmax', 'class-weight', 'logit-adjusted-loss'];
    const lab = await session.open(`?n=300&model.epochs=4${ids.map((id) => `&method=${id}`).join('')}&backend=webgl`);
    await lab.runAndWait();
    expect(await lab.backend()).toMatch(/running on webgl/);
    expect(await lab.methodStatuses()).toEqual(new Array(5).fill('done'));
    const notes = await Promise.all(ids.map(async (_, i) => ((await lab.page.getByTestId(`training-${i}`).count()) ? await lab.page.getByTestId(`training-${i}`).textContent() : null)));
    const batchedRows = notes.map((n, i) => (n && /^batched with \d+ others?$/.test(n) ? i : -1)).filter((i) => i >= 0);
    expect(batchedRows.length).toBeGreaterThanOrEqual(2);
    const grouped = await lab.metrics();
    // Two of the batched methods again, each alone (a single-method run trains alone).
    for (const i of batchedRows.slice(0, 2)) {
      const solo = await session.open(`?n=300&model.epochs=4&method=${ids[i]}&backend=webgl`);
      await solo.runAndWait();
      expect(await solo.page.getByTestId('training-0').count()).toBe(0);
      const [m] = await solo.metrics();
      expect(m.balancedAccuracy).toBeCloseTo(grouped[i].balancedAccuracy, 3);
      expect(m.rocAuc).toBeCloseTo(grouped[i].rocAuc, 3);
    }
  }, 180_000);
});
