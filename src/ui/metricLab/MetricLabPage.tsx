import { useRef } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { LAB_METRICS, type LabMetric } from '../../core/metricLab/metricLab';
import { metricLabView } from '../../state/metricLab';
import { ExportButtons } from '../components/ExportButtons';
import { fmt } from '../format';
import { useLab } from '../storeContext';

const NAMES: Record<LabMetric, string> = {
  accuracy: 'accuracy',
  balancedAccuracy: 'balanced accuracy',
  precision: 'precision',
  recall: 'recall',
  f1: 'F1',
  gmean: 'G-mean',
  mcc: 'MCC',
  kappa: "Cohen's kappa",
  rocAuc: 'ROC AUC',
  prAuc: 'PR AUC',
};
/** Colour-blind-safe (Okabe–Ito and two extra); accuracy in vermillion, the metric that misleads. */
const COLORS: Record<LabMetric, string> = {
  accuracy: '#D55E00',
  balancedAccuracy: '#0072B2',
  precision: '#999999',
  recall: '#882255',
  f1: '#E69F00',
  gmean: '#009E73',
  mcc: '#CC79A7',
  kappa: '#999933',
  rocAuc: '#56B4E9',
  prAuc: '#000000',
};

/** A slider with its value, committing on every move (the lab recomputes in a few ms). */
function Slider({ id, label, min, max, step, value, onChange, format }: { id: string; label: string; min: number; max: number; step: number; value: number; onChange: (v: number) => void; format: (v: number) => string }) {
  return (
    <label className="lab-slider">
      {label}
      <input type="range" data-testid={`lab-${id}`} min={min} max={max} step={step} value={value} onChange={(e) => onChange(Number(e.target.value))} />
      <output data-testid={`lab-${id}-value`}>{format(value)}</output>
    </label>
  );
}

/**
 * The metric lab: how each metric of one fixed classifier moves as the imbalance grows from 1:1 to
 * 1:10,000 and labels get noisy — analytically (lines) and in simulated data sets (dots).
 */
