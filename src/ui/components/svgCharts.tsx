/**
 * Small SVG charts for the views that update while training (loss curves, per-class recall).
 *
 * Why not recharts here: recharts 3 keeps an internal redux store per chart whose effects
 * dispatch synchronous re-renders; on the 2-core reference machine mounting two line charts and a
 * bar chart took 270–410 ms of one uninterruptible main-thread task, against a target of no task
 * over 50 ms while training. These charts are plain elements derived from props: a re-render is a
 * few hundred SVG attributes.
 */
import type { ReactNode } from 'react';

export interface Series {
  name: string;
  color: string;
  dash?: string;
  points: { x: number; y: number | null }[];
}

const fmtTick = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toFixed(2));

/** Up to `count` round tick values covering [0, max]. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(6)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(6)));
  return ticks;
}

const M = { left: 38, right: 8, top: 6, bottom: 22 };

function Frame({ width, height, yTicks, yMax, children, xLabels }: { width: number; height: number; yTicks: number[]; yMax: number; xLabels: ReactNode; children: ReactNode }) {
  const h = height - M.top - M.bottom;
  const y = (v: number) => M.top + h - (v / yMax) * h;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="svg-chart">
      {yTicks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} stroke="#e5e8ec" />
          <text x={M.left - 4} y={y(t) + 3} textAnchor="end" fontSize="10" fill="#555">
            {fmtTick(t)}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + h} stroke="#999" />
      <line x1={M.left} x2={width - M.right} y1={M.top + h} y2={M.top + h} stroke="#999" />
      {xLabels}
      {children}
    </svg>
  );
}

/** Lines over a numeric x axis (epochs); null y values break the line. `markers` draw labelled vertical lines (e.g. the DRW switch). */
export function LinePlot({ width, height, series, xMax, markers = [] }: { width: number; height: number; series: Series[]; xMax: number; markers?: { x: number; label: string }[] }) {
  const finite = series.flatMap((s) => s.points.map((p) => p.y)).filter((v): v is number => v !== null && Number.isFinite(v));
  const yTicks = niceTicks(Math.max(1e-6, ...finite));
  const yMax = yTicks[yTicks.length - 1];
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const px = (x: number) => M.left + ((x - 1) / Math.max(1, xMax - 1)) * w;
  const py = (v: number) => M.top + h - (Math.min(v, yMax) / yMax) * h;
  const xTicks = [1, Math.round(xMax / 2), xMax].filter((v, i, a) => a.indexOf(v) === i);
  return (
    <Frame
      width={width}
      height={height}
      yTicks={yTicks}
      yMax={yMax}
      xLabels={xTicks.map((t) => (
        <text key={t} x={px(t)} y={height - 8} textAnchor="middle" fontSize="10" fill="#555">
          {t}
        </text>
      ))}
    >
      {series.map((s) => {
        const d = s.points
          .map((p, i) => (p.y === null || !Number.isFinite(p.y) ? null : `${i === 0 || s.points[i - 1].y === null ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`))
          .filter(Boolean)
          .join('');
        return <path key={s.name} className="series" data-series={s.name} d={d} fill="none" stroke={s.color} strokeWidth={1.5} strokeDasharray={s.dash} />;
      })}
      {markers.map((m) => (
        <g key={m.label} className="marker" data-marker={m.label} data-x={m.x}>
          <line x1={px(m.x)} x2={px(m.x)} y1={M.top} y2={M.top + h} stroke="#888" strokeDasharray="2 2" />
          <text x={px(m.x) + 2} y={M.top + 9} fontSize="9" fill="#555">
            {m.label}
          </text>
        </g>
      ))}
    </Frame>
  );
}

/** Bars grouped by category (classes), one bar per series (methods), values in [0, yMax]. */
export function GroupedBars({
  width,
  height,
  groups,
  series,
  yMax = 1,
}: {
  width: number;
  height: number;
  groups: string[];
  series: { name: string; color: string; values: (number | null)[] }[];
  yMax?: number;
}) {
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const slot = w / Math.max(1, groups.length);
  const bar = (slot * 0.8) / Math.max(1, series.length);
  return (
    <Frame
      width={width}
      height={height}
      yTicks={niceTicks(yMax)}
      yMax={yMax}
      xLabels={groups.map((g, i) => (
        <text key={g} x={M.left + slot * (i + 0.5)} y={height - 8} textAnchor="middle" fontSize="10" fill="#333">
          {g}
        </text>
      ))}
    >
      {groups.map((g, i) =>
        series.map((s, j) => {
          const v = s.values[i];
          if (v === null || !Number.isFinite(v)) return null;
          const bh = (Math.min(v, yMax) / yMax) * h;
          return (
            <rect key={`${g}-${s.name}`} className="bar" x={M.left + slot * i + slot * 0.1 + bar * j} y={M.top + h - bh} width={Math.max(1, bar - 1)} height={bh} fill={s.color}>
              <title>{`${s.name} · ${g}: ${v.toFixed(3)}`}</title>
            </rect>
          );
        }),
      )}
    </Frame>
  );
}

/** HTML legend (keeps text out of the SVG so it wraps). */
export function Legend({ items }: { items: { name: string; color: string; dash?: boolean }[] }) {
  return (
    <div className="chart-legend">
      {items.map((i) => (
        <span key={i.name}>
          <span className={`legend-swatch${i.dash ? ' dashed' : ''}`} style={{ borderColor: i.color, background: i.dash ? 'transparent' : i.color }} />
          {i.name}
        </span>
      ))}
    </div>
  );
}
