import { useRef } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { selectSweepView } from '../../../state/evaluation';
import { ExportButtons } from '../../components/ExportButtons';
import { fmt } from '../../format';
import { useLabDeferred } from '../../storeContext';

/** Under-sampling alone in black; SMOTE amounts from light to dark orange. */
const FAMILY_COLORS: Record<number, string> = { 0: '#222222', 100: '#fdae6b', 200: '#fd8d3c', 300: '#e6550d', 400: '#c44103', 500: '#8c2d04' };
const AXIS = { type: 'number' as const, domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1], allowDataOverflow: true };

/** The sweep's operating points in ROC space: one curve per SMOTE amount, the hull over all, and the verdict. */
export default function SweepChart() {
  const result = useLabDeferred(selectSweepView);
  const ref = useRef<HTMLDivElement>(null);
  if (!result) return null;
  if (!result.view) {
    return (
      <div className="error-inline" role="alert" data-testid="sweep-error">
        {result.error}
      </div>
    );
  }
  const { families, hull, verdict } = result.view;
  return (
    <div data-testid="sweep-chart">
      <div ref={ref} className="chart-box">
        <ComposedChart width={700} height={380} margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis {...AXIS} dataKey="fpr" label={{ value: 'false positive rate', position: 'bottom', offset: 10 }} />
          <YAxis {...AXIS} dataKey="tpr" label={{ value: 'true positive rate', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={(v: unknown) => fmt(Number(v))} />
          <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#bbb" strokeDasharray="3 3" />
          {families.map((f) => (
            <Line key={f.smotePercent} data={f.points} dataKey="tpr" name={f.label} stroke={FAMILY_COLORS[f.smotePercent] ?? '#888'} dot={{ r: 3 }} isAnimationActive={false} type="linear" />
          ))}
          <Line data={hull} dataKey="tpr" name="ROC convex hull" stroke="#1f77b4" strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} type="linear" />
          <Legend layout="vertical" align="right" verticalAlign="top" wrapperStyle={{ fontSize: 12, width: 230, paddingLeft: 10 }} />
        </ComposedChart>
      </div>
      <p data-testid="sweep-verdict" data-smote-dominates={String(verdict.smoteDominates)}>
        {verdict.smoteDominates
          ? `The hull is made of SMOTE + under-sampling points only (${verdict.smoteVertices} vertices): on this data, SMOTE + under-sampling dominates under-sampling alone, as in the paper.`
          : verdict.underOnlyVertices > 0 && verdict.smoteVertices === 0
            ? `The hull is made of under-sampling-only points (${verdict.underOnlyVertices} vertices): on this data SMOTE does not help.`
            : `The hull mixes both: ${verdict.smoteVertices} vertices from SMOTE + under-sampling, ${verdict.underOnlyVertices} from under-sampling alone — each is best for some costs and priors.`}
      </p>
      {result.failed.length > 0 && (
        <p className="hint" data-testid="sweep-failed">
          {result.failed.length} variant{result.failed.length === 1 ? '' : 's'} could not train, e.g. SMOTE {result.failed[0].smotePercent}% / under-sampling {result.failed[0].underPercent}%: {result.failed[0].error}
        </p>
      )}
      <ExportButtons
        name="smote-sweep"
        target={ref}
        rows={() => families.flatMap((f) => f.points.map((p) => ({ smote_percent: p.smotePercent, under_percent: p.underPercent, fpr: p.fpr, tpr: p.tpr, auc: p.auc, train_counts: p.trainCounts.join('/') })))}
      />
    </div>
  );
}
