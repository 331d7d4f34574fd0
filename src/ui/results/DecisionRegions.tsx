import { useEffect, useRef } from 'react';
import type { WorkerMethodResult } from '../../../workers/labApi';
import { drawPoints, drawRegions, drawSynthetic } from '../components/canvasPlot';
import { methodColor } from '../palette';
import { useLabDeferred } from '../storeContext';

const SIZE = 220;

function RegionCanvas({ result, points, y, counts }: { result: WorkerMethodResult; points: Float32Array; y: Int32Array; counts: number[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    const grid = result.grid;
    if (!ctx || !grid) return;
    const nClasses = counts.length;
    drawRegions(ctx, grid, nClasses);
    const bounds = { xMin: grid.xMin, xMax: grid.xMax, yMin: grid.yMin, yMax: grid.yMax };
    drawPoints(ctx, bounds, points, y, counts, 1.8);
    if (result.synthetic) drawSynthetic(ctx, bounds, result.synthetic, points, (i) => y[result.synthetic!.parents[2 * i]] ?? 0);
  }, [result, points, y, counts]);
  return <canvas ref={ref} width={SIZE} height={SIZE} className="regions" />;
}

/** Decision regions as small multiples; SMOTE's synthetic points are hollow diamonds joined to their parents. */
export function DecisionRegions() {
  const methods = useLabDeferred((s) => s.run.methods);
  const data = useLabDeferred((s) => s.run.data);
  const withGrid = methods.filter((m) => m.result?.grid);
  if (!withGrid.length || !data) return null;
  return (
    <section className="result-block" aria-labelledby="regions-h">
      <h3 id="regions-h">Decision regions</h3>
      <p className="hint">Filled dots: real points. Hollow diamonds: synthetic training points, with a faint line between the two real points they were interpolated from.</p>
      <div className="multiples">
        {withGrid.map((m) => (
          <figure key={m.index} className="multiple" data-testid={`regions-${m.index}`}>
            <figcaption>
              <span className="swatch" style={{ background: methodColor(m.index) }} /> {m.label}
              {m.result!.synthetic ? ` · ${m.result!.synthetic.X.length / 2} synthetic` : ''}
            </figcaption>
            <RegionCanvas result={m.result!} points={data.points} y={data.y} counts={data.counts} />
          </figure>
        ))}
      </div>
    </section>
  );
}
