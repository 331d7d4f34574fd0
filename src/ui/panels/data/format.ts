/** Display formatting for the Data panel (fixed locale, so text is the same in every browser). */

export const count = (n: number) => n.toLocaleString('en-US');

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(n < 10 * 1024 ** 2 ? 1 : 0)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** "1:20.0", or "1:—" when there is no ratio (one class, no data). */
export const ratio = (r: number) => `1:${Number.isFinite(r) ? r.toFixed(1) : '—'}`;
