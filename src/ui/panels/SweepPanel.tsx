import { lazy, Suspense, useState } from 'react';
import type { SweepGrid } from '../../core/sweep/sweepGrid';
import { useLab } from '../storeContext';

const SweepChart = lazy(() => import('../results/evaluation/SweepChart'));

/**
 * One click runs the SMOTE paper's protocol on the current two-class data and model: classifiers
 * trained at many amounts of under-sampling, without and with SMOTE, drawn in ROC space with the
 * convex hull (Chawla et al. 2002, §6).
 */
export function SweepPanel() {
  const sweep = useLab((s) => s.sweep);
  const classes = useLab((s) => s.preview.classNames.length);
  const startSweep = useLab((s) => s.startSweep);
  const cancelSweep = useLab((s) => s.cancelSweep);
  const running = sweep.status === 'running';
  const [grid, setGrid] = useState<SweepGrid>('quick');
  return (
    <details className="panel sweep-panel" data-testid="sweep-panel" open={sweep.status !== 'idle' || undefined}>
      <summary>SMOTE paper sweep: does SMOTE + under-sampling beat under-sampling alone on this data?</summary>
      <p className="hint">
        Trains one classifier (the model set in the Model panel) for every amount of random under-sampling of the majority class, without SMOTE and with SMOTE at several amounts,
        and plots each one&apos;s operating point on the test split in ROC space, one curve per SMOTE amount, with the convex hull over all of them — the evaluation of Chawla et al.
        (2002). Two-class data only.
      </p>
      <div className="view-controls">
        <label>
          grid{' '}
          <select data-testid="sweep-grid" value={grid} disabled={running} onChange={(e) => setGrid(e.target.value as SweepGrid)}>
            <option value="quick">quick: 4 SMOTE amounts × 8 under-sampling amounts (32 runs)</option>
            <option value="paper">the paper&apos;s: 6 × 18 (108 runs)</option>
          </select>
        </label>
        {running ? (
          <button type="button" data-testid="sweep-cancel" onClick={cancelSweep}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            data-testid="sweep-run"
            disabled={classes !== 2}
            title={classes !== 2 ? `Needs two classes; this data has ${classes}.` : undefined}
            onClick={() => startSweep(grid)}
          >
            Run the sweep
          </button>
        )}
        {sweep.status !== 'idle' && (
          <span data-testid="sweep-status" data-status={sweep.status}>
            {sweep.points.length} / {sweep.total} classifiers trained{sweep.status === 'cancelled' ? ' (cancelled)' : ''}
            {sweep.backend ? ` on ${sweep.backend.backend}` : ''}
          </span>
        )}
        {running && <progress max={sweep.total} value={sweep.points.length} />}
      </div>
      {sweep.error && (
        <div className="error-inline" role="alert" data-testid="sweep-error">
          {sweep.error}
        </div>
      )}
      {sweep.points.length > 0 && (
        <Suspense fallback={<p className="hint">Loading the chart…</p>}>
          <SweepChart />
        </Suspense>
      )}
    </details>
  );
}
