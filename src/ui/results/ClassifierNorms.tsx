import { GroupedBars, Legend } from '../components/svgCharts';
import { methodColor } from '../palette';
import { useLabDeferred } from '../storeContext';

/**
 * ‖w_c‖ of each method's final classifier layer, classes head → tail by training count: under
 * instance sampling head classes grow larger weights, which is the bias τ-normalisation removes
 * (Kang et al. 2020). Bars are scaled per method to its largest norm, so shapes compare.
 */
export function ClassifierNorms() {
  const run = useLabDeferred((s) => s.run);
  const done = run.methods.filter((m) => m.result?.classifierNorms);
  if (!run.data || !done.length) return null;
  const { classNames, trainCounts } = run.data;
  const order = classNames.map((_, c) => c).sort((a, b) => trainCounts[b] - trainCounts[a]);
  const series = done.map((m) => {
    const norms = m.result!.classifierNorms!;
    const top = Math.max(...norms) || 1;
    return { name: m.label, color: methodColor(m.index), values: order.map((c) => norms[c] / top) };
  });
  return (
    <section className="result-block" aria-labelledby="norms-h">
      <h3 id="norms-h">Classifier weight norms ‖w_c‖ (head → tail, each method scaled to its largest)</h3>
      <p className="hint">Head classes tend to grow larger last-layer weights, so the classifier leans towards them; τ-normalisation equalises the norms.</p>
      <div data-testid="classifier-norms">
        <GroupedBars width={Math.max(360, 120 * order.length)} height={180} groups={order.map((c) => `${classNames[c]} (${trainCounts[c]})`)} series={series} />
        <Legend items={series.map((s) => ({ name: s.name, color: s.color }))} />
      </div>
    </section>
  );
}
