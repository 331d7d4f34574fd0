import { useEffect, useRef } from 'react';
import { boundsOf, drawPoints } from './canvasPlot';

/** The whole generated dataset as a scatter (canvas), coloured by class. */
export function DataScatter({ points, y, counts, size = 300 }: { points: Float32Array; y: Int32Array; counts: number[]; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    drawPoints(ctx, boundsOf(points), points, y, counts);
  }, [points, y, counts, size]);
  return <canvas ref={ref} width={size} height={size} className="scatter" data-testid="data-scatter" aria-label="Scatter plot of the dataset" />;
}
