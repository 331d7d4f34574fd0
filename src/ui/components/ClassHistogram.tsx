import { useId } from 'react';
import { classColor } from '../palette';

const W = 300;
const H = 120;
const PAD = { left: 36, bottom: 30, top: 14 };

interface Props {
  classNames: string[];
  counts: number[];
  /**
   * Training rows per class. With it, classes with fewer than `fewShotBelow` training rows are
   * marked "few-shot" (the few-shot group of long-tailed recognition: under 20 training examples,
   * Liu et al. 2019, Large-Scale Long-Tailed Recognition in an Open World).
   */
  trainCounts?: number[];
  fewShotBelow?: number;
}

/**
 * Class counts as bars (plain SVG: it is on screen from the first paint, and keeping chart
 * libraries out of the initial bundle keeps that paint fast). Counts are written on the bars,
 * so the minority stays readable even when its bar is a sliver. Few-shot classes get a hatched
 * bar, a dashed outline and a "few" mark under their name, explained in a legend below.
 */
export function ClassHistogram({ classNames, counts, trainCounts, fewShotBelow = 20 }: Props) {
  const hatchId = `few-shot-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const max = Math.max(1, ...counts);
  const plotW = W - PAD.left - 4;
  const plotH = H - PAD.bottom - PAD.top;
  const slot = plotW / Math.max(1, counts.length);
  const barW = Math.max(4, slot * 0.7);
  const fewShot = counts.map((_, c) => trainCounts !== undefined && trainCounts[c] !== undefined && trainCounts[c] < fewShotBelow);
  const anyFew = fewShot.some(Boolean);
  const height = anyFew ? H + 10 : H;
  const label = classNames.map((n, c) => `${n} ${counts[c]}${fewShot[c] ? ' (few-shot)' : ''}`).join(', ');
  return (
    <>
      <svg className="histogram" data-testid="class-histogram" viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-label={`Class counts: ${label}`}>
        {anyFew && (
          <defs>
            <pattern id={hatchId} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="4" stroke="#fff" strokeWidth="1.6" />
            </pattern>
          </defs>
        )}
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
          const few = fewShot[c];
          const title = `${classNames[c]}: ${count}${trainCounts ? ` (${trainCounts[c]} for training${few ? ', few-shot' : ''})` : ''}`;
          return (
            <g key={c} data-class={classNames[c]} data-few-shot={few ? 'true' : undefined}>
              <rect
                className="hist-bar"
                x={x}
                y={PAD.top + plotH - h}
                width={barW}
                height={Math.max(h, 0.5)}
                fill={classColor(c)}
                stroke={few ? '#a12a1d' : undefined}
                strokeDasharray={few ? '2 1.5' : undefined}
              >
                <title>{title}</title>
              </rect>
              {few && h > 2 && <rect x={x} y={PAD.top + plotH - h} width={barW} height={h} fill={`url(#${hatchId})`} pointerEvents="none" />}
              <text x={x + barW / 2} y={PAD.top + plotH - h - 2} textAnchor="middle" fontSize="10" fill="#222">
                {count}
              </text>
              <text x={x + barW / 2} y={H - PAD.bottom + 14} textAnchor="middle" fontSize="10" fill="#333">
                {classNames[c]}
              </text>
              {few && (
                <text x={x + barW / 2} y={H - PAD.bottom + 25} textAnchor="middle" fontSize="8" fill="#a12a1d" className="few-shot-mark">
                  few
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {anyFew && (
        <p className="hist-legend" data-testid="few-shot-legend">
          <span className="few-shot-key" aria-hidden="true" /> few-shot: fewer than {fewShotBelow} training rows (
          {classNames.filter((_, c) => fewShot[c]).join(', ')}). Expect noisy scores for these classes.
        </p>
      )}
    </>
  );
}
