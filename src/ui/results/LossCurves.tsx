import { memo, useRef } from 'react';
import { ExportButtons } from '../components/ExportButtons';
import { Legend, LinePlot } from '../components/svgCharts';
import { methodColor } from '../palette';
import { useLabDeferred } from '../storeContext';

/** One method's curves; re-renders only when that method's history changes. */
const LossChart = memo(function LossChart({ index }: { index: number }) {
  const history = useLabDeferred((s) => s.run.methods[index]?.history);
  const epochs = useLabDeferred((s) => s.run.methods[index]?.epochs ?? 1);
  const label = useLabDeferred((s) => s.run.methods[index]?.label ?? '');
  const marker = useLabDeferred((s) => s.run.methods[index]?.marker ?? null);
  const color = methodColor(index);
  return (
    <figure className="multiple" data-testid={`loss-${index}`}>
      <figcaption>
        <span className="swatch" style={{ background: color }} /> {label}
      </figcaption>
      <LinePlot
        width={240}
        height={140}
        xMax={epochs}
        markers={marker ? [{ x: marker.epoch, label: marker.label }] : []}
        series={[
          { name: 'train', color, points: (history ?? []).map((h) => ({ x: h.epoch, y: h.loss })) },
          { name: 'validation', color: '#555', dash: '4 3', points: (history ?? []).map((h) => ({ x: h.epoch, y: h.valLoss })) },
        ]}
      />
      <Legend items={[{ name: 'train', color }, { name: 'validation', color: '#555', dash: true }]} />
    </figure>
  );
});

/** Training and validation loss per method, streamed while training (small multiples). */
export function LossCurves() {
  const count = useLabDeferred((s) => s.run.methods.length);
  const methods = useLabDeferred((s) => s.run.methods);
  const ref = useRef<HTMLDivElement>(null);
  if (!count) return null;
  return (
    <section className="result-block" aria-labelledby="loss-h">
      <h3 id="loss-h">Loss curves (x: epoch, y: training loss of the method, validation cross-entropy)</h3>
      <div className="multiples" ref={ref}>
        {Array.from({ length: count }, (_, i) => (
          <LossChart key={i} index={i} />
        ))}
      </div>
      <ExportButtons
        name="loss-curves"
        target={ref}
        images={false}
        table
        rows={() => methods.flatMap((m) => m.history.map((h) => ({ method: m.label, epoch: h.epoch, training_loss: h.loss, validation_loss: h.valLoss ?? '' })))}
      />
    </section>
  );
}
