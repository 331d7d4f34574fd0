import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

interface Case {
  name: string;
  n_classes: number;
  y_true: number[];
  scores: number[][];
  expected: Record<string, unknown>;
}

const fixture = JSON.parse(readFileSync(new URL('../../../shared/fixtures/metrics.json', import.meta.url), 'utf8')) as { cases: Case[] };
const extra = JSON.parse(readFileSync(new URL('../core/metrics/reference/extraMetrics.json', import.meta.url), 'utf8')) as { cases: Record<string, Record<string, number>> };
const dir = mkdtempSync(join(tmpdir(), 'imbalance-lab-score-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** predictions.csv for a fixture case: an id column (ignored), y_true, score_<k> (exact float text). */
function predictionsCsv(c: Case): string {
  const header = ['id', 'y_true', ...Array.from({ length: c.n_classes }, (_, k) => `score_${k}`)];
  const rows = c.y_true.map((y, i) => [String(i), String(y), ...c.scores[i].map(String)].join(','));
  return [header.join(','), ...rows].join('\n') + '\n';
}

/** 1e-9 relative (absolute near 0), recursively over arrays; JSON writes NaN as null. */
function expectClose(actual: unknown, expected: unknown, what: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), what).toBe(true);
    expect((actual as unknown[]).length, `${what} length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${what}[${i}]`));
    return;
  }
  if (typeof expected === 'number' && Number.isNaN(expected)) {
    expect(actual, what).toBeNull();
    return;
  }
  const a = actual as number;
  const e = expected as number;
  if (!(Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e)))) expect.fail(`${what}: expected ${e}, got ${a}`);
}

describe('imbalance-lab score', () => {
  for (const c of fixture.cases) {
    it(`matches scikit-learn / imbalanced-learn on ${c.name}`, async () => {
      const input = file(`${c.name}.csv`, predictionsCsv(c));
      const { code, out, err } = await cli('score', '--input', input);
      expect(err).toBe('');
      expect(code).toBe(0);
      const report = JSON.parse(out) as Record<string, unknown>;
      expect(report.classes).toEqual(Array.from({ length: c.n_classes }, (_, k) => String(k)));
      for (const [key, expected] of Object.entries(c.expected)) {
        if (key === 'roc_curve_all_thresholds') {
          const roc = report.roc_curve as Record<string, number[]>;
          for (const part of ['fpr', 'tpr', 'thresholds']) expectClose(roc[part], (expected as Record<string, number[]>)[part], `${c.name} roc_curve.${part}`);
        } else if (key === 'pr_curve') {
          const pr = report.pr_curve as Record<string, number[]>;
          for (const part of ['precision', 'recall', 'thresholds']) expectClose(pr[part], (expected as Record<string, number[]>)[part], `${c.name} pr_curve.${part}`);
        } else {
          expect(report, `report has ${key}`).toHaveProperty(key);
          expectClose(report[key], expected, `${c.name} ${key}`);
        }
      }
      for (const [key, expected] of Object.entries(extra.cases[c.name])) expectClose(report[key], expected, `${c.name} ${key}`);
      // The hull: corners only, from (0,0) to (1,1), concave, never below the curve's best point at each FPR.
      const hulls = (c.n_classes === 2 ? [report.roc_convex_hull] : (report.roc_convex_hull as unknown[])) as { fpr: number; tpr: number }[][];
      expect(hulls.length).toBe(c.n_classes === 2 ? 1 : c.n_classes);
      for (const hull of hulls) {
        expect(hull[0]).toEqual({ fpr: 0, tpr: 0 });
        expect(hull.at(-1)).toEqual({ fpr: 1, tpr: 1 });
        for (let i = 2; i < hull.length; i++) {
          const s1 = (hull[i - 1].tpr - hull[i - 2].tpr) / (hull[i - 1].fpr - hull[i - 2].fpr);
          const s2 = (hull[i].tpr - hull[i - 1].tpr) / (hull[i].fpr - hull[i - 1].fpr);
          expect(s2).toBeLessThan(s1);
        }
      }
    });
  }

  it('writes the report to --out, reads a custom label column and class names that are words', async () => {
    const input = file('words.csv', 'truth,score_benign,score_malignant,note\nbenign,0.9,0.1,a\nmalignant,0.3,0.7,b\nbenign,0.6,0.4,c\nmalignant,0.55,0.45,d\n');
    const outPath = join(dir, 'words.json');
    const { code, out } = await cli('score', '--input', input, '--label', 'truth', '--out', outPath);
    expect(code).toBe(0);
    expect(out).toMatch(/Metrics of 4 predictions \(2 classes\) written to/);
    const report = JSON.parse(readFileSync(outPath, 'utf8'));
    expect(report.classes).toEqual(['benign', 'malignant']);
    expect(report.confusion_matrix).toEqual([[2, 0], [1, 1]]);
    expect(report.roc_auc).toBe(1);
  });

  it('matches numeric labels to score columns by value ("1" and score_1.0)', async () => {
    const input = file('numeric.csv', 'y_true,score_0.0,score_1.0\n0,0.8,0.2\n1,0.1,0.9\n1.0,0.4,0.6\n');
    const { code, out } = await cli('score', '--input', input);
    expect(code).toBe(0);
    expect(JSON.parse(out).support_per_class).toEqual([1, 2]);
  });

  const bad: [string, string, RegExp][] = [
    ['empty.csv', '', /is empty/],
    ['header-only.csv', 'y_true,score_0,score_1\n', /no rows/],
    ['no-label.csv', 'label,score_0,score_1\n0,0.5,0.5\n', /no 'y_true' column.*--label/],
    ['one-score.csv', 'y_true,score_1\n1,0.9\n', /one score_<class> column per class.*only score_1/],
    ['unknown-label.csv', 'y_true,score_0,score_1\n0,0.5,0.5\n2,0.5,0.5\n', /Line 3.*label '2' has no score column/],
    ['nan.csv', 'y_true,score_0,score_1\n0,NaN,0.5\n1,0.5,0.5\n', /Line 2.*score_0.*between 0 and 1.*'NaN'/],
    ['logits.csv', 'y_true,score_0,score_1\n0,2.5,-1\n1,0.5,0.5\n', /Line 2.*between 0 and 1/],
    ['not-summing.csv', 'y_true,score_0,score_1\n0,0.5,0.2\n1,0.5,0.5\n', /Line 2.*sum to 0\.7.*not 1/],
    ['one-class.csv', 'y_true,score_0,score_1\n1,0.5,0.5\n1,0.2,0.8\n', /Every label .* is '1'.*at least two classes/],
    ['ragged.csv', 'y_true,score_0,score_1\n0,0.5\n1,0.5,0.5\n', /Line 2.*2 fields; the header has 3/],
  ];
  for (const [name, text, message] of bad) {
    it(`refuses ${name} with a clear message (exit 2)`, async () => {
      const { code, err, out } = await cli('score', '--input', file(name, text));
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(message);
    });
  }

  it('asks for --input and names a missing file', async () => {
    expect((await cli('score')).err).toMatch(/score needs --input/);
    const missing = await cli('score', '--input', join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Could not read .*nope\.csv/);
  });
});
