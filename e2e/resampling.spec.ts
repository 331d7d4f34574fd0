/** The resampling view and the leakage demo, as a teacher would use them. */
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/labSession';

const session = useLabSession();

describe('resampling view', () => {
  it('shows what SMOTE and under-sampling do to the training split, and steps through SMOTE', async () => {
    const lab = await session.open();
    const page = lab.page;
    await page.getByTestId('resampling-method').selectOption({ label: 'SMOTE' });
    await expect(page.getByTestId('resampling-counts').textContent()).resolves.toMatch(/majority\s*500\s*500\s*minority\s*25\s*500/);
    await expect(page.getByTestId('resampling-summary').textContent()).resolves.toMatch(/0 removed · 475 synthetic/);
    await page.getByTestId('walk-start').click();
    await page.getByTestId('walk-next').click();
    await page.getByTestId('walk-next').click();
    await expect(page.getByTestId('walk-caption').textContent()).resolves.toMatch(/Point 2 of 475/);
    await page.getByTestId('resampling-method').selectOption({ label: 'Random under-sampling' });
    await expect(page.getByTestId('resampling-summary').textContent()).resolves.toMatch(/475 removed · 0 synthetic/);
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
