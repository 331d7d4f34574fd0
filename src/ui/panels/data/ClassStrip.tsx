import { classColor } from '../../palette';

/**
 * A tiny strip of class sizes: one segment per class, its width the class's share of the rows,
 * so the imbalance is visible at a glance before anything is loaded.
 */
export function ClassStrip({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts);
  const total = entries.reduce((a, [, n]) => a + n, 0) || 1;
  return (
    <div className="class-strip" role="img" aria-label={`Class sizes: ${entries.map(([name, n]) => `${name} ${n}`).join(', ')}`}>
      {entries.map(([name, n], c) => (
        <span key={name} style={{ flexGrow: n / total, background: classColor(c) }} title={`${name}: ${n}`} />
      ))}
    </div>
  );
}
