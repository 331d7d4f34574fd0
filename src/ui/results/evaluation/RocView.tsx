import { useRef } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { selectEvaluationContext, selectRoc } from '../../../state/evaluation';
import { ExportButtons } from '../../components/ExportButtons';
import { fmt } from '../../format';
import { methodColor } from '../../palette';
import { useLab, useLabDeferred } from '../../storeContext';
import { ClassPicker } from './ClassPicker';
import { CostControls } from './CostControls';

const AXIS = { type: 'number' as const, domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1], allowDataOverflow: true };

/**
 * ROC curves of every method, the ROC convex hull over all of them (Provost & Fawcett), and the
 * iso-performance line for the chosen cost ratio and prior, which touches the hull at the best
 * operating point. Multi-class: one-vs-rest for the picked class.
 */
export function RocView() {
  const ctx = useLabDeferred(selectEvaluationContext);
  const roc = useLabDeferred(selectRoc);
  const costRatio = useLab((s) => s.evaluation.costRatio);
  const ref = useRef<HTMLDivElement>(null);
  if (!ctx || !roc) return null;
  const positive = ctx.classNames[roc.positiveClass];
  const onHull = new Set(roc.onHull);
  const labelOf = (i: number | null) => ctx.methods.find((m) => m.index === i)?.label ?? '';
  const best = roc.iso?.best;
  return (
    <section className="result-block" aria-labelledby="roc-h" data-testid="roc-view">
      <h3 id="roc-h">ROC curves and their convex hull</h3>
      <p className="hint">
        Each curve is one method&apos;s test scores for class <b>{positive}</b> against the rest, swept over every threshold; the dot on it is where the method&apos;s own
        decisions put it. A method is worth keeping only if it touches the dashed hull: every point below it is beaten by a mix of two points on it, whatever the costs and
        class priors.
      </p>
      <div className="view-controls">
        <ClassPicker testId="roc-class" />
        <CostControls />
      </div>
      <div ref={ref} className="chart-box">
        <ComposedChart width={700} height={360} margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis {...AXIS} dataKey="fpr" label={{ value: 'false positive rate', position: 'bottom', offset: 10 }} />
          <YAxis {...AXIS} dataKey="tpr" label={{ value: 'true positive rate', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={(v: unknown) => fmt(Number(v))} labelFormatter={(v: unknown) => `FPR ${fmt(Number(v))}`} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#bbb" strokeDasharray="3 3" ifOverflow="hidden" />
          {roc.series.map((s) => (
            <Line key={s.index} data={s.points} dataKey="tpr" name={`${s.label} (AUC ${fmt(s.auc)})`} stroke={methodColor(s.index)} dot={false} strokeWidth={onHull.has(s.index) ? 2.5 : 1.5} isAnimationActive={false} type="linear" />
          ))}
          {roc.operating
            .filter((o) => Number.isFinite(o.fpr) && Number.isFinite(o.tpr))
            .map((o) => (
              <Scatter key={`op-${o.index}`} data={[o]} dataKey="tpr" name={`${o.label}: its decisions`} fill={methodColor(o.index)} stroke="#fff" shape="circle" legendType="none" isAnimationActive={false} />
            ))}
          <Line data={roc.hull} dataKey="tpr" name="ROC convex hull" stroke="#222" strokeDasharray="6 4" dot={{ r: 3, fill: '#222' }} isAnimationActive={false} type="linear" />
          {roc.iso && <ReferenceLine segment={[{ x: roc.iso.line.from.fpr, y: roc.iso.line.from.tpr }, { x: roc.iso.line.to.fpr, y: roc.iso.line.to.tpr }]} stroke="#c0392b" ifOverflow="hidden" />}
          {best && <Scatter data={[best]} dataKey="tpr" name="best for these costs" fill="#c0392b" shape="diamond" isAnimationActive={false} />}
          <Legend layout="vertical" align="right" verticalAlign="top" wrapperStyle={{ fontSize: 12, width: 230, paddingLeft: 10 }} />
        </ComposedChart>
      </div>
      <ul className="view-summary">
        <li data-testid="roc-on-hull">
          On the hull: {roc.onHull.length ? roc.onHull.map(labelOf).join(', ') : 'no method (the diagonal is as good)'}.
          {roc.series.some((s) => !onHull.has(s.index)) && <> Dominated: {roc.series.filter((s) => !onHull.has(s.index)).map((s) => s.label).join(', ')}.</>}
        </li>
        {roc.hullStretches.length > 0 && (
          <li data-testid="roc-hull-stretches">
            Along the hull:{' '}
            {roc.hullStretches.map((h) => (h.from === h.to ? `${h.label} at FPR ${fmt(h.from, 2)}` : `${h.label} from FPR ${fmt(h.from, 2)} to ${fmt(h.to, 2)}`)).join(', then ')}.
          </li>
        )}
        {best && (
          <li data-testid="roc-best">
            With a false negative costing {fmt(costRatio, 2)}× a false positive and a prior of {fmt(roc.prior)} for {positive}, the best operating point is{' '}
            {best.method === null ? (best.fpr === 0 ? 'to predict nothing positive' : `to predict everything ${positive}`) : `${labelOf(best.method)} at threshold ${fmt(best.threshold)}`} (FPR {fmt(best.fpr)}, TPR {fmt(best.tpr)}; normalised expected cost {fmt(roc.iso!.cost)}).
          </li>
        )}
        {roc.series.map((s) => {
          const o = roc.operating.find((p) => p.index === s.index);
          return (
            <li key={s.index} data-testid={`roc-auc-${s.index}`} data-value={String(s.auc)}>
              {s.label}: AUC {fmt(s.auc)}; its decisions: FPR {fmt(o?.fpr)}, TPR {fmt(o?.tpr)}
            </li>
          );
        })}
      </ul>
      <ExportButtons
        name="roc"
        target={ref}
        rows={() => [
          ...roc.series.flatMap((s) => s.points.map((p) => ({ curve: s.label, auc: s.auc, fpr: p.fpr, tpr: p.tpr, threshold: p.threshold }))),
          ...roc.hull.map((v) => ({ curve: 'ROC convex hull', auc: '', fpr: v.fpr, tpr: v.tpr, threshold: v.threshold ?? '', method: v.label ?? '' })),
        ]}
      />
    </section>
  );
}
