import { useRef } from 'react';
import { METRIC_NAMES, type SpreadMetric } from '../../../core/metrics';
import { selectRanking } from '../../../state/evaluation';
import { ExportButtons } from '../../components/ExportButtons';
import { fmt } from '../../format';
import { methodColor } from '../../palette';
import { useLabDeferred } from '../../storeContext';


/**
 * Which method wins depends on the metric: methods ranked under each metric side by side, with
 * Kendall's τ between each metric's ranking and accuracy's. Accuracy rewards ignoring the minority.
 */
export function MetricRankingView() {
  const ranking = useLabDeferred(selectRanking);
  const ref = useRef<HTMLDivElement>(null);
  if (!ranking) return null;
  return (
    <section className="result-block" aria-labelledby="rank-h" data-testid="metric-ranking">
      <h3 id="rank-h">Do the metrics agree? Rank of each method under each metric</h3>
      <p className="hint">1 = best. A highlighted column crowns a different winner than accuracy does; τ is the rank correlation with accuracy (1 = same order, −1 = reversed).</p>
      <div ref={ref}>
        <table className="metrics ranking">
          <thead>
            <tr>
              <th>method</th>
              {ranking.metrics.map((k, j) => (
                <th key={k} className={ranking.disagrees[j] ? 'disagrees' : undefined} data-testid={`rank-metric-${k}`} data-disagrees={String(ranking.disagrees[j])}>
                  {METRIC_NAMES[k as SpreadMetric]?.short ?? k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranking.methods.map((m) => (
              <tr key={m.index} data-testid={`rank-row-${m.index}`}>
                <td>
                  <span className="swatch" style={{ background: methodColor(m.index) }} /> {m.label}
                </td>
                {m.ranks.map((r, j) => (
                  <td key={j} className={r === 1 ? 'best' : undefined} title={fmt(m.values[j])} data-rank={String(r)}>
                    {Number.isInteger(r) ? r : r.toFixed(1)}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="tau">
              <td>τ vs accuracy</td>
              {ranking.kendallTauVsAccuracy.map((t, j) => (
                <td key={j}>{fmt(t, 2)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <ExportButtons
        name="metric-ranking"
        target={ref}
        images={false}
        rows={() => ranking.methods.map((m) => ({ method: m.label, ...Object.fromEntries(ranking.metrics.flatMap((k, j) => [[`${k}_value`, m.values[j]], [`${k}_rank`, m.ranks[j]]])) }))}
      />
    </section>
  );
}
