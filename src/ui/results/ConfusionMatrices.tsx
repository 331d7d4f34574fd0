import { useRef } from 'react';
import { ExportButtons } from '../components/ExportButtons';
import { CellExamples } from './evaluation/CellExamples';
import { methodColor } from '../palette';
import { useLab, useLabDeferred } from '../storeContext';

/** One confusion matrix per method (rows = true class, columns = predicted), shaded by row share; counts or row rates. */
export function ConfusionMatrices() {
  const run = useLabDeferred((s) => s.run);
  const mode = useLab((s) => s.evaluation.confusionMode);
  const selected = useLab((s) => s.evaluation.cell);
  const setEvaluation = useLab((s) => s.setEvaluation);
  const ref = useRef<HTMLDivElement>(null);
  const done = run.methods.filter((m) => m.result?.metrics);
  if (!done.length || !run.data) return null;
  const classNames = run.data.classNames;
  return (
    <section className="result-block" aria-labelledby="cm-h">
      <h3 id="cm-h">Confusion matrices (rows: true class, columns: predicted)</h3>
      <p className="hint">Click a cell to see its test rows.</p>
      <div className="view-controls">
        <label>
          show{' '}
          <select data-testid="confusion-mode" value={mode} onChange={(e) => setEvaluation({ confusionMode: e.target.value as 'counts' | 'rows' })}>
            <option value="counts">counts</option>
            <option value="rows">row-normalised (recall on the diagonal)</option>
          </select>
        </label>
      </div>
      <div className="multiples">
        {done.map((m) => {
          const cm = m.result!.metrics!.confusion;
          return (
            <figure key={m.index} className="multiple" data-testid={`confusion-${m.index}`}>
              <figcaption>
                <span className="swatch" style={{ background: methodColor(m.index) }} /> {m.label}
              </figcaption>
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
                          <td
                            key={j}
                            data-testid={`cm-cell-${m.index}-${i}-${j}`}
                            className={selected?.method === m.index && selected.actual === i && selected.predicted === j ? 'cm-cell selected' : 'cm-cell'}
                            title={`List the ${v} test row${v === 1 ? '' : 's'} of class ${classNames[i]} predicted as ${classNames[j]}`}
                            tabIndex={0}
                            role="button"
                            aria-label={`${v} test rows of class ${classNames[i]} predicted as ${classNames[j]}: list them`}
                            onClick={() => setEvaluation({ cell: { method: m.index, actual: i, predicted: j } })}
                            onKeyDown={(e) => {
                              if (e.key !== 'Enter' && e.key !== ' ') return;
                              e.preventDefault();
                              setEvaluation({ cell: { method: m.index, actual: i, predicted: j } });
                            }}
                            style={{ background: `rgba(${i === j ? '0,114,178' : '213,94,0'},${(0.08 + 0.5 * (v / total)).toFixed(3)})` }}
                          >
                            {mode === 'rows' ? (row.some((x) => x > 0) ? (v / total).toFixed(2) : '—') : v}
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
      <CellExamples />
      <ExportButtons
        name="confusion"
        target={ref}
        images={false}
        rows={() => done.flatMap((m) => m.result!.metrics!.confusion.flatMap((row, i) => row.map((v, j) => ({ method: m.label, true_class: classNames[i], predicted_class: classNames[j], count: v }))))}
      />
    </section>
  );
}
