/**
 * Browser benchmarks against the production build in Debian Chromium (same launcher as e2e):
 * training throughput per backend in a worker, page load → finished default comparison,
 * main-thread long tasks while training, and the initial JS bundle size.
 */
import { readFileSync, statSync } from 'node:fs';
import { creditCardCsv } from './tabular/csvBench';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { launch } from '../e2e/support/browser';
import { SMOTE_BENCH_CASES } from '../src/core/resampling/benchmarkData';
import { LESSONS } from '../src/lessons/lessons';

export interface BrowserBench {
  epochsPerSec: Record<string, number | { error: string }>;
  comparison: { pageLoadToDoneMs: number[]; medianMs: number; longTasks: { count: number; countOver50ms: number; maxMs: number }[] };
  initialJsGzipBytes: number;
  initialJsFiles: string[];
  /** SMOTE in a browser worker, best of 3, per benchmark case (see core/resampling/benchmarkData.ts). */
  smoteWorkerMs: { name: string; ms: number | null; error?: string }[];
  /**
   * The credit-card-shaped CSV (284,807 × 31, ~149 MB) picked through the file input: time until
   * the table is in use (parsed in the CSV worker, columns described, preview built), and the
   * page's long tasks meanwhile. Two rounds.
   */
  csvLoad: { file: string; bytes: number; rounds: { readyMs: number; longTasksMs: number[] }[] };
  /**
   * 8 benchmark MLPs with different losses spread over the comparison's worker pool on WASM,
   * method-epochs per second per round; each worker trains its share one after another, as the
   * product does on WASM.
   */
  comparison8: ComparisonRound[];
  /** The same 8 models in ONE worker on WebGL (SwiftShader here: no GPU), 2 epochs, one after another and batched over a model axis. */
  comparison8Webgl: ComparisonRound[];
  /** Every lesson step that trains (a workbench step), opened by its link: run click → done, in ms (the issue: under a minute on a laptop without a GPU). */
  lessonRuns: { step: string; ms: number | null; error?: string }[];
}

type ComparisonRound = { workers: number; batched: boolean; methodEpochsPerSec: number; wallMs: number };

/** gzip size of the scripts the page loads before any user action (entry + modulepreloads). */
export function initialBundle(dist = 'dist'): { bytes: number; files: string[] } {
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(`${dist}/${f}`), { level: 9 }).length, 0);
  return { bytes, files };
}

