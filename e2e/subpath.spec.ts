/** Deployable to any static host, under a sub-path: the built files served from /teaching/imbalance-lab/ by a plain file server. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabPage } from './pages/LabPage';
import { launch, type Browser } from './support/browser';

const PREFIX = '/teaching/imbalance-lab/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.csv': 'text/csv', '.zip': 'application/zip', '.webmanifest': 'application/manifest+json' };

let server: Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  const dist = join(process.cwd(), 'dist');
  // Nothing but files: no rewrites, no headers beyond the content type (what a static host gives).
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) return void res.writeHead(404).end();
    let file = normalize(join(dist, path.slice(PREFIX.length)));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${PREFIX}`;
  browser = await launch();
});

afterAll(async () => {
  await browser.close();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('a static host under a sub-path', () => {
  it('loads, loads a built-in dataset, trains, and registers its service worker for the sub-path', async () => {
    const lab = new LabPage(await browser.context.newPage(), base);
    await lab.open('?n=300&model.epochs=5&model.kind=logistic&method=none&method=smote');
    await lab.runAndWait();
    expect(await lab.methodStatuses()).toEqual(['done', 'done']);
    const scope = await lab.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(base);
    await lab.loadBuiltin('pima-diabetes');
    expect(await lab.page.getByTestId('dataset-summary').textContent()).toMatch(/768 rows/);
  });
});
