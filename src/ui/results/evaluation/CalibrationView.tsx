import { useRef, useState } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { selectCalibration } from '../../../state/evaluation';
import { ExportButtons } from '../../components/ExportButtons';
import { fmt } from '../../format';
import { methodColor } from '../../palette';
import { useLabDeferred } from '../../storeContext';

/**
 * Reliability diagram (accuracy against confidence, per bin) and expected calibration error of
 * each method, before and after prior correction (dividing by the training class priors).
 */
export function CalibrationView() {
  const view = useLabDeferred(selectCalibration);
  const [corrected, setCorrected] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  if (!view) return null;
  const { series, spread } = view;
  // With several splits the table shows mean ± std over them; the diagram is split 1's.
  const ece = (index: number, value: number, which: 'ece' | 'corrected') => {
    const s = spread?.[which].get(index);
    return s ? `${fmt(s.mean)} ± ${fmt(s.std)}` : fmt(value);
  };
  return (
    <section className="result-block" aria-labelledby="cal-h" data-testid="calibration">
      <h3 id="cal-h">Calibration</h3>
      <p className="hint">
        A calibrated model is right 80 % of the time when it says 80 %: its points sit on the diagonal. Re-weighting and re-sampling push probabilities towards the rare classes, so
        they over-predict them on a test split with the original priors. Prior correction divides each probability by its class&apos;s training prior: right for a balanced
        deployment, usually worse calibrated on a test split that keeps the training priors.
      </p>
      <div className="view-controls">
        <label>
          <input type="checkbox" data-testid="calibration-corrected" checked={corrected} onChange={(e) => setCorrected(e.target.checked)} /> after prior correction
        </label>
      </div>
      <div ref={ref} className="chart-box">
        <ComposedChart width={660} height={320} margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis type="number" dataKey="confidence" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} label={{ value: 'confidence (max probability)', position: 'bottom', offset: 10 }} />
          <YAxis type="number" dataKey="accuracy" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} label={{ value: 'accuracy', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={(v: unknown) => fmt(Number(v))} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#bbb" strokeDasharray="3 3" />
          {series.map((s) => (
            <Line
              key={s.index}
              data={(corrected ? s.corrected.bins : s.bins).filter((b) => b.count > 0)}
              dataKey="accuracy"
              name={`${s.label} (ECE ${fmt(corrected ? s.corrected.ece : s.ece)})`}
              stroke={methodColor(s.index)}
              isAnimationActive={false}
              dot={{ r: 2 }}
            />
          ))}
          <Legend layout="vertical" align="right" verticalAlign="top" wrapperStyle={{ fontSize: 12, width: 230, paddingLeft: 10 }} />
        </ComposedChart>
      </div>
      <table className="metrics" data-testid="calibration-table">
        <thead>
          <tr>
            <th>method</th>
            <th title="Expected calibration error, 15 equal-width bins">ECE{spread ? ` (mean ± std over ${spread.splits} splits)` : ''}</th>
            <th>ECE after prior correction</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.index} data-testid={`ece-${s.index}`}>
              <td>
                <span className="swatch" style={{ background: methodColor(s.index) }} /> {s.label}
              </td>
              <td data-value={String(spread?.ece.get(s.index)?.mean ?? s.ece)}>{ece(s.index, s.ece, 'ece')}</td>
              <td data-value={String(spread?.corrected.get(s.index)?.mean ?? s.corrected.ece)}>{ece(s.index, s.corrected.ece, 'corrected')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ExportButtons
        name="calibration"
        target={ref}
        rows={() =>
          series.flatMap((s) =>
            (['raw', 'prior-corrected'] as const).flatMap((kind) =>
              (kind === 'raw' ? s.bins : s.corrected.bins).map((b) => ({ method: s.label, scores: kind, lo: b.lo, hi: b.hi, count: b.count, confidence: b.confidence, accuracy: b.accuracy })),
            ),
          )
        }
      />
    </section>
  );
}