async function benchCsvLoad(browser: Awaited<ReturnType<typeof launch>>, baseUrl: string, log: (s: string) => void): Promise<BrowserBench['csvLoad']> {
  const file = creditCardCsv();
  const rounds: BrowserBench['csvLoad']['rounds'] = [];
  for (let r = 0; r < 2; r++) {
    const p = await browser.context.newPage();
    await p.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
    await p.goto(baseUrl);
    await p.getByTestId('source-upload').click();
    await p.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    const t0 = Date.now();
    await p.getByTestId('file-input').setInputFiles(file);
    await p.waitForFunction(() => (window as unknown as { __lab: { getState(): { data: { status: string } } } }).__lab.getState().data.status === 'ready', undefined, {
      timeout: 120_000,
      polling: 20,
    });
    const readyMs = Date.now() - t0;
    await p.waitForTimeout(300);
    const longTasksMs = await p.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.slice());
    rounds.push({ readyMs, longTasksMs });
    log(`  browser CSV 284,807 × 31 picked → in use: ${readyMs} ms; long tasks ${JSON.stringify(longTasksMs)}`);
    await p.close();
  }
  return { file: '284,807 × 31 credit-card-shaped CSV (bench/tabular/csvBench.ts)', bytes: statSync(file).size, rounds };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runBrowserBench(log: (s: string) => void = console.log): Promise<BrowserBench> {
  const server = await preview({ preview: { port: 4188, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls!.local[0];
  const browser = await launch(['--enable-unsafe-webgpu']);
  try {
    const epochsPerSec: BrowserBench['epochsPerSec'] = {};
    // Software WebGL/WebGPU are ~50× slower than WASM here: fewer epochs keep the bench short.
    const plan: [string, number, number][] = [['wasm', 5, 2], ['cpu', 2, 1], ['webgl', 2, 1], ['webgpu', 1, 1]];
    const page = await browser.context.newPage();
    await page.goto(baseUrl);
    for (const [backend, epochs, rounds] of plan) {
      try {
        const r = await page.evaluate(
          ([b, e, n]) => (window as unknown as { __lab: { benchmark(b: string, e: number, n: number): Promise<{ epochsPerSec: number }> } }).__lab.benchmark(b, e, n),
          [backend, epochs, rounds] as const,
        );
        epochsPerSec[backend] = r.epochsPerSec;
      } catch (e) {
        epochsPerSec[backend] = { error: e instanceof Error ? e.message : String(e) };
      }
      log(`  browser ${backend}: ${JSON.stringify(epochsPerSec[backend])} epochs/s`);
    }
    const smoteWorkerMs: BrowserBench['smoteWorkerMs'] = [];
    for (let i = 0; i < SMOTE_BENCH_CASES.length; i++) {
      const c = SMOTE_BENCH_CASES[i];
      const name = `SMOTE k=${c.kNeighbors}, ${c.rows} × ${c.cols}, ${c.minorityFraction * 100} % minority`;
      try {
        const r = await page.evaluate((idx) => (window as unknown as { __lab: { benchmarkSmote(i: number): Promise<{ ms: number }> } }).__lab.benchmarkSmote(idx), i);
        smoteWorkerMs.push({ name, ms: Math.round(r.ms * 10) / 10 });
      } catch (e) {
        smoteWorkerMs.push({ name, ms: null, error: e instanceof Error ? e.message : String(e) });
      }
      log(`  browser worker ${name}: ${JSON.stringify(smoteWorkerMs.at(-1))}`);
    }
    await page.close();

    const times: number[] = [];
    const longTasks: BrowserBench['comparison']['longTasks'] = [];
    for (let i = 0; i < 3; i++) {
      const p = await browser.context.newPage();
      await p.addInitScript(() => {
        const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      });
      await p.goto(baseUrl);
      await p.getByTestId('run').click();
      const clickedAt = await p.evaluate(() => performance.now());
      await p.waitForFunction(() => document.querySelector('[data-testid=run-status]')?.getAttribute('data-status') === 'done', undefined, { timeout: 60_000 });
      const doneAt = await p.evaluate(() => performance.now());
      const tasks = await p.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
      const during = tasks.filter((t) => t.start >= clickedAt && t.start <= doneAt).map((t) => t.duration);
      times.push(doneAt);
      longTasks.push({ count: during.length, countOver50ms: during.filter((d) => d > 50).length, maxMs: Math.round(Math.max(0, ...during)) });
      log(`  page load → done: ${Math.round(doneAt)} ms; long tasks while training: ${JSON.stringify(longTasks.at(-1))}`);
      await p.close();
    }
    const comparison8: ComparisonRound[] = [];
    const comparison8Webgl: ComparisonRound[] = [];
    {
      const p = await browser.context.newPage();
      await p.goto(baseUrl);
      const compare = (backend: string, epochs: number, batched: boolean, workers?: number) =>
        p.evaluate(
          ([b, e, batch, w]) =>
            (window as unknown as { __lab: { benchmarkComparison(b: string, m: number, e: number, batched: boolean, workers?: number): Promise<ComparisonRound> } }).__lab.benchmarkComparison(
              b as string,
              8,
              e as number,
              batch as boolean,
              w as number | undefined,
            ),
          [backend, epochs, batched, workers] as const,
        );
      // On WASM the product trains a job's methods one after another (batching measured slower there).
      for (let r = 0; r < 3; r++) {
        const res = await compare('wasm', 5, false);
        comparison8.push(res);
        log(`  browser 8-method comparison on WASM (${res.workers} workers): ${res.methodEpochsPerSec.toFixed(1)} method-epochs/s`);
      }
      for (const batched of [false, true]) {
        try {
          const res = await compare('webgl', 2, batched, 1);
          comparison8Webgl.push(res);
          log(`  browser 8-method comparison on WebGL, 1 worker (${batched ? 'batched over a model axis' : 'one after another'}): ${res.methodEpochsPerSec.toFixed(1)} method-epochs/s`);
        } catch (e) {
          log(`  WebGL comparison not run: ${String(e).split('\n')[0]}`);
        }
      }
      await p.close();
    }
    const lessonRuns: BrowserBench['lessonRuns'] = [];
    for (const lesson of LESSONS) {
      for (let k = 0; k < lesson.steps.length; k++) {
        if (lesson.steps[k].query === undefined) continue;
        const step = `#lesson/${lesson.id}/${k + 1}`;
        const p = await browser.context.newPage();
        try {
          await p.goto(`${baseUrl}${step}`);
          await p.getByTestId('run').click();
          const clickedAt = await p.evaluate(() => performance.now());
          await p.waitForFunction(() => document.querySelector('[data-testid=run-status]')?.getAttribute('data-status') === 'done', undefined, { timeout: 120_000 });
          lessonRuns.push({ step, ms: Math.round((await p.evaluate(() => performance.now())) - clickedAt) });
        } catch (e) {
          lessonRuns.push({ step, ms: null, error: String(e).split('\n')[0] });
        }
        log(`  lesson ${step}: ${JSON.stringify(lessonRuns.at(-1))}`);
        await p.close();
      }
    }
    const csvLoad = await benchCsvLoad(browser, baseUrl, log);
    const bundle = initialBundle();
    return {
      csvLoad,
      lessonRuns,
      comparison8,
      comparison8Webgl,
      epochsPerSec,
      comparison: { pageLoadToDoneMs: times.map(Math.round), medianMs: Math.round(median(times)), longTasks },
      initialJsGzipBytes: bundle.bytes,
      initialJsFiles: bundle.files,
      smoteWorkerMs,
    };
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
}
