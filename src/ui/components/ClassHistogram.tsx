import { classColor } from '../palette';

const W = 300;
const H = 120;
const PAD = { left: 36, bottom: 30, top: 14 };

/**
 * Class counts as bars (plain SVG: it is on screen from the first paint, and keeping chart
 * libraries out of the initial bundle keeps that paint fast). Counts are written on the bars,
 * so the minority stays readable even when its bar is a sliver.
 */
export function ClassHistogram({ classNames, counts }: { classNames: string[]; counts: number[] }) {
  const max = Math.max(1, ...counts);
  const plotW = W - PAD.left - 4;
  const plotH = H - PAD.bottom - PAD.top;
  const slot = plotW / Math.max(1, counts.length);
  const barW = Math.max(4, slot * 0.7);
  return (
    <svg className="histogram" data-testid="class-histogram" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`Class counts: ${classNames.map((n, c) => `${n} ${counts[c]}`).join(', ')}`}>
      <line x1={PAD.left} x2={W - 4} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#999" />
      <text x={PAD.left - 4} y={PAD.top + 4} textAnchor="end" fontSize="10" fill="#555">
        {max}
      </text>
      <text x={PAD.left - 4} y={PAD.top + plotH} textAnchor="end" fontSize="10" fill="#555">
        0
      </text>
      {counts.map((count, c) => {
        const h = (count / max) * plotH;
        const x = PAD.left + c * slot + (slot - barW) / 2;
        return (
          <g key={c} data-class={classNames[c]}>
            <rect className="hist-bar" x={x} y={PAD.top + plotH - h} width={barW} height={Math.max(h, 0.5)} fill={classColor(c)}>
              <title>{`${classNames[c]}: ${count}`}</title>
            </rect>
            <text x={x + barW / 2} y={PAD.top + plotH - h - 2} textAnchor="middle" fontSize="10" fill="#222">
              {count}
            </text>
            <text x={x + barW / 2} y={H - PAD.bottom + 14} textAnchor="middle" fontSize="10" fill="#333">
              {classNames[c]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
