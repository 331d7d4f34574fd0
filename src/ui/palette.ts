/** Colour-blind-safe colours for classes and methods (one source for the app and the reports: core/palette.ts). */
export { CLASS_COLORS, METHOD_COLORS, classColor, methodColor } from '../core/palette';

/** '#rrggbb' → [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
