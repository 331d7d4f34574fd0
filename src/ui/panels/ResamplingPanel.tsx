import { useEffect, useMemo, useRef, useState } from 'react';
import { METHODS, methodLabel } from '../../core/methods';
import type { ResamplingPreview } from '../../core/resamplingPreview';
import type { DatasetPreview } from '../../state/preview';
import { boundsOf, drawPoints, drawRemoved, drawRings, drawSegment, drawSynthetic, nearestPoint, type Bounds } from '../components/canvasPlot';
import { classColor } from '../palette';
import { useLab } from '../storeContext';

const SIZE = 360;
const STEP_MS = 350;

/** The real points the resampler kept, gathered once per preview (not on every hover redraw). */
function keptPoints(data: DatasetPreview, view: ResamplingPreview): { points: Float32Array; y: Int32Array } {
  const removed = new Set(view.removedRows);
  const keptRows = Array.from(view.inputRows).filter((r) => !removed.has(r));
  const points = new Float32Array(keptRows.length * 2);
  const y = new Int32Array(keptRows.length);
  keptRows.forEach((r, i) => {
    points[2 * i] = data.points[2 * r];
    points[2 * i + 1] = data.points[2 * r + 1];
    y[i] = data.y[r];
  });
  return { points, y };
}

interface Props {
  data: DatasetPreview;
  view: ResamplingPreview;
  kept: { points: Float32Array; y: Int32Array };
  /** Synthetic points shown (all, or the first `step` during the walk-through). */
  step: number | null;
  hover: number;
}

function draw(ctx: CanvasRenderingContext2D, b: Bounds, { data, view, kept, step, hover }: Props) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, SIZE, SIZE);
  drawRemoved(ctx, b, data.points, view.removedRows, data.y);
  drawPoints(ctx, b, kept.points, kept.y, data.counts, 2.2);
  const shown = step ?? view.synthetic.y.length;
  drawSynthetic(ctx, b, { X: view.synthetic.X, parents: view.synthetic.parents }, data.points, (i) => view.synthetic.y[i], { count: shown, segments: false });
  const pt = (row: number): [number, number] => [data.points[2 * row], data.points[2 * row + 1]];
  const highlight = step !== null && step > 0 ? step - 1 : hover;
  if (highlight >= 0 && highlight < view.synthetic.y.length) {
    const a = view.synthetic.parents[2 * highlight];
    const c = view.synthetic.parents[2 * highlight + 1];
    const s: [number, number] = [view.synthetic.X[2 * highlight], view.synthetic.X[2 * highlight + 1]];
    if (step !== null && view.neighbours[highlight]) drawRings(ctx, b, Array.from(view.neighbours[highlight], pt), 'rgba(0,0,0,0.55)', 6, 1);
    if (a >= 0 && c >= 0) drawSegment(ctx, b, pt(a), pt(c), '#222', 1.5);
    if (a >= 0) drawRings(ctx, b, [pt(a)], '#000', 7, 2.5);
    if (c >= 0) drawRings(ctx, b, [pt(c)], '#555', 7, 1.5);
    drawRings(ctx, b, [s], classColor(view.synthetic.y[highlight]), 5, 3);
  }
}

/**
 * The resampling view: what the chosen method does to the training split before training —
 * kept points, removed points (faded crosses), synthetic points (hollow diamonds; hover one to
 * see the two points it was interpolated between), and a step-through of the synthetic points
 * for teaching (the parent, its k nearest same-class neighbours, the chosen neighbour, the new point).
 */
