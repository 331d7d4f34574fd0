import { methodColor } from '../palette';
import { useLabDeferred } from '../storeContext';

/** One confusion matrix per method (rows = true class, columns = predicted), shaded by row share. */
export function ConfusionMatrices() {
  const run = useLabDeferred((s) => s.run);
  const done = run.methods.filter((m) => m.result?.metrics);
  if (!done.length || !run.data) return null;
  const classNames = run.data.classNames;
  return (
    <section className="result-block" aria-labelledby="cm-h">
      <h3 id="cm-h">Confusion matrices (rows: true class, columns: predicted)</h3>
      <div className="multiples">
        {done.map((m) => {
          const cm = m.result!.metrics!.confusion;
          return (
            <figure key={m.index} className="multiple" data-testid={`confusion-${m.index}`}>
              <figcaption style={{ color: methodColor(m.index) }}>{m.label}</figcaption>
              <table className="confusion">
                <thead>
                  <tr>
                    <th />
                    {classNames.map((n) => (
                      <th key={n}>{n}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {cm.map((row, i) => {
                    const total = row.reduce((a, b) => a + b, 0) || 1;
                    return (
                      <tr key={i}>
                        <th>{classNames[i]}</th>
                        {row.map((v, j) => (
                          <td key={j} style={{ background: `rgba(${i === j ? '0,114,178' : '213,94,0'},${(0.08 + 0.7 * (v / total)).toFixed(3)})` }}>
                            {v}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
