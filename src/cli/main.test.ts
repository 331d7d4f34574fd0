import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'imbalance-lab-cli-'));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('imbalance-lab CLI', () => {
  it('prints the default config, which runs and writes results with a summary table', async () => {
    const printed = await cli('config');
    expect(printed.code).toBe(0);
    const config = JSON.parse(printed.out);
    config.model.epochs = 5;
    config.methods = config.methods.slice(0, 2);
    const configPath = join(dir, 'experiment.json');
    const outPath = join(dir, 'results.json');
    writeFileSync(configPath, JSON.stringify(config));
    const run = await cli('run', '--config', configPath, '--out', outPath, '--backend', 'cpu');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/method\s+train counts\s+accuracy\s+bal\. acc\.\s+macro-F1\s+G-mean\s+min\. recall\s+ROC AUC/);
    expect(run.out).toMatch(/No rebalancing\s+500\/25/);
    expect(run.out).toMatch(/Random over-sampling\s+500\/500/);
    const results = JSON.parse(readFileSync(outPath, 'utf8'));
    expect(results.backend).toBe('cpu');
    expect(results.methods).toHaveLength(2);
    expect(results.methods[0].metrics.confusion).toHaveLength(2);
    expect(Array.isArray(results.methods[0].testScores)).toBe(true);
    expect(results.methods[0].history).toHaveLength(5);
    // The full report (the score command's keys) on the held-out predictions.
    const report = results.methods[0].report;
    expect(report.confusion_matrix).toEqual(results.methods[0].metrics.confusion);
    expect(report.balanced_accuracy).toBeCloseTo(results.methods[0].metrics.balancedAccuracy, 12);
    expect(report.roc_convex_hull[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(report.n).toBe(results.methods[0].testY.length);
  });

  it('explains bad usage and bad configs with exit code 2', async () => {
    expect((await cli('run')).err).toMatch(/run needs --config <file.json> or --preset <id>/);
    expect((await cli('run', '--preset', 'nope')).err).toMatch(/--preset must be one of digits-lt. Got 'nope' instead./);
    expect((await cli('frobnicate')).code).toBe(2);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ dataset: { imbalanceRatio: 5000 } }));
    const r = await cli('run', '--config', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/dataset.imbalanceRatio must be a number between 1 and 1000. Got 5000 instead./);
    const missing = await cli('run', '--config', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Could not read the config file/);
  });

  it('exits 1 when a method fails, naming the failure', async () => {
    const path = join(dir, 'smote-k.json');
    writeFileSync(path, JSON.stringify({ dataset: { n: 100, imbalanceRatio: 40 }, model: { epochs: 2 }, methods: ['none', { id: 'smote', params: { kNeighbors: 10 } }] }));
    const r = await cli('run', '--config', path, '--backend', 'cpu');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/SMOTE \(k=10\): FAILED — kNeighbors must be < the number of samples in class .minority. \(2\)\. Got 10 instead\./);
  });

  it('runs a built-in dataset with cross-validation and reports mean ± std over the folds', async () => {
    const path = join(dir, 'builtin.json');
    writeFileSync(path, JSON.stringify({ dataset: { kind: 'builtin', name: 'abalone-19' }, split: { protocol: 'cross-validation', folds: 3 }, methods: ['none', 'smote-nc'], model: { epochs: 3 } }));
    const r = await cli('run', '--config', path, '--backend', 'cpu');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 splits \(cross-validation\)/);
    expect(r.out).toMatch(/SMOTE-NC\s+\d+\/\d+\s+0\.\d{3} ± 0\.\d{3}/);
  }, 60_000);

  it('an uploaded-file config needs --data, and runs on the file it gets', async () => {
    const path = join(dir, 'upload.json');
    writeFileSync(path, JSON.stringify({ dataset: { kind: 'upload', name: 'patients.csv', columns: { visits: 'ignored' } }, methods: ['none'], model: { epochs: 3 } }));
    const without = await cli('run', '--config', path);
    expect(without.code).toBe(2);
    expect(without.err).toMatch(/uses the file 'patients.csv': pass it with --data <path>/);
    const csv = new URL('../../e2e/fixtures/upload/patients.csv', import.meta.url).pathname;
    const r = await cli('run', '--config', path, '--data', csv, '--backend', 'cpu');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Test split: disease \d+, healthy \d+ \(minority: disease\)/);
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'a,label\n1,x\n2,x\n3,x\n');
    const one = await cli('run', '--config', path, '--data', broken);
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/must name a column of the table.*Got 'visits' instead/);
  }, 60_000);

  it('runs the long-tailed digits preset end to end: 8 methods, 3 seeds, on the balanced test set', async () => {
    const printed = JSON.parse((await cli('config', '--preset', 'digits-lt')).out);
    expect(printed.methods.map((m: { id: string }) => m.id)).toEqual(['none', 'class-weight', 'focal', 'ldam-drw', 'balanced-softmax', 'logit-adjusted-loss', 'crt', 'tau-norm']);
    const outPath = join(dir, 'preset.json');
    const r = await cli('run', '--preset', 'digits-lt', '--out', outPath);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 splits \(holdout\)/);
    expect(r.out).toMatch(/Test split \(split 1 of 3\): 0 20, 1 20, .* 9 20/);
    const results = JSON.parse(readFileSync(outPath, 'utf8'));
    for (const m of results.methods) {
      expect(m.status).toBe('done');
      expect(m.splits).toHaveLength(3);
      expect(m.spread.balancedAccuracy.n).toBe(3);
      // Per seed: the held-out predictions and their full report.
      m.splits.forEach((s: { splitIndex: number; predictions: { testY: number[]; testScores: number[] }; report: { balanced_accuracy: number; n: number }; metrics: { balancedAccuracy: number } }) => {
        expect(s.predictions.testY).toHaveLength(200);
        expect(s.predictions.testScores).toHaveLength(200 * 10);
        expect(s.report.n).toBe(200);
        expect(s.report.balanced_accuracy).toBeCloseTo(s.metrics.balancedAccuracy, 12);
      });
      expect(m.splits[0].predictions.testScores).toEqual(m.testScores);
    }
  }, 120_000);

  it('reports relative accuracy when the config asks for it (long tail built from balanced digits)', async () => {
    const config = JSON.parse((await cli('config')).out);
    config.dataset = { kind: 'builtin', name: 'digits', longTail: { profile: 'exponential', imbalanceFactor: 20, testPerClass: 20 } };
    config.split.relativeAccuracy = true;
    config.model.kind = 'logistic';
    config.model.epochs = 4;
    config.methods = [{ id: 'none', params: {} }, { id: 'class-weight', params: {} }];
    const configPath = join(dir, 'relative.json');
    writeFileSync(configPath, JSON.stringify(config));
    const r = await cli('run', '--config', configPath, '--backend', 'cpu');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ROC AUC\s+relative acc\./);
    expect(r.out).toMatch(/No rebalancing\s.*\s0\.\d{3}\s*$/m);
  });
});
