/** Works anywhere: after the first visit the app loads, loads a built-in dataset and trains with the network off. */
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/labSession';

const session = useLabSession();

describe('offline', () => {
  it('after the first visit: the page, a built-in dataset and a comparison work with no network', async () => {
    const lab = await session.open('?model.epochs=5&model.kind=logistic&method=none&method=smote');
    // The service worker installs (caching the app), takes control, then caches the datasets.
    await lab.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await lab.page.waitForFunction(async () => {
      const name = (await caches.keys()).find((k) => k.startsWith('imbalance-lab-'));
      if (!name) return false;
      const cache = await caches.open(name);
      return (await cache.match(new URL('datasets/pima-diabetes.csv', location.href).href)) !== undefined;
    }, undefined, { timeout: 60_000, polling: 250 });
    const manifest = await lab.page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ name: 'Imbalance Lab', display: 'standalone', start_url: './' });

    await lab.page.context().setOffline(true);
    try {
      await lab.page.reload();
      await lab.page.getByTestId('data-scatter').waitFor();
      expect(await lab.page.evaluate(() => navigator.onLine)).toBe(false);
      await lab.loadBuiltin('pima-diabetes');
      await lab.runAndWait();
      expect(await lab.methodStatuses()).toEqual(['done', 'done']);
      for (const m of await lab.metrics()) expect(m.balancedAccuracy).toBeGreaterThan(0.5);
    } finally {
      await lab.page.context().setOffline(false);
    }
  }, 150_000);
});
