import { METRIC_NAMES, type MetricSummary, type SpreadMetric } from '../../core/metrics';
import type { MethodRunState } from '../../state/types';
import { useRef } from 'react';
import { ExportButtons } from '../components/ExportButtons';
import { runReport } from '../../state/report';
import { download } from '../download';
import { fmt } from '../format';
import { methodColor } from '../palette';
import { useLabDeferred } from '../storeContext';

const COLUMNS = (['accuracy', 'balancedAccuracy', 'f1Macro', 'gmean', 'minorityRecall', 'rocAuc'] as const).map((key) => ({ key, label: METRIC_NAMES[key].short, help: METRIC_NAMES[key].help }));

/** A cell: the split's value, or mean ± std over the protocol's splits (computed in the core). */
function cell(m: MethodRunState, key: SpreadMetric & keyof MetricSummary): string {
  const r = m.result;
  if (!r?.metrics) return m.status === 'error' ? 'failed' : '…';
  const spread = r.spread?.[key];
  if (spread) return spread.n > 0 ? `${fmt(spread.mean)} ± ${fmt(spread.std)}` : '—';
  return fmt(r.metrics[key] as number);
}

/** Downloads the run's report (self-contained HTML with figures, or Markdown). */
function ReportButtons() {
  const run = useLabDeferred((s) => s.run);
  if (run.status === 'running' || !run.methods.some((m) => m.result)) return null;
  const save = (kind: 'html' | 'md') => {
    const r = runReport(run, kind, location.href);
    if (r) download(new Blob([r.text], { type: r.type }), r.fileName);
  };
  return (
    <div className="export-buttons" role="group" aria-label="Report of this run">
      <span className="hint">Report:</span>
      <button type="button" data-testid="report-html" onClick={() => save('html')}>
        HTML (with figures)
      </button>
      <button type="button" data-testid="report-md" onClick={() => save('md')}>
        Markdown
      </button>
    </div>
  );
}

/** A method's relative accuracy, with the two balanced references it is relative to. */
function RelativeCell({ r }: { r: NonNullable<MethodRunState['result']>['relativeAccuracy'] }) {
  if (!r) return <td data-metric="relativeAccuracy">…</td>;
  if ('error' in r) {
    return (
      <td data-metric="relativeAccuracy" title={r.error}>
        —
      </td>
    );
  }
  return (
    <td data-metric="relativeAccuracy" data-value={String(r.value)} title={`balanced training set of ${r.trainRows} rows: cross-entropy ${fmt(r.balancedVanilla)}, this method ${fmt(r.balancedMethod)}`}>
      {fmt(r.value)}
    </td>
  );
}

/** Test-split metrics per method (computed in the core; this only formats them). */
export function MetricsTable() {
  const methods = useLabDeferred((s) => s.run.methods);
  const splits = useLabDeferred((s) => s.run.methods.find((m) => m.result?.splits)?.result?.splits?.length ?? 1);
  const protocol = useLabDeferred((s) => s.run.config?.split.protocol);
  const ref = useRef<HTMLDivElement>(null);
  if (!methods.length) return null;
  const relative = methods.some((m) => m.result?.relativeAccuracy);
  const relativeError = methods.map((m) => m.result?.relativeAccuracy).find((r): r is { error: string } => !!r && 'error' in r)?.error;
  return (
    <section className="result-block" aria-labelledby="metrics-h">
      <h3 id="metrics-h">{splits > 1 ? `Metrics on the test splits: mean ± std over ${splits} ${protocol === 'cross-validation' ? 'folds' : 'repeats'}` : 'Metrics on the test split'}</h3>
      <table className="metrics" data-testid="metrics-table">
        <thead>
          <tr>
            <th>method</th>
            {COLUMNS.map((c) => (
              <th key={c.key} title={c.help}>
                {c.label}
              </th>
            ))}
            {relative && (
              <th title="Accuracy ÷ max(accuracy of plain cross-entropy and of the method, both trained on a class-balanced training set of the same size): 1 = as good as balanced data would make it (Zhang et al. 2023). Split 1.">
                relative acc.
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {methods.map((m) => (
            <tr key={m.index} data-testid={`metrics-row-${m.index}`} data-method={m.result?.method.id} data-outcome={m.result?.metrics ? 'done' : m.status === 'error' ? 'error' : 'pending'}>
              <td>
                <span className="swatch" style={{ background: methodColor(m.index) }} /> {m.label}
              </td>
              {COLUMNS.map((c) => (
                <td key={c.key} data-metric={c.key} data-value={m.result?.metrics ? String(m.result.spread?.[c.key].mean ?? m.result.metrics[c.key]) : ''}>
                  {cell(m, c.key)}
                </td>
              ))}
              {relative && <RelativeCell r={m.result?.relativeAccuracy} />}
            </tr>
          ))}
        </tbody>
      </table>
      {relativeError && (
        <p className="hint" data-testid="relative-accuracy-error">
          Relative accuracy: {relativeError}
        </p>
      )}
      <ReportButtons />
      <ExportButtons
        name="metrics"
        target={ref}
        images={false}
        rows={() =>
          methods
            .filter((m) => m.result?.metrics)
            .map((m) => ({
              method: m.label,
              ...Object.fromEntries(COLUMNS.flatMap((c) => (m.result!.spread ? [[`${c.key}_mean`, m.result!.spread[c.key].mean], [`${c.key}_std`, m.result!.spread[c.key].std]] : [[c.key, m.result!.metrics![c.key]]]))),
            }))
        }
      />
    </section>
  );
}
