/**
 * Accessibility: axe-core on every page and state a user reaches — the workbench before and after
 * a run (each evaluation view), the share dialog, the sweep, the metric lab, every lesson step — with no serious or
 * critical violation. axe is evaluated through the DevTools protocol: the page's CSP forbids
 * injected scripts, and stays as it is for the test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../src/lessons/lessons';
import type { LabPage } from './pages/LabPage';
import { useLabSession } from './support/labSession';

const session = useLabSession();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  nodes: string[];
}

/** Serious and critical axe violations on the page as it is now. */
async function violations(lab: LabPage): Promise<Violation[]> {
  await lab.page.evaluate(`${axeSource}; void 0`);
  return lab.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run();
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('the workbench before and after a run, every evaluation view, the share dialog and the sweep', async () => {
    const lab = await session.open('?n=500&ir=10&noise=0.8&model.epochs=8&method=none&method=smote&method=class-weight');
    expect(await violations(lab)).toEqual([]);
    await lab.runAndWait();
    expect(await violations(lab)).toEqual([]);
    for (const tab of ['head-to-tail', 'roc', 'pr', 'threshold', 'calibration']) {
      await lab.page.getByTestId(`eval-tab-${tab}`).click();
      await lab.page.locator('section.evaluation .result-block').waitFor();
      expect(await violations(lab), tab).toEqual([]);
    }
    await lab.page.getByTestId('cm-cell-0-1-1').click();
    await lab.page.getByTestId('cell-examples').waitFor();
    expect(await violations(lab), 'confusion cell examples').toEqual([]);
    await lab.page.getByTestId('sweep-panel').locator('summary').click();
    await lab.page.getByTestId('sweep-run').click();
    await lab.page.waitForFunction(() => document.querySelector('[data-testid=sweep-status]')?.getAttribute('data-status') === 'done', undefined, { timeout: 120_000 });
    expect(await violations(lab), 'sweep').toEqual([]);
    await lab.page.getByTestId('share').click();
    await lab.page.getByTestId('share-qr').locator('svg').waitFor();
    expect(await violations(lab), 'share dialog').toEqual([]);
  }, 180_000);

  it('a lesson, in presenter mode, and the lesson menu', async () => {
    const lab = await session.open('#lesson/accuracy-paradox/1', { ready: 'lesson-panel' });
    expect(await violations(lab)).toEqual([]);
    await lab.page.getByTestId('lesson-present').click();
    expect(await violations(lab), 'presenter mode').toEqual([]);
    await lab.page.getByTestId('lesson-next').click();
    await lab.page.getByTestId('lesson-next').click();
    await lab.page.getByTestId('metric-lab').waitFor();
    expect(await violations(lab), 'metric-lab step').toEqual([]);
    await lab.page.getByTestId('lesson-present').click();
    await lab.page.getByTestId('lesson-menu').locator('summary').click();
    expect(await violations(lab), 'lesson menu').toEqual([]);
  });

  it('every step of every lesson', async () => {
    for (const lesson of LESSONS) {
      const lab = await session.open(`#lesson/${lesson.id}/1`, { ready: 'lesson-panel' });
      for (let k = 1; k <= lesson.steps.length; k++) {
        await lab.page.waitForFunction((hash) => location.hash === hash && document.querySelector('[data-testid=metric-lab], [data-testid=run]') !== null, `#lesson/${lesson.id}/${k}`);
        expect(await violations(lab), `${lesson.id} step ${k}`).toEqual([]);
        if (k < lesson.steps.length) await lab.page.getByTestId('lesson-next').click();
      }
      await lab.page.close();
    }
  });

  it('the metric lab', async () => {
    const lab = await session.open('#metric-lab', { ready: 'metric-lab' });
    expect(await violations(lab)).toEqual([]);
  });
});
