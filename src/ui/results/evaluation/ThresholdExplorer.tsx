import { useRef } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { selectEvaluationContext, selectThreshold } from '../../../state/evaluation';
import { ExportButtons } from '../../components/ExportButtons';
import { fmt } from '../../format';
import { methodColor } from '../../palette';
import { useLab, useLabDeferred } from '../../storeContext';
import { CostControls } from './CostControls';

const AXIS = { type: 'number' as const, domain: [0, 1] as [number, number], ticks: [0, 0.5, 1], allowDataOverflow: true };

/**
 * Binary data: move the decision threshold of one method and watch its confusion matrix, metrics,
 * and operating point on the ROC and PR curves change (What-If Tool style); the cost curves
 * (Drummond & Holte) show every method's expected cost over all cost / prior trade-offs.
 */
export function ThresholdExplorer() {
  const ctx = useLabDeferred(selectEvaluationContext);
  // Not deferred: the slider must move the numbers in the same frame.
  const view = useLab(selectThreshold);
  const { threshold } = useLab((s) => s.evaluation);
  const setEvaluation = useLab((s) => s.setEvaluation);
  const ref = useRef<HTMLDivElement>(null);
  if (!ctx) return null;
  if (!view) {
    return (
      <section className="result-block" aria-labelledby="thr-h" data-testid="threshold-explorer">
        <h3 id="thr-h">Threshold explorer</h3>
        <p className="hint">Moving one decision threshold is defined for two classes; this data has {ctx.nClasses}. Use the one-vs-rest ROC view per class instead.</p>
      </section>
    );
  }
  const { point, costOptimal } = view;
  const positive = ctx.classNames[ctx.positiveClass];
  const negative = ctx.classNames[1 - ctx.positiveClass];
  const order = [1 - ctx.positiveClass, ctx.positiveClass];
  const metrics: [string, number][] = [
    ['accuracy', point.accuracy],
    ['balanced accuracy', point.balancedAccuracy],
    [`precision (${positive})`, point.precision],
    [`recall (${positive})`, point.recall],
    ['F1', point.f1],
    ['G-mean', point.gmean],
    ['MCC', point.mcc],
  ];
  return (
    <section className="result-block" aria-labelledby="thr-h" data-testid="threshold-explorer">
      <h3 id="thr-h">Threshold explorer</h3>
      <p className="hint">
        Predict <b>{positive}</b> when its probability is at least the threshold. Lowering it finds more {positive} rows at the price of false alarms; the default argmax rule is 0.5.
      </p>
      <div className="view-controls">
        <label>
          method{' '}
          <select data-testid="threshold-method" value={view.method} onChange={(e) => setEvaluation({ thresholdMethod: Number(e.target.value) })}>
            {ctx.methods.map((m) => (
              <option key={m.index} value={m.index}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          threshold{' '}
          <input type="range" data-testid="threshold-slider" min={0} max={1} step={0.01} value={threshold} onChange={(e) => setEvaluation({ threshold: Number(e.target.value) })} />
          <output data-testid="threshold-value">{fmt(threshold, 2)}</output>
        </label>
        <CostControls />
        <button type="button" data-testid="threshold-cost-optimal" onClick={() => setEvaluation({ threshold: Math.min(1, Math.max(0, Number.isFinite(costOptimal.threshold) ? costOptimal.threshold : 1)) })}>
          cost-optimal threshold on the test split ({Number.isFinite(costOptimal.threshold) ? fmt(costOptimal.threshold, 2) : 'predict none'})
        </button>
      </div>
      <div className="threshold-grid">
        <table className="confusion" data-testid="threshold-confusion">
          <thead>
            <tr>
              <th>true \ predicted</th>
              {order.map((c) => (
                <th key={c}>{ctx.classNames[c]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {order.map((r) => (
              <tr key={r}>
                <th>{ctx.classNames[r]}</th>
                {order.map((c) => (
                  <td key={c} data-testid={`threshold-cell-${r}-${c}`}>
                    {point.confusion[r][c]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="threshold-metrics" data-testid="threshold-metrics">
          {metrics.map(([name, v]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{fmt(v)}</dd>
            </div>
          ))}
          <div>
            <dt>FPR ({negative} flagged)</dt>
            <dd>{fmt(point.fpr)}</dd>
          </div>
        </dl>
      </div>
      <div ref={ref} className="chart-row">
        <ComposedChart width={260} height={240} margin={{ top: 10, right: 10, bottom: 25, left: 0 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis {...AXIS} dataKey="fpr" label={{ value: 'FPR', position: 'bottom', offset: 5 }} />
          <YAxis {...AXIS} dataKey="tpr" label={{ value: 'TPR', angle: -90, position: 'insideLeft' }} />
          <Line data={view.roc.points} dataKey="tpr" stroke={methodColor(view.method)} dot={false} isAnimationActive={false} name="ROC" />
          <Scatter data={[{ fpr: point.fpr, tpr: point.tpr }]} dataKey="tpr" fill="#c0392b" name="operating point" isAnimationActive={false} />
        </ComposedChart>
        <ComposedChart width={260} height={240} margin={{ top: 10, right: 10, bottom: 25, left: 0 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis {...AXIS} dataKey="recall" label={{ value: 'recall', position: 'bottom', offset: 5 }} />
          <YAxis {...AXIS} dataKey="precision" label={{ value: 'precision', angle: -90, position: 'insideLeft' }} />
          <Line data={view.pr.points} dataKey="precision" stroke={methodColor(view.method)} dot={false} isAnimationActive={false} type="stepAfter" name="PR" />
          <Scatter data={[{ recall: point.recall, precision: point.precision }]} dataKey="precision" fill="#c0392b" name="operating point" isAnimationActive={false} />
        </ComposedChart>
        <ComposedChart width={420} height={240} margin={{ top: 10, right: 10, bottom: 25, left: 0 }} data={view.costCurves.pc.map((pc, i) => ({ pc, lower: view.costCurves.lowerEnvelope[i], ...Object.fromEntries(view.costCurves.methods.map((m) => [m.label, m.envelope[i]])) }))}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis type="number" dataKey="pc" domain={[0, 1]} ticks={[0, 0.5, 1]} label={{ value: 'probability cost PC(+)', position: 'bottom', offset: 5 }} />
          <YAxis domain={[0, 0.5]} ticks={[0, 0.25, 0.5]} label={{ value: 'expected cost', angle: -90, position: 'insideLeft', fontSize: 11 }} />
          <Tooltip formatter={(v: unknown) => fmt(Number(v))} />
          {view.costCurves.methods.map((m) => (
            <Line key={m.index} dataKey={m.label} stroke={methodColor(m.index)} dot={false} isAnimationActive={false} />
          ))}
          <Line dataKey="lower" name="lower envelope" stroke="#222" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
          <Legend layout="vertical" align="right" verticalAlign="top" wrapperStyle={{ fontSize: 11, width: 130, paddingLeft: 8 }} />
        </ComposedChart>
      </div>
      <ExportButtons
        name="threshold"
        target={ref}
        rows={() => [{ method: view.label, threshold, ...Object.fromEntries(metrics), fpr: point.fpr, tn: point.confusion[order[0]][order[0]], fp: point.confusion[order[0]][order[1]], fn: point.confusion[order[1]][order[0]], tp: point.confusion[order[1]][order[1]] }]}
      />
    </section>
  );
}
