/**
 * The command line as users run it: plain Node through bin/imbalance-lab.mjs (not Vitest's module
 * resolution, which differs: Node loads tfjs-core's CommonJS build). The CNN once failed only here,
 * because its gradients were registered through an ES-module-only path.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = new URL('../../bin/imbalance-lab.mjs', import.meta.url).pathname;

describe('bin/imbalance-lab.mjs in plain Node', () => {
  it('trains the CNN on a built-in image set and writes its results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imbalance-lab-bin-'));
    const config = join(dir, 'cnn.json');
    writeFileSync(config, JSON.stringify({ dataset: { kind: 'builtin', name: 'digits-lt' }, model: { kind: 'cnn', epochs: 1, blocks: 1, filters: 4 }, methods: [{ id: 'none', params: {} }], seed: 1 }));
    const out = join(dir, 'results.json');
    const { stdout } = await run(process.execPath, [BIN, 'run', '--config', config, '--out', out], { timeout: 120_000 });
    expect(stdout).toMatch(/No rebalancing\s+126\/76\/46\/27\/16\/10\/6\/3\/2\/2\s+0\.\d{3}/);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.methods).toHaveLength(1);
    expect(results.methods[0].status).toBe('done');
    expect(results.methods[0].metrics.accuracy).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/FAILED/);
  }, 150_000);
});
