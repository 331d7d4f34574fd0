import Papa from 'papaparse';
import { download } from '../download';
import { useState, type RefObject } from 'react';

/** The chart's SVG as a standalone document (namespaced, white background, fonts inlined as attributes). */
function standaloneSvg(container: HTMLElement): { text: string; width: number; height: number } | null {
  // The chart's own surface, not a legend icon (also an svg.recharts-surface); with several charts, the largest.
  const surfaces = [...container.querySelectorAll<SVGSVGElement>('.recharts-wrapper > svg')];
  const area = (el: SVGSVGElement) => el.getBoundingClientRect().width * el.getBoundingClientRect().height;
  const svg = surfaces.sort((a, b) => area(b) - area(a))[0] ?? container.querySelector<SVGSVGElement>('svg');
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('font-family', 'system-ui, sans-serif');
  clone.setAttribute('font-size', '12');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  drawLegend(svg, clone);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

/**
 * recharts draws its legend as HTML beside the SVG; a downloaded chart needs it inside. Each legend
 * item becomes a colour key and a label at the same place relative to the chart.
 */
function drawLegend(svg: SVGSVGElement, clone: SVGSVGElement): void {
  const wrapper = svg.parentElement;
  if (!wrapper) return;
  const origin = svg.getBoundingClientRect();
  const ns = 'http://www.w3.org/2000/svg';
  for (const item of wrapper.querySelectorAll<HTMLElement>('.recharts-legend-item')) {
    const box = item.getBoundingClientRect();
    const icon = item.querySelector('svg path, svg line, svg rect');
    const color = icon?.getAttribute('stroke') && icon.getAttribute('stroke') !== 'none' ? icon.getAttribute('stroke')! : (icon?.getAttribute('fill') ?? '#333');
    const x = box.left - origin.left;
    const y = box.top - origin.top + box.height / 2;
    const key = document.createElementNS(ns, 'rect');
    key.setAttribute('x', String(x));
    key.setAttribute('y', String(y - 2));
    key.setAttribute('width', '12');
    key.setAttribute('height', '4');
    key.setAttribute('fill', color);
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', String(x + 16));
    label.setAttribute('y', String(y + 4));
    label.setAttribute('fill', color);
    label.textContent = item.textContent ?? '';
    clone.append(key, label);
  }
}

/** Rasterises the SVG at twice its size (sharp on high-DPI screens) into a PNG blob. */
function svgToPng(svg: { text: string; width: number; height: number }): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(svg.width * 2));
      canvas.height = Math.max(1, Math.round(svg.height * 2));
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('No 2-D canvas to draw the PNG on.'));
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG.'))), 'image/png');
    };
    img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  });
}

/**
 * PNG, SVG and CSV downloads for one view: the chart inside `target` (its SVG), and the view's
 * data as rows (`rows()` is called on click, so nothing is serialised until asked for).
 */
export function ExportButtons({
  name,
  target,
  rows,
  images = true,
  table = images,
}: {
  name: string;
  target: RefObject<HTMLElement | null>;
  rows: () => Record<string, unknown>[];
  /** Offer PNG and SVG (views with one chart); tables export CSV only. */
  images?: boolean;
  /** Offer the data as a table (the text alternative of a chart). */
  table?: boolean;
}) {
  const svgOf = () => (target.current ? standaloneSvg(target.current) : null);
  return (
    <>
      {table && <DataTable name={name} rows={rows} />}
      <div className="export-buttons" role="group" aria-label={`Export the ${name} view`}>
        {images && (
          <>
            <button
              type="button"
              data-testid={`export-${name}-png`}
              onClick={() => {
                const svg = svgOf();
                if (svg) void svgToPng(svg).then((b) => download(b, `${name}.png`));
              }}
            >
              PNG
            </button>
            <button
              type="button"
              data-testid={`export-${name}-svg`}
              onClick={() => {
                const svg = svgOf();
                if (svg) download(new Blob([svg.text], { type: 'image/svg+xml' }), `${name}.svg`);
              }}
            >
              SVG
            </button>
          </>
        )}
        <button type="button" data-testid={`export-${name}-csv`} onClick={() => download(new Blob([Papa.unparse(rows())], { type: 'text/csv' }), `${name}.csv`)}>
          CSV
        </button>
      </div>
    </>
  );
}

/** Rows shown in a chart's data table (the CSV has them all). */
const TABLE_ROWS = 300;

/**
 * The text alternative of a chart: its data as a table, built only when opened (the same rows the
 * CSV export writes).
 */
function DataTable({ name, rows }: { name: string; rows: () => Record<string, unknown>[] }) {
  const [open, setOpen] = useState(false);
  const data = open ? rows() : [];
  const columns = data.length ? Object.keys(data[0]) : [];
  const text = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : String(v ?? ''));
  return (
    <details className="chart-data" data-testid={`data-${name}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>The chart's data as a table</summary>
      {open && (
        <div className="chart-data-wrap">
          <table className="metrics">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.slice(0, TABLE_ROWS).map((r, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{text(r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {data.length > TABLE_ROWS && <p className="hint">The first {TABLE_ROWS} of {data.length} rows; the CSV has them all.</p>}
        </div>
      )}
    </details>
  );
}
