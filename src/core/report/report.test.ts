import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { parseConfig } from '../config';
import { runExperiment } from '../experiment';
import { reportHtml, reportMarkdown, type ReportInput } from './report';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

async function input(over: Record<string, unknown> = {}): Promise<ReportInput> {
  const config = parseConfig({ dataset: { kind: 'synthetic', shape: 'moons', n: 300, imbalanceRatio: 8, noise: 0.6 }, model: { epochs: 5, hiddenLayers: 1, width: 8 }, methods: [{ id: 'none', params: {} }, { id: 'smote', params: {} }], seed: 9, ...over });
  const result = await runExperiment(config);
  return { title: 'Moons, SMOTE vs nothing', generatedAt: '2026-11-27 10:00', config, classNames: result.classNames, trainCounts: result.trainCounts, methods: result.methods, backend: 'cpu', link: 'https://example.org/lab/?seed=9&a=<b>' };
}

describe('report', () => {
  it('Markdown: facts, methods, the metrics of every method, recall head → tail, how to reproduce', async () => {
    const i = await input();
    const text = reportMarkdown(i);
    expect(text).toMatch(/^# Moons, SMOTE vs nothing/);
    expect(text).toMatch(/\| Data \| generated moons, 300 points, imbalance 1:8 \|/);
    expect(text).toMatch(/\| Seed \| 9 \|/);
    for (const m of i.methods) {
      expect(text).toContain(`| ${m.label} | ${m.metrics!.accuracy.toFixed(3)} | ${m.metrics!.balancedAccuracy.toFixed(3)} |`);
    }
    const recall = text.split('## Recall per class')[1];
    const majority = i.classNames[i.trainCounts.indexOf(Math.max(...i.trainCounts))];
    expect(recall.indexOf(`| ${majority} (`)).toBeLessThan(recall.indexOf(`| ${i.classNames.find((n) => n !== majority)} (`));
    expect(text).toMatch(/npx imbalance-lab run --config experiment.json/);
  });

  it('HTML: self-contained (no script, nothing fetched), two SVG figures for two classes, every text escaped', async () => {
    const i = await input({ split: { protocol: 'holdout', repeats: 2 } });
    const html = reportHtml({ ...i, title: 'Fraud <script>alert(1)</script>' });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Fraud &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('href="https://example.org/lab/?seed=9&amp;a=&lt;b&gt;"');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toMatch(/ROC convex hull/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!example\.org)/);
    // Repeats: mean ± std in the metrics table.
    const m = i.methods[0];
    expect(html).toContain(`${m.spread!.balancedAccuracy.mean.toFixed(3)} ± ${m.spread!.balancedAccuracy.std.toFixed(3)}`);
    expect(html).toMatch(/mean ± std over 2/);
  });

  it('a failed method is listed with its reason, and its cells say so', async () => {
    const i = await input();
    const failed = { ...i.methods[1], status: 'error' as const, metrics: undefined, error: { name: 'DataError', message: 'too few minority rows for k = 5', unexpected: false } };
    const text = reportMarkdown({ ...i, methods: [i.methods[0], failed] });
    expect(text).toMatch(/2\. SMOTE — failed: too few minority rows for k = 5/);
    expect(text).toMatch(/\| SMOTE \| failed \| failed \|/);
  });
});
