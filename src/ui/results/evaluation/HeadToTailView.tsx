import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { selectEvaluationContext, selectHeadToTail } from '../../../state/evaluation';
import { ExportButtons } from '../../components/ExportButtons';
import { fmt } from '../../format';
import { methodColor } from '../../palette';
import { useLab, useLabDeferred } from '../../storeContext';

const SHOT_SHADE = { many: '#eef4fb', medium: '#f7f7f7', few: '#fdf0e8' } as const;

/**
 * Test accuracy of every class, ordered from head (most training rows) to tail, grouped
 * many / medium / few-shot as in the long-tail literature, with each method's head-vs-tail gap.
 */
export function HeadToTailView() {
  const ctx = useLabDeferred(selectEvaluationContext);
  const view = useLabDeferred(selectHeadToTail);
  const ref = useRef<HTMLDivElement>(null);
  const setEvaluation = useLab((s) => s.setEvaluation);
  const custom = useLab((s) => s.evaluation.shotThresholds);
  const error = useLab((s) => s.evaluationError);
  if (!ctx || !view) return null;
  const { thresholds } = view;
  // With several splits the table shows mean ± std over them; the bars are split 1's.
  const cell = (index: number, value: number | null, key: 'many' | 'medium' | 'few' | 'gap') => {
    const s = view.spread?.[key].get(index);
    return s && s.n > 0 ? `${fmt(s.mean)} ± ${fmt(s.std)}` : fmt(value);
  };
  const setThreshold = (key: 'many' | 'few', raw: string) => {
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) return;
    setEvaluation({ shotThresholds: { ...thresholds, [key]: value } });
  };
  const data = view.order.map((c) => ({
    name: `${ctx.classNames[c]} (${view.trainCounts[c]})`,
    shot: view.shot[c],
    ...Object.fromEntries(view.methods.map((m) => [m.label, Number.isNaN(m.perClass[c]) ? null : m.perClass[c]])),
  }));
  // Contiguous runs of one shot group along the head → tail axis, shaded behind the bars.
  const runs: { shot: keyof typeof SHOT_SHADE; from: string; to: string }[] = [];
  for (const d of data) {
    const last = runs.at(-1);
    if (last && last.shot === d.shot) last.to = d.name;
    else runs.push({ shot: d.shot, from: d.name, to: d.name });
  }
  return (
    <section className="result-block" aria-labelledby="h2t-h" data-testid="head-to-tail">
      <h3 id="h2t-h">Per-class accuracy, head → tail</h3>
      <p className="hint" data-testid="shot-thresholds">
        Many-shot: more than {fmt(thresholds.many, 0)} training rows; medium: {fmt(thresholds.few, 0)}–{fmt(thresholds.many, 0)}; few-shot: fewer than {fmt(thresholds.few, 0)}
        {view.scaled ? ' (scaled down from 100 / 20 because no class has more than 100 training rows)' : ''}. Bars: test recall of each class (training rows in brackets).
      </p>
      <div className="view-controls">
        <label>
          many-shot: more than{' '}
          <input type="number" data-testid="shot-many" min={0} step="any" key={`m${thresholds.many}`} defaultValue={thresholds.many} onBlur={(e) => setThreshold('many', e.target.value)} />
        </label>
        <label>
          few-shot: fewer than{' '}
          <input type="number" data-testid="shot-few" min={0} step="any" key={`f${thresholds.few}`} defaultValue={thresholds.few} onBlur={(e) => setThreshold('few', e.target.value)} />
        </label>
        {custom && (
          <button type="button" data-testid="shot-reset" onClick={() => setEvaluation({ shotThresholds: null })}>
            back to 100 / 20
          </button>
        )}
        {error && /shot thresholds/.test(error) && <span className="error-inline">{error}</span>}
      </div>
      <div ref={ref} className="chart-box">
        <BarChart width={Math.max(460, 70 * data.length + 120)} height={300} data={data} margin={{ top: 10, right: 20, bottom: 40, left: 10 }}>
          {runs.map((r) => (
            <ReferenceArea key={r.from} x1={r.from} x2={r.to} fill={SHOT_SHADE[r.shot]} fillOpacity={1} label={{ value: r.shot, position: 'insideTop', fontSize: 11 }} />
          ))}
          <CartesianGrid strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" height={50} fontSize={11} />
          <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} />
          <Tooltip formatter={(v: unknown) => fmt(Number(v))} />
          {view.methods.map((m) => (
            <Bar key={m.index} dataKey={m.label} fill={methodColor(m.index)} isAnimationActive={false} />
          ))}
          <Legend verticalAlign="top" height={30} wrapperStyle={{ fontSize: 12 }} />
        </BarChart>
      </div>
      <table className="metrics" data-testid="shot-table">
        <thead>
          <tr>
            <th>method</th>
            <th title="Accuracy over the test rows of many-shot classes">many{view.spread ? ` (mean ± std over ${view.spread.splits} splits)` : ''}</th>
            <th>medium</th>
            <th>few</th>
            <th title="many-shot minus few-shot accuracy: how much the tail is sacrificed">head − tail gap</th>
          </tr>
        </thead>
        <tbody>
          {view.methods.map((m) => (
            <tr key={m.index} data-testid={`shot-row-${m.index}`}>
              <td>
                <span className="swatch" style={{ background: methodColor(m.index) }} /> {m.label}
              </td>
              <td data-value={String(view.spread?.many.get(m.index)?.mean ?? m.many)}>{cell(m.index, m.many, 'many')}</td>
              <td data-value={String(view.spread?.medium.get(m.index)?.mean ?? m.medium)}>{cell(m.index, m.medium, 'medium')}</td>
              <td data-value={String(view.spread?.few.get(m.index)?.mean ?? m.few)}>{cell(m.index, m.few, 'few')}</td>
              <td data-value={String(view.spread?.gap.get(m.index)?.mean ?? m.gap)}>{cell(m.index, m.gap, 'gap')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ExportButtons
        name="head-to-tail"
        target={ref}
        rows={() => view.order.flatMap((c) => view.methods.map((m) => ({ class: ctx.classNames[c], training_rows: view.trainCounts[c], shot: view.shot[c], method: m.label, accuracy: m.perClass[c] })))}
      />
    </section>
  );
}
