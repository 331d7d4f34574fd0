/** The resampling view and the leakage demo, as a teacher would use them. */
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/labSession';

const session = useLabSession();

describe('resampling view', () => {
  it('shows what SMOTE and under-sampling do to the training split, and steps through SMOTE', async () => {
    const lab = await session.open();
    const page = lab.page;
    await page.getByTestId('resampling-method').selectOption({ label: 'SMOTE' });
    await lab.waitForText('resampling-counts', /majority\s*500\s*500\s*minority\s*25\s*500/);
    await lab.waitForText('resampling-summary', /0 removed · 475 synthetic/);
    await page.getByTestId('walk-start').click();
    await page.getByTestId('walk-next').click();
    await page.getByTestId('walk-next').click();
    await expect(page.getByTestId('walk-caption').textContent()).resolves.toMatch(/Point 2 of 475/);
    await page.getByTestId('resampling-method').selectOption({ label: 'Random under-sampling' });
    await lab.waitForText('resampling-summary', /475 removed · 0 synthetic/);
    expect(lab.consoleErrors).toEqual([]);
  });

  it('the leaky twin (resampled before the split) reports an inflated score next to the honest one', async () => {
    const lab = await session.open('?noise=0.6&model.epochs=30&method=smote&method=smote(leakBeforeSplit~true)');
    await lab.runAndWait();
    const [honest, leaky] = await lab.metrics();
    expect(await lab.page.getByTestId('metrics-row-1').textContent()).toMatch(/SMOTE — leaky, resampled before split/);
    expect(leaky.f1Macro).toBeGreaterThan(honest.f1Macro);
  });
});

describe('the full resampling library in the workbench', () => {
  it('the picker groups methods by family, and added methods train and preview', async () => {
    const lab = await session.open('?noise=0.6&model.epochs=10&method=none');
    const page = lab.page;
    const groups = await page.getByTestId('method-picker').locator('optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
    expect(groups).toEqual(['Baseline', 'Over-sampling', 'Under-sampling', 'Cleaning (under-sampling)', 'Over-sampling + cleaning', 'Cost-sensitive loss', 'Imbalance-aware loss', 'Batch sampling', 'Two-stage / decoupled', 'Post-hoc adjustment']);
    for (const label of ['Borderline-SMOTE 1', 'Tomek links', 'SMOTE + ENN']) {
      await page.getByTestId('method-picker').selectOption({ label });
      await page.getByRole('button', { name: 'Add method' }).click();
    }
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done', 'done', 'done']);
    await page.getByTestId('resampling-method').selectOption({ label: 'Tomek links' });
    await lab.waitForText('resampling-summary', /[1-9]\d* removed · 0 synthetic/);
    expect(lab.url()).toContain('method=tomek-links');
  });
});
