/**
 * A report of one comparison, to keep or hand in: one self-contained HTML file (inline styles and
 * SVG figures, no scripts, nothing fetched) and a Markdown variant (the same tables; the figures
 * only in the HTML). Contents: the dataset and its class counts, the protocol and seed, every
 * method with its parameters, the metrics (mean ± std over splits where there are several),
 * per-class recall, the training loss curves and, for two classes, the ROC curves with their hull.
 */
import type { ExperimentConfig } from '../config';
import { isLoadedDataset } from '../config';
import { rocView } from '../evaluation/rocView';
import type { MethodResult } from '../experiment';
import { methodLabel } from '../methods';
import { METRIC_NAMES, type SpreadMetric } from '../metrics';
import { methodColor } from '../palette';

export interface ReportInput {
  title: string;
  /** When the report was made (shown as is). */
  generatedAt: string;
  config: ExperimentConfig;
  classNames: string[];
  trainCounts: number[];
  methods: MethodResult[];
  backend: string | null;
  /** The link that reopens the experiment, if known. */
  link?: string;
}

const COLUMNS = (['accuracy', 'balancedAccuracy', 'f1Macro', 'gmean', 'mcc', 'minorityRecall', 'rocAuc', 'averagePrecision'] as const).map((key) => ({ key, label: METRIC_NAMES[key].name }));

const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(3));

/** A metric cell: mean ± std over splits, or the single split's value. */
function cell(m: MethodResult, k: SpreadMetric): string {
  if (m.status !== 'done' || !m.metrics) return 'failed';
  const s = m.spread?.[k];
  return s ? `${f3(s.mean)} ± ${f3(s.std)}` : f3(m.metrics[k]);
}

