/** Okabe–Ito colour-blind-safe palette for classes; a distinct qualitative set for methods. */
export const CLASS_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000', '#999999', '#882255'];
export const METHOD_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#9c755f'];

export const classColor = (c: number) => CLASS_COLORS[c % CLASS_COLORS.length];
export const methodColor = (i: number) => METHOD_COLORS[i % METHOD_COLORS.length];

/** '#rrggbb' → [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
