import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { methodColor } from '../palette';
import { useLabDeferred } from '../storeContext';

/** One method's curves; re-renders only when that method's history changes. */
const LossChart = memo(function LossChart({ index }: { index: number }) {
  const history = useLabDeferred((s) => s.run.methods[index]?.history);
  const epochs = useLabDeferred((s) => s.run.methods[index]?.epochs ?? 1);
  const label = useLabDeferred((s) => s.run.methods[index]?.label ?? '');
  // Charts mount when their method starts, not all at once when the run starts: a chart's first
  // mount (layout, measuring) is the most expensive thing it does.
  if (!history?.length) {
    return (
      <figure className="multiple placeholder" data-testid={`loss-${index}`}>
        <figcaption style={{ color: methodColor(index) }}>{label}</figcaption>
        <div className="chart-placeholder">waiting for the first epoch…</div>
      </figure>
    );
  }
  return (
    <figure className="multiple" data-testid={`loss-${index}`}>
      <figcaption style={{ color: methodColor(index) }}>{label}</figcaption>
      <ResponsiveContainer width="100%" height={150}>
        <LineChart data={history} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="epoch" type="number" domain={[1, epochs]} tick={{ fontSize: 10 }} />
          <YAxis tick={{ fontSize: 10 }} width={40} domain={[0, 'auto']} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line type="monotone" dataKey="loss" name="train" stroke={methodColor(index)} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="valLoss" name="validation" stroke="#555" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

/** Training and validation loss per method, streamed while training (small multiples). */
export function LossCurves() {
  const count = useLabDeferred((s) => s.run.methods.length);
  if (!count) return null;
  return (
    <section className="result-block" aria-labelledby="loss-h">
      <h3 id="loss-h">Loss curves</h3>
      <div className="multiples">
        {Array.from({ length: count }, (_, i) => (
          <LossChart key={i} index={i} />
        ))}
      </div>
    </section>
  );
}
