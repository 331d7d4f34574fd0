/**
 * The import boundaries of docs/ARCHITECTURE.md, checked on the source text (a lint rule that
 * needs no linter): the core stays pure, and TF.js stays out of the main-thread bundle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Runtime (non-type) import specifiers of a file. */
function runtimeImports(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8');
  return [...text.matchAll(/^\s*import\s+(?!type\b)(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
}

describe('architecture boundaries', () => {
  const core = sources('src/core');

  it('finds the sources it checks', () => {
    expect(core.length).toBeGreaterThan(30);
  });

  it('core imports no UI, state or worker library', () => {
    const forbidden = /^(react|react-dom|zustand|comlink|recharts)(\/|$)/;
    const bad = core.flatMap((f) => runtimeImports(f).filter((s) => forbidden.test(s)).map((s) => `${f}: ${s}`));
    expect(bad).toEqual([]);
  });

  it('core never calls Math.random or touches the DOM', () => {
    const bad = core.filter((f) => /Math\.random\(|\bwindow\.|\bdocument\./.test(readFileSync(join(root, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(bad).toEqual([]);
  });

  it('only models, training and losses import TF.js in the core', () => {
    const bad = core.filter((f) => runtimeImports(f).some((s) => s.startsWith('@tensorflow/')) && !/^src\/core\/(models|training|losses)\//.test(f));
    expect(bad).toEqual([]);
  });

  it('UI and state import TF.js and TF.js-importing core modules only as types', () => {
    const tfModules = /(@tensorflow\/|core\/(experiment|models\/mlp|training\/|losses\/)|workers\/(backend|labApi|lab\.worker)$)/;
    const main = [...sources('src/ui'), ...sources('src/state'), 'src/main.tsx'];
    const bad = main.flatMap((f) => runtimeImports(f).filter((s) => tfModules.test(s)).map((s) => `${relative(root, join(root, f))}: ${s}`));
    expect(bad).toEqual([]);
  });
});
