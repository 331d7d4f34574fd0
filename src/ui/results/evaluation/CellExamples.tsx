import { useEffect, useRef } from 'react';
import type { ExampleView } from '../../../core/data/source';
import { CELL_EXAMPLES_SHOWN, selectCellExamples } from '../../../state/evaluation';
import { useLab, useLabDeferred } from '../../storeContext';

/** Display size of an example image in CSS pixels (small images are scaled up, pixelated). */
const SHOW = 48;

function ExampleImage({ view, title }: { view: Extract<ExampleView, { kind: 'image' }>; title: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [height, width, channels] = view.shape;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    for (let p = 0; p < width * height; p++) {
      const src = p * channels;
      const r = view.pixels[src];
      img.data[p * 4] = r * 255;
      img.data[p * 4 + 1] = (channels === 3 ? view.pixels[src + 1] : r) * 255;
      img.data[p * 4 + 2] = (channels === 3 ? view.pixels[src + 2] : r) * 255;
      img.data[p * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [view, width, height, channels]);
  const scale = SHOW / Math.max(width, height);
  return <canvas ref={ref} className="thumb" width={width} height={height} style={{ width: width * scale, height: height * scale }} role="img" aria-label={title} title={title} />;
}

/** The test rows of the clicked confusion cell: image thumbnails, or the rows' cells as loaded. */
export function CellExamples() {
  const cell = useLabDeferred(selectCellExamples);
  const setEvaluation = useLab((s) => s.setEvaluation);
  if (!cell) return null;
  const what = `${cell.total} test row${cell.total === 1 ? '' : 's'} of class ${cell.actual} predicted as ${cell.predicted} by ${cell.label}`;
  const rows = (cell.examples ?? []).filter((e): e is Extract<ExampleView, { kind: 'cells' }> => e.kind === 'cells');
  return (
    <div className="cell-examples" data-testid="cell-examples" data-total={cell.total}>
      <p>
        <b>{what}</b>
        {cell.total > CELL_EXAMPLES_SHOWN && ` (the first ${CELL_EXAMPLES_SHOWN} shown)`}.{' '}
        <button type="button" onClick={() => setEvaluation({ cell: null })}>
          close
        </button>
      </p>
      {cell.unavailable && <p className="hint">{cell.unavailable}</p>}
      {cell.examples && cell.examples.length > 0 && cell.examples[0].kind === 'image' && (
        <div className="thumbs" data-testid="cell-example-images">
          {cell.examples.map((e, k) => (e.kind === 'image' ? <ExampleImage key={k} view={e} title={`${cell.actual} → ${cell.predicted}`} /> : null))}
        </div>
      )}
      {rows.length > 0 && (
        <div className="cell-table-wrap">
          <table className="metrics" data-testid="cell-example-rows">
            <thead>
              <tr>
                {rows[0].cells.map((c) => (
                  <th key={c.name}>{c.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, k) => (
                <tr key={k}>
                  {r.cells.map((c, j) => (
                    <td key={j}>{c.value}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
