/** Bad input gets a clear inline message, and the rest of the comparison still finishes. */
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/labSession';

const session = useLabSession();
const openLab = (query = '') => session.open(query);

describe('bad input', () => {
  it('an out-of-range control shows what is wrong and blocks Run until fixed', async () => {
    const lab = await openLab();
    await lab.setField('dataset-imbalanceRatio', '5000');
    await expect(lab.page.getByRole('alert').first().textContent()).resolves.toMatch(/imbalance ?Ratio must be a number between 1 and 1000. Got '5000' instead/i);
    expect(await lab.page.getByTestId('run').isDisabled()).toBe(true);
    await lab.setField('dataset-imbalanceRatio', '50');
    expect(await lab.page.getByTestId('run').isEnabled()).toBe(true);
    expect(await lab.page.getByTestId('dataset-summary').textContent()).toMatch(/imbalance ratio 1:(4\d|5\d)/);
  });

  it('SMOTE with k larger than the minority fails inline while the other methods finish', async () => {
    // 200 points at 1:40 → 5 minority points, about 3 of them in the training split.
    const lab = await openLab('?n=200&ir=40&model.epochs=20&method=none&method=smote(kNeighbors~10)&method=class-weight');
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'error', 'done']);
    expect(await lab.methodError(1)).toMatch(/kNeighbors must be < the number of samples in class 'minority'.*Got 10 instead/);
  });

  it('a diverging learning rate is reported as such, with the fix', async () => {
    const lab = await openLab('?model.learningRate=10&model.epochs=40&method=none&method=smote');
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['error', 'error']);
    for (const i of [0, 1]) {
      expect(await lab.methodError(i)).toMatch(/Training diverged: the loss exploded to .* \(learning rate 10\)\. Lower the learning rate, e\.g\. to 0\.01, and run again\./);
    }
    expect(await lab.page.getByTestId('metrics-row-0').textContent()).toContain('failed');
  });

  it('a broken link falls back to the defaults and says why', async () => {
    const lab = await openLab('?shape=hexagon');
    await expect(lab.page.getByTestId('url-error').textContent()).resolves.toMatch(/shape must be one of 'moons'.*Got 'hexagon' instead/);
    expect(await lab.page.getByTestId('dataset-summary').textContent()).toMatch(/1050 points/);
  });

  it('a forced backend is used and shown', async () => {
    const lab = await openLab('?n=300&model.epochs=5&method=none&backend=cpu');
    await lab.runAndWait();
    expect(await lab.backend()).toMatch(/running on cpu/);
  });
});
