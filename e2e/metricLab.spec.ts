/** The metric lab: one fixed classifier, imbalance from 1:1 to 1:10,000 and label noise; exact and simulated metrics. */
import { describe, expect, it } from 'vitest';
import type { LabPage } from './pages/LabPage';
import { useLabSession } from './support/labSession';

const session = useLabSession();

const value = async (lab: LabPage, metric: string, column: 1 | 2 = 1) => Number(await lab.page.getByTestId(`lab-row-${metric}`).locator('td').nth(column).getAttribute('data-value'));

/** Moves a range input to `v` (React listens to the input event). */
async function slide(lab: LabPage, id: string, v: number) {
  await lab.page.getByTestId(`lab-${id}`).fill(String(v));
}

describe('metric lab', () => {
  it('opens by link, keeps the experiment in the address, and shows accuracy staying high while MCC and F1 collapse', async () => {
    const lab = await session.open('?n=300&method=none#metric-lab', { ready: 'metric-lab' });
    expect(await lab.page.evaluate(() => location.hash)).toBe('#metric-lab');
    expect(await lab.page.evaluate(() => location.search)).toContain('n=300');
    // Balanced data: accuracy = balanced accuracy = (TPR + 1 − FPR) / 2 exactly.
    await slide(lab, 'ratio', 0);
    await lab.page.waitForFunction(() => document.querySelector('[data-testid=lab-ratio-value]')?.textContent === '1:1');
    expect(await value(lab, 'accuracy')).toBeCloseTo((0.8 + 0.95) / 2, 9);
    expect(await value(lab, 'balancedAccuracy')).toBeCloseTo((0.8 + 0.95) / 2, 9);
    // 1:10,000: accuracy → 1 − FPR, balanced accuracy unchanged, MCC and F1 near 0.
    await slide(lab, 'ratio', 4);
    await lab.page.waitForFunction(() => document.querySelector('[data-testid=lab-ratio-value]')?.textContent === '1:10,000');
    expect(await value(lab, 'accuracy')).toBeCloseTo(0.95, 3);
    expect(await value(lab, 'balancedAccuracy')).toBeCloseTo(0.875, 9);
    expect(await value(lab, 'mcc')).toBeLessThan(0.05);
    expect(await value(lab, 'f1')).toBeLessThan(0.01);
    // The simulated column is a real sample: its confusion counts add up to the rows per set.
    const counts = (await lab.page.getByTestId('lab-confusion').textContent())!.match(/Simulated counts: TP (\d+), FN (\d+), FP (\d+), TN (\d+)/)!.slice(1).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('label noise drags balanced accuracy down; a better classifier moves every metric; the chart exports', async () => {
    const lab = await session.open('#metric-lab', { ready: 'metric-lab' });
    const clean = await value(lab, 'balancedAccuracy');
    await slide(lab, 'noise', 0.05);
    await lab.page.waitForFunction(() => document.querySelector('[data-testid=lab-noise-value]')?.textContent === '5.0 %');
    expect(await value(lab, 'balancedAccuracy')).toBeLessThan(clean - 0.1);
    const f1 = await value(lab, 'f1');
    await slide(lab, 'fpr', 0.005);
    await lab.page.waitForFunction(() => document.querySelector('[data-testid=lab-fpr-value]')?.textContent === '0.005');
    expect(await value(lab, 'f1')).toBeGreaterThan(f1);
    // Switching a metric off removes its line.
    const lines = () => lab.page.locator('[data-testid=metric-lab] .recharts-line').count();
    const before = await lines();
    await lab.page.getByTestId('lab-show-mcc').uncheck();
    await lab.page.waitForFunction((n) => document.querySelectorAll('[data-testid=metric-lab] .recharts-line').length === n - 1, before);
    const [download] = await Promise.all([lab.page.waitForEvent('download'), lab.page.getByTestId('export-metric-lab-csv').click()]);
    expect(download.suggestedFilename()).toBe('metric-lab.csv');
    // Back to the workbench by the navigation.
    await lab.page.getByTestId('nav-workbench').click();
    await lab.page.getByTestId('run').waitFor();
  });
});
