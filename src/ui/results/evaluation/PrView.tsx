import { useRef } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { selectEvaluationContext, selectPr } from '../../../state/evaluation';
import { ExportButtons } from '../../components/ExportButtons';
import { fmt } from '../../format';
import { methodColor } from '../../palette';
import { useLabDeferred } from '../../storeContext';
import { ClassPicker } from './ClassPicker';

const AXIS = { type: 'number' as const, domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1], allowDataOverflow: true };

/**
 * Precision–recall curves with average precision. Under heavy imbalance these separate methods
 * that ROC curves draw close together: the floor is the class's prevalence, not 0.5.
 */
export function PrView() {
  const ctx = useLabDeferred(selectEvaluationContext);
  const pr = useLabDeferred(selectPr);
  const ref = useRef<HTMLDivElement>(null);
  if (!ctx || !pr) return null;
  const positive = ctx.classNames[pr.positiveClass];
  return (
    <section className="result-block" aria-labelledby="pr-h" data-testid="pr-view">
      <h3 id="pr-h">Precision–recall curves</h3>
      <p className="hint">
        Precision of class <b>{positive}</b> against its recall over every threshold. A classifier that guesses scores the dotted prevalence line ({fmt(pr.prevalence)}), not 0.5.
      </p>
      <div className="view-controls">
        <ClassPicker testId="pr-class" />
      </div>
      <div ref={ref} className="chart-box">
        <ComposedChart width={700} height={360} margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis {...AXIS} dataKey="recall" label={{ value: 'recall', position: 'bottom', offset: 10 }} />
          <YAxis {...AXIS} dataKey="precision" label={{ value: 'precision', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={(v: unknown) => fmt(Number(v))} labelFormatter={(v: unknown) => `recall ${fmt(Number(v))}`} />
          <ReferenceLine y={pr.prevalence} stroke="#999" strokeDasharray="2 3" label={{ value: `prevalence ${fmt(pr.prevalence, 2)}`, position: 'insideBottomRight', fontSize: 11 }} />
          {pr.series.map((s) => (
            <Line key={s.index} data={s.points} dataKey="precision" name={`${s.label} (AP ${fmt(s.ap)})`} stroke={methodColor(s.index)} dot={false} isAnimationActive={false} type="stepAfter" />
          ))}
          <Legend layout="vertical" align="right" verticalAlign="top" wrapperStyle={{ fontSize: 12, width: 230, paddingLeft: 10 }} />
        </ComposedChart>
      </div>
      <ul className="view-summary">
        {pr.series.map((s) => (
          <li key={s.index} data-testid={`pr-ap-${s.index}`} data-value={String(s.ap)}>
            {s.label}: average precision {fmt(s.ap)} ({s.ap > pr.prevalence ? `${fmt(s.ap / pr.prevalence, 1)}× the prevalence` : 'no better than guessing'})
          </li>
        ))}
      </ul>
      <ExportButtons name="pr" target={ref} rows={() => pr.series.flatMap((s) => s.points.map((p) => ({ curve: s.label, ap: s.ap, recall: p.recall, precision: p.precision, threshold: p.threshold ?? '' })))} />
    </section>
  );
}