/** The report's facts as label → text pairs (dataset, protocol, model, seed, backend). */
function facts(input: ReportInput): [string, string][] {
  const { config: c, classNames, trainCounts } = input;
  const ds = c.dataset;
  const data = isLoadedDataset(ds) ? `${ds.kind === 'builtin' ? 'built-in' : 'file'} '${ds.name}'${ds.longTail ? ` (long tail ×${ds.longTail.imbalanceFactor}, ${ds.longTail.profile})` : ''}` : `generated ${ds.shape}, ${ds.n} points, imbalance 1:${ds.imbalanceRatio}`;
  const min = Math.min(...trainCounts.filter((n) => n > 0));
  const s = c.split;
  const protocol = s.protocol === 'cross-validation' ? `${s.folds}-fold cross-validation` : s.protocol === 'balanced-test' ? `balanced test set, ${s.testPerClass} per class` : `hold-out, test ${s.test}, validation ${s.validation}`;
  const m = c.model;
  return [
    ['Data', data],
    ['Classes (training rows)', classNames.map((n, i) => `${n} (${trainCounts[i]})`).join(', ')],
    ['Imbalance ratio (training)', `1:${(Math.max(...trainCounts) / min).toFixed(1)}`],
    ['Protocol', `${protocol}${s.repeats > 1 ? `, ${s.repeats} repeats` : ''}${s.relativeAccuracy ? ', relative accuracy' : ''}`],
    ['Model', `${m.kind === 'mlp' ? `MLP ${m.hiddenLayers}×${m.width} ${m.activation}` : m.kind}, ${m.optimizer} lr ${m.learningRate}, ${m.epochs} epochs, batch ${m.batchSize}`],
    ['Seed', String(c.seed)],
    ['Backend', input.backend ?? '—'],
  ];
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Markdown table cell: pipes escaped, newlines flattened. */
const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Polylines in a unit-square-mapped SVG chart: x and y ranges, axis labels, a legend. */
function svgChart(series: { name: string; color: string; points: [number, number][]; dash?: boolean }[], opts: { xLabel: string; yLabel: string; xMax: number; yMax: number; diagonal?: boolean }): string {
  const W = 520;
  const H = 300;
  const L = 48;
  const B = 36;
  const T = 10;
  const R = 170;
  const x = (v: number) => L + (v / (opts.xMax || 1)) * (W - L - R);
  const y = (v: number) => H - B - (v / (opts.yMax || 1)) * (H - B - T);
  const lines = series
    .map((s) => `<polyline fill="none" stroke="${s.color}" stroke-width="1.8"${s.dash ? ' stroke-dasharray="5 4"' : ''} points="${s.points.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ')}"/>`)
    .join('');
  const legend = series.map((s, i) => `<rect x="${W - R + 12}" y="${T + 4 + i * 16}" width="12" height="3" fill="${s.color}"/><text x="${W - R + 28}" y="${T + 9 + i * 16}" font-size="11">${escapeHtml(s.name)}</text>`).join('');
  const ticks = [0, 0.5, 1]
    .map((t) => `<text x="${x(t * opts.xMax).toFixed(1)}" y="${H - B + 14}" font-size="10" text-anchor="middle">${+(t * opts.xMax).toPrecision(3)}</text><text x="${L - 6}" y="${(y(t * opts.yMax) + 3).toFixed(1)}" font-size="10" text-anchor="end">${+(t * opts.yMax).toPrecision(3)}</text>`)
    .join('');
  const diagonal = opts.diagonal ? `<line x1="${x(0)}" y1="${y(0)}" x2="${x(opts.xMax)}" y2="${y(opts.yMax)}" stroke="#bbb" stroke-dasharray="3 3"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" role="img"><rect width="100%" height="100%" fill="#fff"/><line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>${ticks}${diagonal}${lines}${legend}<text x="${(L + W - R) / 2}" y="${H - 4}" font-size="11" text-anchor="middle">${escapeHtml(opts.xLabel)}</text><text x="12" y="${(H - B) / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${(H - B) / 2})">${escapeHtml(opts.yLabel)}</text></svg>`;
}

/** The training-loss figure: one curve per finished method (split 1). */
function lossFigure(methods: MethodResult[]): string | null {
  const done = methods.filter((m) => m.history.length > 0);
  if (done.length === 0) return null;
  const yMax = Math.max(...done.flatMap((m) => m.history.map((h) => h.loss)).filter(Number.isFinite));
  const xMax = Math.max(...done.map((m) => m.history.length));
  return svgChart(
    done.map((m) => ({ name: m.label, color: methodColor(m.index), points: m.history.map((h) => [h.epoch, h.loss] as [number, number]) })),
    { xLabel: 'epoch', yLabel: 'training loss', xMax, yMax: yMax > 0 ? yMax : 1 },
  );
}

/** The ROC figure for two classes: the minority class against the other, every method and the hull. */
function rocFigure(input: ReportInput): string | null {
  const done = input.methods.filter((m) => m.status === 'done' && m.testScores.length > 0);
  if (input.classNames.length !== 2 || done.length === 0) return null;
  const minority = input.trainCounts.indexOf(Math.min(...input.trainCounts));
  const view = rocView(done.map((m) => ({ index: m.index, label: m.label, yTrue: m.testY, scores: m.testScores })), 2, minority);
  return svgChart(
    [
      ...view.series.map((s) => ({ name: `${s.label} (AUC ${f3(s.auc)})`, color: methodColor(s.index), points: s.points.map((p) => [p.fpr, p.tpr] as [number, number]) })),
      { name: 'ROC convex hull', color: '#222', dash: true, points: view.hull.map((v) => [v.fpr, v.tpr] as [number, number]) },
    ],
    { xLabel: `false positive rate (${input.classNames[minority]} vs rest)`, yLabel: 'true positive rate', xMax: 1, yMax: 1, diagonal: true },
  );
}

/** Per-class recall rows, head → tail (most training rows first): class (training rows) → one value per method (split 1). */
function recallRows(input: ReportInput): string[][] {
  const order = input.classNames.map((_, c) => c).sort((a, b) => input.trainCounts[b] - input.trainCounts[a]);
  return order.map((c) => [`${input.classNames[c]} (${input.trainCounts[c]})`, ...input.methods.map((m) => f3(m.metrics?.perClass[c]?.recall))]);
}

function relativeText(m: MethodResult): string {
  const r = m.relativeAccuracy;
  if (!r) return '';
  return 'value' in r ? f3(r.value) : '—';
}

/** The report as Markdown (tables only; the figures are in the HTML variant). */
export function reportMarkdown(input: ReportInput): string {
  const withRel = input.methods.some((m) => m.relativeAccuracy);
  const out: string[] = [`# ${input.title}`, '', `Generated ${input.generatedAt} by Imbalance Lab.${input.link ? ` Reopen: <${input.link}>` : ''}`, ''];
  out.push('| | |', '|---|---|', ...facts(input).map(([k, v]) => `| ${md(k)} | ${md(v)} |`), '');
  out.push('## Methods', '', ...input.methods.map((m) => `${m.index + 1}. ${md(methodLabel(m.method))}${m.status === 'error' ? ` — failed: ${md(m.error?.message ?? '')}` : ''}`), '');
  const split = input.methods.find((m) => m.splits)?.splits?.length;
  out.push(`## Metrics on the test ${split ? `splits (mean ± std over ${split})` : 'split'}`, '');
  const head = ['method', ...COLUMNS.map((c) => c.label), ...(withRel ? ['relative acc.'] : [])];
  out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const m of input.methods) out.push(`| ${md(m.label)} | ${COLUMNS.map((c) => cell(m, c.key)).join(' | ')}${withRel ? ` | ${relativeText(m)}` : ''} |`);
  out.push('', '## Recall per class (head → tail order of the training counts)', '');
  const rh = ['class (training rows)', ...input.methods.map((m) => md(m.label))];
  out.push(`| ${rh.join(' | ')} |`, `|${rh.map(() => '---').join('|')}|`, ...recallRows(input).map((r) => `| ${r.join(' | ')} |`), '');
  out.push('The HTML report has the figures (training loss curves; ROC curves with their convex hull for two classes).', '');
  out.push('## Reproduce', '', 'Export the experiment (JSON) from the app and run `npx imbalance-lab run --config experiment.json` — the same seed gives the same numbers on the same backend.', '');
  return out.join('\n');
}

