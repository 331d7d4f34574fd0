/** The report of the run in the store (core/report), as a file name and its text. */
import { isLoadedDataset } from '../core/config';
import { reportHtml, reportMarkdown } from '../core/report/report';
import type { RunState } from './types';

export function runReport(run: RunState, kind: 'html' | 'md', link: string, now = new Date()): { fileName: string; text: string; type: string } | null {
  if (!run.config || !run.data) return null;
  const methods = run.methods.filter((m) => m.result).map((m) => m.result!);
  if (methods.length === 0) return null;
  const ds = run.config.dataset;
  const name = isLoadedDataset(ds) ? ds.name : `${ds.shape} 1:${ds.imbalanceRatio}`;
  const input = {
    title: `Imbalance Lab — ${name}, ${methods.length} methods`,
    generatedAt: now.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    config: run.config,
    classNames: run.data.classNames,
    trainCounts: run.data.trainCounts,
    methods,
    backend: run.backend?.backend ?? null,
    link,
  };
  const stem = `imbalance-lab-report-${name.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
  return kind === 'html' ? { fileName: `${stem}.html`, text: reportHtml(input), type: 'text/html' } : { fileName: `${stem}.md`, text: reportMarkdown(input), type: 'text/markdown' };
}
