/** Serves the production build (`dist/`, built by `npm run test:e2e`) with `vite preview`. */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;

export async function setup({ provide }: { provide: (key: 'baseUrl', value: string) => void }) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  server = await preview({ preview: { port: 4179, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL.');
  provide('baseUrl', url);
}

export async function teardown() {
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()) ?? resolve());
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
