import { useRef } from 'react';
import { METRIC_NAMES, SPREAD_METRICS, type SpreadMetric } from '../../../core/metrics';
import { ExportButtons } from '../../components/ExportButtons';
import { selectSignificance } from '../../../state/evaluation';
import { fmt } from '../../format';
import { methodColor } from '../../palette';
import { useLab, useLabDeferred } from '../../storeContext';


/**
 * With several splits: is each method's difference from the baseline (the first method) more than
 * split-to-split noise? Paired over the splits: the corrected resampled t-test (Nadeau & Bengio)
 * and the Wilcoxon signed-rank test.
 */
export function SignificanceNote() {
  const sig = useLabDeferred(selectSignificance);
  const metric = useLab((s) => s.evaluation.significanceMetric);
  const setEvaluation = useLab((s) => s.setEvaluation);
  const ref = useRef<HTMLDivElement>(null);
  if (!sig) return null;
  return (
    <section className="result-block" aria-labelledby="sig-h" data-testid="significance">
      <h3 id="sig-h">Differences from the baseline: signal or noise?</h3>
      <p className="hint">
        Each method against the first one, paired split by split. p &lt; 0.05 by the corrected resampled t-test (which accounts for training sets overlapping between splits) is marked
        ✱. With few splits the Wilcoxon test cannot reach 0.05 at all (3 splits: p ≥ 0.25), so read its p as a sign check.
      </p>
      <div className="view-controls">
        <label>
          metric{' '}
          <select data-testid="significance-metric" value={metric} onChange={(e) => setEvaluation({ significanceMetric: e.target.value as SpreadMetric })}>
            {SPREAD_METRICS.map((k) => (
              <option key={k} value={k}>
                {METRIC_NAMES[k].name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="metrics">
        <thead>
          <tr>
            <th>method</th>
            <th>mean difference</th>
            <th>corrected t-test p</th>
            <th>Wilcoxon p</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sig.rows.map((r) => (
            <tr key={r.index} data-testid={`significance-${r.index}`} data-significant={String(r.significant)}>
              <td>
                <span className="swatch" style={{ background: methodColor(r.index) }} /> {r.label} vs {sig.baselineLabel}
              </td>
              <td>{(r.meanDifference >= 0 ? '+' : '') + fmt(r.meanDifference)}</td>
              <td>{r.tTest ? fmt(r.tTest.pValue) : '—'}</td>
              <td>{r.wilcoxon ? fmt(r.wilcoxon.pValue) : '—'}</td>
              <td>{r.significant ? '✱' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ExportButtons
        name="significance"
        target={ref}
        images={false}
        rows={() =>
          sig.rows.map((r) => ({ method: r.label, baseline: sig.baselineLabel, metric: sig.metric, mean_difference: r.meanDifference, t_test_p: r.tTest?.pValue ?? '', wilcoxon_p: r.wilcoxon?.pValue ?? '', significant: r.significant }))
        }
      />
    </section>
  );
}