/** The report as one self-contained HTML document (no scripts, no external resources). */
export function reportHtml(input: ReportInput): string {
  const withRel = input.methods.some((m) => m.relativeAccuracy);
  const split = input.methods.find((m) => m.splits)?.splits?.length;
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const loss = lossFigure(input.methods);
  const roc = rocFigure(input);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2330}table{border-collapse:collapse;margin:.5rem 0 1.2rem;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid #dde1e7;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}figure{margin:1rem 0}figcaption{font-size:.85rem;color:#555}</style></head>
<body>
<h1>${escapeHtml(input.title)}</h1>
<p>Generated ${escapeHtml(input.generatedAt)} by Imbalance Lab.${input.link ? ` <a href="${escapeHtml(input.link)}">Reopen this experiment</a>.` : ''}</p>
${table(['', ''], facts(input))}
<h2>Methods</h2>
<ol>${input.methods.map((m) => `<li>${escapeHtml(methodLabel(m.method))}${m.status === 'error' ? ` — failed: ${escapeHtml(m.error?.message ?? '')}` : ''}</li>`).join('')}</ol>
<h2>Metrics on the test ${split ? `splits (mean ± std over ${split})` : 'split'}</h2>
${table(['method', ...COLUMNS.map((c) => c.label), ...(withRel ? ['relative acc.'] : [])], input.methods.map((m) => [m.label, ...COLUMNS.map((c) => cell(m, c.key)), ...(withRel ? [relativeText(m)] : [])]))}
<h2>Recall per class, head → tail</h2>
${table(['class (training rows)', ...input.methods.map((m) => m.label)], recallRows(input))}
${loss ? `<figure>${loss}<figcaption>Training loss per epoch (split 1).</figcaption></figure>` : ''}
${roc ? `<figure>${roc}<figcaption>ROC curves on the test split and their convex hull: methods below the hull are beaten for every cost and prior.</figcaption></figure>` : ''}
<h2>Reproduce</h2>
<p>Export the experiment (JSON) from the app and run <code>npx imbalance-lab run --config experiment.json</code>: the same seed gives the same numbers on the same backend.</p>
</body></html>
`;
}
