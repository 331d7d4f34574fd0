/**
 * Canvas drawing helpers for dense 2-D views (scatter, decision regions). Canvas, not SVG:
 * thousands of points and a 64×64 probability grid stay cheap to redraw.
 */
import { classColor, rgb } from '../palette';

export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export function boundsOf(points: ArrayLike<number>): Bounds {
  let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    xMin = Math.min(xMin, points[i]);
    xMax = Math.max(xMax, points[i]);
    yMin = Math.min(yMin, points[i + 1]);
    yMax = Math.max(yMax, points[i + 1]);
  }
  if (!Number.isFinite(xMin)) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const px = (xMax - xMin) * 0.05 || 1, py = (yMax - yMin) * 0.05 || 1;
  return { xMin: xMin - px, xMax: xMax + px, yMin: yMin - py, yMax: yMax + py };
}

export function projector(b: Bounds, w: number, h: number) {
  return (x: number, y: number): [number, number] => [((x - b.xMin) / (b.xMax - b.xMin)) * w, h - ((y - b.yMin) / (b.yMax - b.yMin)) * h];
}

/** Draws points coloured by class; minority classes last so they stay visible on top. */
export function drawPoints(ctx: CanvasRenderingContext2D, b: Bounds, points: ArrayLike<number>, y: ArrayLike<number>, counts: number[], radius = 2.2) {
  const { width: w, height: h } = ctx.canvas;
  const p = projector(b, w, h);
  const order = counts.map((c, i) => [c, i]).sort((a, b2) => b2[0] - a[0]).map(([, i]) => i);
  // Many points: small squares in one path per class (arcs with outlines cost ~10× more).
  const dense = y.length > 4000;
  for (const cls of order) {
    ctx.fillStyle = classColor(cls);
    ctx.strokeStyle = 'rgba(255,255,255,0.8)';
    ctx.lineWidth = 0.6;
    if (dense) ctx.beginPath();
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== cls) continue;
      const [px, py] = p(points[2 * i], points[2 * i + 1]);
      if (dense) {
        ctx.rect(px - 1, py - 1, 2, 2);
        continue;
      }
      ctx.beginPath();
      ctx.arc(px, py, radius, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    }
    if (dense) ctx.fill();
  }
}

/** Synthetic points as hollow diamonds with a faint segment to their two parents. */
export function drawSynthetic(
  ctx: CanvasRenderingContext2D,
  b: Bounds,
  synthetic: { X: Float32Array; parents: Int32Array },
  realPoints: ArrayLike<number>,
  cls: (i: number) => number,
  opts: { count?: number; segments?: boolean } = {},
) {
  const { width: w, height: h } = ctx.canvas;
  const p = projector(b, w, h);
  const n = Math.min(opts.count ?? Infinity, synthetic.X.length / 2);
  ctx.lineWidth = 0.5;
  ctx.strokeStyle = 'rgba(0,0,0,0.18)';
  for (let i = 0; i < n && opts.segments !== false; i++) {
    const a = synthetic.parents[2 * i], c = synthetic.parents[2 * i + 1];
    if (a < 0 || c < 0) continue;
    const [ax, ay] = p(realPoints[2 * a], realPoints[2 * a + 1]);
    const [cx, cy] = p(realPoints[2 * c], realPoints[2 * c + 1]);
    ctx.beginPath();
    ctx.moveTo(ax, ay);
    ctx.lineTo(cx, cy);
    ctx.stroke();
  }
  ctx.lineWidth = 1.2;
  for (let i = 0; i < n; i++) {
    const [x, y] = p(synthetic.X[2 * i], synthetic.X[2 * i + 1]);
    ctx.strokeStyle = classColor(cls(i));
    ctx.beginPath();
    ctx.moveTo(x, y - 3.2);
    ctx.lineTo(x + 3.2, y);
    ctx.lineTo(x, y + 3.2);
    ctx.lineTo(x - 3.2, y);
    ctx.closePath();
    ctx.stroke();
  }
}

/**
 * Paints class-probability regions: each cell takes the colour of its most likely class with
 * opacity growing with that probability (so uncertain areas fade to white).
 */
export function drawRegions(ctx: CanvasRenderingContext2D, grid: { resolution: number; probs: Float32Array }, nClasses: number) {
  const { resolution: r, probs } = grid;
  const img = ctx.createImageData(r, r);
  const colors = Array.from({ length: nClasses }, (_, c) => rgb(classColor(c)));
  for (let row = 0; row < r; row++) {
    for (let col = 0; col < r; col++) {
      const k = row * r + col;
      let best = 0;
      for (let c = 1; c < nClasses; c++) if (probs[k * nClasses + c] > probs[k * nClasses + best]) best = c;
      const conf = (probs[k * nClasses + best] - 1 / nClasses) / (1 - 1 / nClasses);
      const alpha = 0.12 + 0.45 * Math.max(0, Math.min(1, conf));
      const [cr, cg, cb] = colors[best];
      const o = ((r - 1 - row) * r + col) * 4; // row 0 is yMin: draw it at the bottom
      img.data[o] = Math.round(255 * (1 - alpha) + cr * alpha);
      img.data[o + 1] = Math.round(255 * (1 - alpha) + cg * alpha);
      img.data[o + 2] = Math.round(255 * (1 - alpha) + cb * alpha);
      img.data[o + 3] = 255;
    }
  }
  const off = document.createElement('canvas');
  off.width = r;
  off.height = r;
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, ctx.canvas.width, ctx.canvas.height);
}

/** Removed points: faded, with a small cross, so the eye sees what under-sampling threw away. */
export function drawRemoved(ctx: CanvasRenderingContext2D, b: Bounds, points: ArrayLike<number>, rows: ArrayLike<number>, y: ArrayLike<number>) {
  const p = projector(b, ctx.canvas.width, ctx.canvas.height);
  ctx.lineWidth = 1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const [x, yy] = p(points[2 * r], points[2 * r + 1]);
    const [cr, cg, cb] = rgb(classColor(y[r]));
    ctx.strokeStyle = `rgba(${cr},${cg},${cb},0.45)`;
    ctx.beginPath();
    ctx.moveTo(x - 2.5, yy - 2.5);
    ctx.lineTo(x + 2.5, yy + 2.5);
    ctx.moveTo(x + 2.5, yy - 2.5);
    ctx.lineTo(x - 2.5, yy + 2.5);
    ctx.stroke();
  }
}

/** Rings around points (neighbourhood highlights). */
export function drawRings(ctx: CanvasRenderingContext2D, b: Bounds, pts: [number, number][], color: string, radius: number, width = 1.5) {
  const p = projector(b, ctx.canvas.width, ctx.canvas.height);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  for (const [x0, y0] of pts) {
    const [x, y] = p(x0, y0);
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, Math.PI * 2);
    ctx.stroke();
  }
}

/** A line segment in data coordinates. */
export function drawSegment(ctx: CanvasRenderingContext2D, b: Bounds, from: [number, number], to: [number, number], color: string, width = 2) {
  const p = projector(b, ctx.canvas.width, ctx.canvas.height);
  const [x1, y1] = p(from[0], from[1]);
  const [x2, y2] = p(to[0], to[1]);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

/** Index of the point nearest to a canvas position, within `maxPx` pixels, or -1. */
export function nearestPoint(b: Bounds, w: number, h: number, points: ArrayLike<number>, px: number, py: number, maxPx = 8): number {
  const p = projector(b, w, h);
  let best = -1;
  let bestD = maxPx * maxPx;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const [x, y] = p(points[i], points[i + 1]);
    const d = (x - px) ** 2 + (y - py) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i / 2;
    }
  }
  return best;
}
