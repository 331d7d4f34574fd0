/**
 * The default comparison, run as a new user would: open the app, press Run, read every view.
 * One browser for the file; each test opens a fresh page.
 */
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/labSession';

const session = useLabSession();
const openLab = (query = '') => session.open(query, { observeLongTasks: true });
const pages = session.pages;

describe('default comparison', () => {
  it('shows the built-in 1:20 dataset before anything runs', async () => {
    const lab = await openLab();
    const summary = await lab.page.getByTestId('dataset-summary').textContent();
    expect(summary).toMatch(/1050 points · 2 classes · imbalance ratio 1:20\.0/);
    expect(await lab.page.getByTestId('class-histogram').locator('.hist-bar').count()).toBe(2);
    expect(lab.url()).toContain('shape=moons');
  });

  it('runs five methods in workers and renders every view', async () => {
    const lab = await openLab();
    await lab.clearLongTasks();
    await lab.run();
    expect(await lab.waitForFinish()).toBe('done');
    expect(await lab.methodStatuses()).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(await lab.backend()).toMatch(/running on (wasm|webgl|webgpu|cpu)/);

    const metrics = await lab.metrics();
    expect(metrics.map((m) => m.method)).toEqual(['none', 'random-over', 'random-under', 'smote', 'class-weight']);
    for (const m of metrics) {
      for (const v of [m.accuracy, m.balancedAccuracy, m.f1Macro, m.gmean, m.minorityRecall, m.rocAuc]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(m.rocAuc).toBeGreaterThan(0.5);
    }
    for (let i = 0; i < 5; i++) {
      await expect(lab.page.getByTestId(`loss-${i}`).locator('path.series').count()).resolves.toBe(2);
      await expect(lab.page.getByTestId(`confusion-${i}`).locator('td').count()).resolves.toBe(4);
      await expect(lab.page.getByTestId(`regions-${i}`).locator('canvas').count()).resolves.toBe(1);
    }
    expect(await lab.page.getByTestId('recall-bars').locator('rect.bar').count()).toBe(10);
    // SMOTE's synthetic points are counted in its decision-region caption.
    expect(await lab.page.getByTestId('regions-3').textContent()).toMatch(/\d+ synthetic/);
    // The main thread stays responsive: no long task over 200 ms (exact figures: npm run bench).
    const longTasks = await lab.longTasks();
    expect(Math.max(0, ...longTasks)).toBeLessThan(200);
    expect(lab.consoleErrors).toEqual([]);
    await lab.screenshot('test-results/default-comparison.png');
  });

  it('a seeded link reproduces the same metrics', async () => {
    const query = '?shape=moons&ir=20&n=600&seed=1234&model.epochs=30&method=none&method=smote(kNeighbors~5)&backend=wasm';
    const first = await openLab(query);
    await first.runAndWait();
    const a = await first.metrics();
    const link = first.url();
    const second = await openLab(new URL(link).search);
    await second.runAndWait();
    const b = await second.metrics();
    expect(b).toEqual(a);
    expect(a).toHaveLength(2);
    expect(Number.isFinite(a[0].accuracy)).toBe(true);
  });

  it('on 1:20 moons with a fixed seed, SMOTE and class weighting find more of the minority than no rebalancing', async () => {
    const lab = await openLab('?shape=moons&ir=20&n=1050&noise=0.4&seed=42&method=none&method=smote&method=class-weight');
    await lab.runAndWait();
    const [none, smote, weighted] = await lab.metrics();
    expect(smote.minorityRecall).toBeGreaterThan(none.minorityRecall);
    expect(weighted.minorityRecall).toBeGreaterThan(none.minorityRecall);
  });

  it('cancel stops a long run and the page can run again', async () => {
    const lab = await openLab('?model.epochs=1000&n=5000&method=none&method=smote');
    await lab.run();
    await lab.page.waitForFunction(() => document.querySelector('[data-testid=progress-0]')?.getAttribute('data-status') === 'running');
    await lab.cancel();
    expect(await lab.waitForFinish(10_000)).toBe('cancelled');
    expect(await lab.methodStatuses()).toEqual(['error', 'error']);
    expect(await lab.methodError(0)).toBe('Cancelled.');
    // Changing a parameter and running again works: fresh workers, a complete result.
    await lab.setField('model-epochs', '5');
    await lab.setField('dataset-n', '400');
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);
    expect(lab.url()).toContain('model.epochs=5');
  });

  it('sends no request outside the app origin', () => {
    const foreign = pages.flatMap((p) => p.foreignRequests());
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p.requests.length > 0)).toBe(true);
    expect(foreign).toEqual([]);
  });
});
