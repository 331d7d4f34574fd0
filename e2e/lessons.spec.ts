/** Lessons: each opens by link and every step can be walked; presenter mode and its keys. */
import { describe, expect, it } from 'vitest';
import type { LabPage } from './pages/LabPage';
import { useLabSession } from './support/labSession';

const session = useLabSession();

const LESSON_STEPS: Record<string, number> = { 'accuracy-paradox': 3, smote: 2, leakage: 2, reweighting: 1, thresholds: 2, 'metrics-under-noise': 2 };

const step = (lab: LabPage) => lab.page.getByTestId('lesson-panel').getAttribute('data-step').then(Number);

describe('lessons', () => {
  for (const [id, count] of Object.entries(LESSON_STEPS)) {
    it(`${id}: opens by link and every step can be walked (${count} steps)`, async () => {
      const lab = await session.open(`#lesson/${id}/1`, { ready: 'lesson-panel' });
      expect(await lab.page.getByTestId('lesson-panel').getAttribute('data-lesson')).toBe(id);
      const titles: string[] = [];
      for (let k = 1; k <= count; k++) {
        expect(await step(lab)).toBe(k);
        expect(await lab.page.evaluate(() => location.hash)).toBe(`#lesson/${id}/${k}`);
        titles.push((await lab.page.getByTestId('lesson-step-title').textContent())!);
        expect(await lab.page.getByTestId('lesson-look').textContent()).toMatch(/^Look at: .{20,}/);
        // The step's page is ready: the metric lab, or the workbench with its experiment.
        await lab.page.locator('[data-testid=metric-lab], [data-testid=run]').first().waitFor();
        if (k < count) await lab.page.getByTestId('lesson-next').click();
      }
      expect(new Set(titles).size).toBe(count);
      expect(await lab.page.getByTestId('lesson-next').isDisabled()).toBe(true);
    });
  }

  it('the accuracy paradox is what it says: high accuracy, minority never found, then the fix', async () => {
    const lab = await session.open('#lesson/accuracy-paradox/1', { ready: 'lesson-panel' });
    await lab.page.waitForFunction(() => location.search.includes('ir=100'));
    await lab.runAndWait();
    const [none] = await lab.metrics();
    expect(none.accuracy).toBeGreaterThan(0.97);
    expect(none.minorityRecall).toBeLessThan(0.35);
    await lab.page.getByTestId('lesson-next').click();
    await lab.page.waitForFunction(() => location.search.includes('balanced-softmax'));
    await lab.runAndWait();
    const [plain, weighted, bs] = await lab.metrics();
    expect(Math.max(weighted.balancedAccuracy, bs.balancedAccuracy)).toBeGreaterThan(plain.balancedAccuracy + 0.1);
    await lab.page.getByTestId('metric-ranking').waitFor();
  }, 120_000);

  it('presenter mode: large type, only the controls the step needs; arrows and Page Up / Down walk the steps; Escape leaves', async () => {
    const lab = await session.open('#lesson/leakage/1', { ready: 'lesson-panel' });
    const fontBefore = await lab.page.getByTestId('lesson-step-title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await lab.page.getByTestId('lesson-present').click();
    expect(await lab.page.getByTestId('app').getAttribute('data-presenting')).toBe('true');
    // Leakage step 1 keeps the methods (its leaky toggle), not the data or model panels.
    expect(await lab.page.getByTestId('method-picker').isVisible()).toBe(true);
    expect(await lab.page.getByTestId('model-kind').count()).toBe(0);
    expect(await lab.page.getByTestId('data-scatter').count()).toBe(0);
    expect(await lab.page.getByTestId('lesson-step-title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThan(fontBefore);
    await lab.page.locator('body').press('ArrowRight');
    expect(await step(lab)).toBe(2);
    // Step 2 needs no control: the experiment panels are gone altogether.
    expect(await lab.page.getByTestId('controls').count()).toBe(0);
    await lab.page.locator('body').press('PageUp');
    expect(await step(lab)).toBe(1);
    await lab.page.locator('body').press('PageDown');
    expect(await step(lab)).toBe(2);
    await lab.page.locator('body').press('Escape');
    expect(await lab.page.getByTestId('app').getAttribute('data-presenting')).toBe('false');
    await lab.page.getByTestId('lesson-close').click();
    expect(await lab.page.getByTestId('lesson-panel').count()).toBe(0);
    expect(await lab.page.evaluate(() => location.hash)).toBe('');
  });

  it('the lesson menu lists every lesson as a link', async () => {
    const lab = await session.open();
    await lab.page.getByTestId('lesson-menu').locator('summary').click();
    for (const id of Object.keys(LESSON_STEPS)) expect(await lab.page.getByTestId(`lesson-link-${id}`).getAttribute('href')).toBe(`#lesson/${id}/1`);
    await lab.page.getByTestId('lesson-link-thresholds').click();
    await lab.page.getByTestId('lesson-panel').waitFor();
    expect(await lab.page.getByTestId('lesson-panel').getAttribute('data-lesson')).toBe('thresholds');
  });
});
