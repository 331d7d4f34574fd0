/** Sharing an experiment: what the link holds, copy with confirmation, a QR code for the projector. */
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/labSession';

const session = useLabSession();

describe('share', () => {
  it('says what the link holds, copies it with a confirmation, and shows a QR code that fills the screen', async () => {
    const lab = await session.open('?n=400&ir=30&seed=7&method=none&method=smote');
    await lab.page.getByTestId('share').click();
    const dialog = lab.page.getByTestId('share-dialog');
    await dialog.waitFor();
    expect(await lab.page.getByTestId('share-link').inputValue()).toBe(lab.url());
    const summary = await lab.page.getByTestId('share-summary').textContent();
    expect(summary).toMatch(/Data: generated moons data: 400 points, 2 classes, imbalance 1:30\./);
    expect(summary).toMatch(/Methods \(2\): No rebalancing, SMOTE\./);
    expect(summary).toMatch(/seed 7\./);
    expect(summary).toMatch(/Not in the link: any data rows or results/);
    expect(await lab.page.getByTestId('share-warning').count()).toBe(0);
    await lab.page.getByTestId('share-copy').click();
    expect(await lab.page.getByTestId('share-copied').textContent()).toMatch(/^(Copied\. The link holds what is listed below\.|The browser did not allow copying: select the link and copy it by hand\.)$/);
    // The QR code is an SVG; full screen for a projector, Escape steps back.
    await lab.page.getByTestId('share-qr').locator('svg').waitFor();
    await lab.page.getByTestId('share-qr-big').click();
    const big = lab.page.getByTestId('share-qr-fullscreen');
    await big.locator('svg').waitFor();
    const box = await big.locator('[data-testid=share-qr]').boundingBox();
    expect(box!.height).toBeGreaterThan(600);
    await lab.page.keyboard.press('Escape');
    expect(await big.count()).toBe(0);
    await lab.page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
  });

  it("warns that a user's own file cannot travel with the link", async () => {
    const lab = await session.open('?file=claims.csv&target=fraud');
    await lab.page.getByTestId('share').click();
    expect(await lab.page.getByTestId('share-warning').textContent()).toMatch(/names your file 'claims.csv' but cannot carry it/);
  });
});
