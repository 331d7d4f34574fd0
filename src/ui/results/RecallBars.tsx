import { useRef } from 'react';
import { ExportButtons } from '../components/ExportButtons';
import { GroupedBars, Legend } from '../components/svgCharts';
import { methodColor } from '../palette';
import { useLabDeferred } from '../storeContext';

/**
 * Per-class recall, one bar per method, classes ordered head → tail by training count. While a
 * method trains it shows the validation recall of its latest epoch; once done, the test recall.
 */
export function RecallBars() {
  const run = useLabDeferred((s) => s.run);
  const ref = useRef<HTMLDivElement>(null);
  if (!run.data || !run.methods.length) return null;
  const { classNames, trainCounts } = run.data;
  const order = classNames.map((_, c) => c).sort((a, b) => trainCounts[b] - trainCounts[a]);
  const series = run.methods.map((m) => ({
    name: m.label,
    color: methodColor(m.index),
    values: order.map((c) => {
      const v = m.result?.metrics?.perClass[c]?.recall ?? m.history.at(-1)?.valRecall?.[c] ?? null;
      return v === null || Number.isNaN(v) ? null : v;
    }),
  }));
  return (
    <section className="result-block" aria-labelledby="recall-h">
      <h3 id="recall-h">Per-class recall (head → tail; training count in brackets)</h3>
      <p className="hint">While a method trains: recall on the validation split at its latest epoch. When done: recall on the test split.</p>
      <div data-testid="recall-bars" ref={ref}>
        <GroupedBars width={Math.max(360, 120 * order.length)} height={200} groups={order.map((c) => `${classNames[c]} (${trainCounts[c]})`)} series={series} />
        <Legend items={series.map((s) => ({ name: s.name, color: s.color }))} />
      </div>
      <ExportButtons
        name="recall"
        target={ref}
        rows={() => order.flatMap((c, k) => series.map((s) => ({ class: classNames[c], training_rows: trainCounts[c], method: s.name, recall: s.values[k] ?? '' })))}
      />
    </section>
  );
}