export function ResamplingPanel() {
  const methods = useLab((s) => s.config.methods);
  const data = useLab((s) => s.preview);
  const { methodIndex, preview: view, pending, error } = useLab((s) => s.resampling);
  const show = useLab((s) => s.showResampling);
  const [step, setStep] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [hover, setHover] = useState(-1);
  const ref = useRef<HTMLCanvasElement>(null);
  const bounds = useMemo(() => boundsOf(data.points), [data.points]);
  const kept = useMemo(() => (view && !view.error ? keptPoints(data, view) : null), [data, view]);

  useEffect(() => {
    setStep(null);
    setPlaying(false);
  }, [view]);

  useEffect(() => {
    if (!playing || !view) return;
    const id = setInterval(() => {
      setStep((s) => {
        const next = (s ?? 0) + 1;
        if (next >= Math.min(view.synthetic.y.length, view.neighbours.length)) setPlaying(false);
        return next;
      });
    }, STEP_MS);
    return () => clearInterval(id);
  }, [playing, view]);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx && view && kept) draw(ctx, bounds, { data, view, kept, step, hover });
  });

  const resamplingMethods = methods.map((m, i) => ({ m, i })).filter(({ m }) => METHODS[m.id].resampler);
  const nSynthetic = view?.synthetic.y.length ?? 0;
  const maxStep = Math.min(nSynthetic, view?.neighbours.length ?? 0);
  return (
    <section className="result-block" aria-labelledby="resampling-h" data-testid="resampling-panel">
      <h3 id="resampling-h">Resampling preview (before training)</h3>
      <label>
        method{' '}
        <select
          value={methodIndex ?? ''}
          onChange={(e) => show(e.target.value === '' ? null : Number(e.target.value))}
          data-testid="resampling-method"
          aria-label="Method to preview"
        >
          <option value="">— hidden —</option>
          {resamplingMethods.map(({ m, i }) => (
            <option key={i} value={i}>
              {methodLabel(m)}
            </option>
          ))}
        </select>
      </label>
      {pending && (
        <span className="hint" data-testid="resampling-pending">
          {' '}computing…
        </span>
      )}
      {error && (
        <p className="error-inline" role="alert">
          {error}
        </p>
      )}
      {view?.error && (
        <p className="error-inline" role="alert" data-testid="resampling-error">
          {view.error}
        </p>
      )}
      {view && !view.error && (
        <div className="resampling-body">
          <canvas
            ref={ref}
            width={SIZE}
            height={SIZE}
            className="scatter"
            data-testid="resampling-canvas"
            aria-label={`Training data after ${view.label}`}
            onMouseMove={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              setHover(nearestPoint(bounds, SIZE, SIZE, view.synthetic.X, e.clientX - r.left, e.clientY - r.top));
            }}
            onMouseLeave={() => setHover(-1)}
          />
          <div className="resampling-side">
            <table className="counts" data-testid="resampling-counts">
              <thead>
                <tr>
                  <th>class</th>
                  <th>before</th>
                  <th>after</th>
                </tr>
              </thead>
              <tbody>
                {data.classNames.map((name, c) => (
                  <tr key={name}>
                    <td>
                      <span className="swatch" style={{ background: classColor(c) }} /> {name}
                    </td>
                    <td>{view.countsBefore[c]}</td>
                    <td>{view.countsAfter[c]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="hint" data-testid="resampling-summary">
              {view.removedRows.length} removed · {nSynthetic} synthetic. Dots: kept; faded crosses: removed; hollow diamonds: synthetic (hover one for its parents).
            </p>
            {maxStep > 0 && (
              <div className="walkthrough">
                <strong>Step through</strong>
                <div className="walk-buttons">
                  <button type="button" onClick={() => setStep(0)} data-testid="walk-start">
                    start
                  </button>
                  <button type="button" onClick={() => setStep((s) => Math.min(maxStep, (s ?? 0) + 1))} disabled={step !== null && step >= maxStep} data-testid="walk-next">
                    next point
                  </button>
                  <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="walk-play">
                    {playing ? 'pause' : 'play'}
                  </button>
                  <button type="button" onClick={() => { setStep(null); setPlaying(false); }}>
                    show all
                  </button>
                </div>
                {step !== null && (
                  <p className="hint" data-testid="walk-caption">
                    {step === 0
                      ? 'Press “next point”: each step picks a minority point (thick ring), its k nearest same-class neighbours (thin rings), one of them (grey ring), and places the new point at a random spot on the segment between them.'
                      : `Point ${step} of ${nSynthetic}: made from the ringed sample and the grey-ringed neighbour.`}
                  </p>
                )}
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
