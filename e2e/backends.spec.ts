/**
 * Every backend path runs the real training step in a real browser. This machine has no GPU, so
 * WebGL runs on SwiftShader and WebGPU on Chromium's software adapter (--enable-unsafe-webgpu);
 * both are skipped by 'auto' (they are slower than WASM) and reached here by forcing them.
 */
import { describe, expect, it } from 'vitest';
import { launch } from './support/browser';
import { LabPage } from './pages/LabPage';
import { useLabSession } from './support/labSession';

const session = useLabSession(['--enable-unsafe-webgpu']);
const baseUrl = session.baseUrl;
const SMALL = 'n=200&ir=5&model.epochs=3&model.batchSize=64&method=none&method=class-weight';

async function metricsOn(backend: string) {
  const lab = await session.open(`?${SMALL}&backend=${backend}`);
  await lab.runAndWait();
  return { lab, metrics: await lab.metrics(), statuses: await lab.methodStatuses(), badge: await lab.backend() };
}

describe('backends', () => {
  it("'auto' skips software WebGPU/WebGL and says which backend it chose", async () => {
    const lab = await session.open(`?${SMALL}`);
    await lab.runAndWait();
    expect(await lab.backend()).toMatch(/running on wasm/);
    const title = await lab.page.getByTestId('backend').getAttribute('title');
    expect(title).toMatch(/webgl: software renderer/i);
  });

  for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu']) {
    it(`a forced ${backend} backend trains and scores every method`, async () => {
      const { metrics, statuses, badge } = await metricsOn(backend);
      expect(badge).toContain(`running on ${backend}`);
      expect(statuses).toEqual(['done', 'done']);
      for (const m of metrics) expect(m.rocAuc).toBeGreaterThan(0.5);
    });
  }
});

describe('a backend that fails', () => {
  it('says so and offers to retry the method on the next backend', async () => {
    // A fresh browser without --enable-unsafe-webgpu: forcing WebGPU fails at initialisation.
    const plain = await launch();
    try {
      const lab = new LabPage(await plain.context.newPage(), baseUrl);
      await lab.open(`?${SMALL}&backend=webgpu`);
      await lab.runAndWait();
      expect(await lab.methodStatuses()).toEqual(['error', 'error']);
      expect(await lab.methodError(0)).toMatch(/Failed on webgpu: .*The backend 'webgpu' forced by \?backend= could not be used here/);
      await lab.page.getByTestId('method-error-0').getByRole('button', { name: 'Retry on webgl' }).click();
      await lab.waitForFinish();
      expect(await lab.methodStatuses()).toEqual(['done', 'error']);
      const [none] = await lab.metrics();
      expect(none.rocAuc).toBeGreaterThan(0.5);
    } finally {
      await plain.close();
    }
  });
});