export default function MetricLabPage() {
  const s = useLab((st) => st.metricLab);
  const error = useLab((st) => st.metricLabError);
  const setMetricLab = useLab((st) => st.setMetricLab);
  const view = metricLabView(s);
  const ref = useRef<HTMLDivElement>(null);
  const data = view.curve.map((p) => ({
    ratio: p.ratio,
    ...Object.fromEntries(s.shown.map((m) => [m, p.analytic[m]])),
    ...Object.fromEntries(s.shown.map((m) => [`${m}~sim`, p.simulated ? p.simulated[m] : null])),
  }));
  const logRatio = Math.log10(s.ratio);
  return (
    <section className="result-block metric-lab" aria-labelledby="lab-h" data-testid="metric-lab">
      <h2 id="lab-h">Metric lab: which metrics survive imbalance and label noise?</h2>
      <p className="hint">
        A hypothetical classifier finds a share <b>TPR</b> of the truly positive rows and wrongly flags a share <b>FPR</b> of the negative ones — it never changes. What changes is the
        data: one positive per <b>r</b> negatives, and a share <b>noise</b> of labels flipped. Lines: each metric computed exactly from the expected confusion matrix. Dots: the
        mean of {s.repeats} simulated data sets of {s.n.toLocaleString('en')} rows (at 1:10,000 that is about one positive per set — watch them scatter).
      </p>
      <div className="view-controls lab-controls">
        <Slider id="tpr" label="TPR" min={0} max={1} step={0.01} value={s.tpr} onChange={(tpr) => setMetricLab({ tpr })} format={(v) => v.toFixed(2)} />
        <Slider id="fpr" label="FPR" min={0} max={0.5} step={0.005} value={s.fpr} onChange={(fpr) => setMetricLab({ fpr })} format={(v) => v.toFixed(3)} />
        <Slider id="noise" label="label noise" min={0} max={0.3} step={0.005} value={s.noise} onChange={(noise) => setMetricLab({ noise })} format={(v) => `${(v * 100).toFixed(1)} %`} />
        <Slider
          id="ratio"
          label="table at 1:r"
          min={0}
          max={4}
          step={0.05}
          value={logRatio}
          onChange={(v) => setMetricLab({ ratio: Number((10 ** v).toPrecision(3)) })}
          format={() => `1:${s.ratio.toLocaleString('en')}`}
        />
        <label>
          rows per simulation{' '}
          <select data-testid="lab-n" value={s.n} onChange={(e) => setMetricLab({ n: Number(e.target.value) })}>
            {[1_000, 10_000, 100_000].map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en')}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="lab-shown">
        <legend>drawn</legend>
        {LAB_METRICS.map((m) => (
          <label key={m}>
            <span className="swatch" style={{ background: COLORS[m] }} />
            <input
              type="checkbox"
              data-testid={`lab-show-${m}`}
              checked={s.shown.includes(m)}
              onChange={(e) => setMetricLab({ shown: e.target.checked ? LAB_METRICS.filter((k) => k === m || s.shown.includes(k)) : s.shown.filter((k) => k !== m) })}
            />{' '}
            {NAMES[m]}
          </label>
        ))}
      </fieldset>
      {error && (
        <div className="error-inline" role="alert" data-testid="lab-error">
          {error}
        </div>
      )}
      <div ref={ref} className="chart-box">
        <ComposedChart width={760} height={400} data={data} margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis dataKey="ratio" type="number" scale="log" domain={[1, 10_000]} ticks={[1, 10, 100, 1000, 10000]} tickFormatter={(v: number) => `1:${v.toLocaleString('en')}`} label={{ value: 'imbalance ratio', position: 'bottom', offset: 10 }} />
          <YAxis domain={[-0.2, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} allowDataOverflow />
          <Tooltip formatter={(v: unknown) => fmt(Number(v))} labelFormatter={(v: unknown) => `1:${Number(v).toLocaleString('en')}`} />
          <ReferenceLine x={s.ratio} stroke="#999" strokeDasharray="3 3" />
          {s.shown.map((m) => (
            <Line key={m} dataKey={m} name={NAMES[m]} stroke={COLORS[m]} dot={false} strokeWidth={2} isAnimationActive={false} />
          ))}
          {s.shown.map((m) => (
            <Scatter key={`${m}~sim`} dataKey={`${m}~sim`} name={`${NAMES[m]} (simulated)`} fill={COLORS[m]} legendType="none" isAnimationActive={false} shape="circle" />
          ))}
          <Legend layout="vertical" align="right" verticalAlign="top" wrapperStyle={{ fontSize: 12, width: 170, paddingLeft: 10 }} />
        </ComposedChart>
      </div>
      <table className="metrics" data-testid="lab-table">
        <thead>
          <tr>
            <th>at 1:{s.ratio.toLocaleString('en')}, noise {(s.noise * 100).toFixed(1)} %</th>
            <th>exact</th>
            <th>one simulated set of {s.n.toLocaleString('en')} rows</th>
          </tr>
        </thead>
        <tbody>
          {LAB_METRICS.map((m) => (
            <tr key={m} data-testid={`lab-row-${m}`}>
              <td>{NAMES[m]}</td>
              <td data-value={String(view.analytic[m])}>{fmt(view.analytic[m])}</td>
              <td data-value={String(view.simulated[m])}>{fmt(view.simulated[m])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint" data-testid="lab-confusion">
        Expected confusion (share of rows): TP {fmt(view.confusion.tp, 4)}, FN {fmt(view.confusion.fn, 4)}, FP {fmt(view.confusion.fp, 4)}, TN {fmt(view.confusion.tn, 4)}. Simulated
        counts: TP {view.simulatedConfusion.tp}, FN {view.simulatedConfusion.fn}, FP {view.simulatedConfusion.fp}, TN {view.simulatedConfusion.tn}.
      </p>
      <ExportButtons name="metric-lab" target={ref} rows={() => view.curve.map((p) => ({ ratio: p.ratio, ...Object.fromEntries(LAB_METRICS.flatMap((m) => [[m, p.analytic[m]], [`${m}_simulated`, p.simulated?.[m] ?? '']])) }))} />
    </section>
  );
}
