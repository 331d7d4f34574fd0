import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { methodColor } from '../palette';
import { useLabDeferred } from '../storeContext';

/**
 * Per-class recall, one bar per method. While a method trains it shows the validation recall of
 * its latest epoch; once done, the recall on the test split.
 */
export function RecallBars() {
  const run = useLabDeferred((s) => s.run);
  if (!run.data || !run.methods.some((m) => m.history.length > 0)) return null;
  const { classNames, trainCounts } = run.data;
  const order = classNames.map((_, c) => c).sort((a, b) => trainCounts[b] - trainCounts[a]);
  const data = order.map((c) => {
    const row: Record<string, number | string | null> = { name: `${classNames[c]} (${trainCounts[c]})` };
    for (const m of run.methods) {
      const test = m.result?.metrics?.perClass[c]?.recall;
      const live = m.history.at(-1)?.valRecall?.[c];
      row[m.label] = test ?? live ?? null;
    }
    return row;
  });
  return (
    <section className="result-block" aria-labelledby="recall-h">
      <h3 id="recall-h">Per-class recall (head → tail, training count in brackets)</h3>
      <div data-testid="recall-bars">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} />
            <YAxis domain={[0, 1]} tick={{ fontSize: 11 }} width={36} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(3) : String(v))} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {run.methods.map((m) => (
              <Bar key={m.index} dataKey={m.label} fill={methodColor(m.index)} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
