import { BACKENDS, nextBackend, type BackendName, type BackendRequest } from '../../../workers/backendTypes';
import type { MethodRunState } from '../../state/types';
import { methodColor } from '../palette';
import { useLab } from '../storeContext';

/** A method's failure: what went wrong, and for a backend failure, a retry on the next backend. */
function MethodError({ error, canRetry, onRetry, testId }: { error: NonNullable<MethodRunState['error']>; canRetry: boolean; onRetry(b: BackendName): void; testId: string }) {
  const next = error.unexpected && error.backend ? nextBackend(error.backend) : null;
  return (
    <span className="error-inline" role="alert" data-testid={testId}>
      {error.unexpected && error.backend ? `Failed on ${error.backend}: ` : ''}
      {error.message}
      {next && canRetry && (
        <button type="button" onClick={() => onRetry(next)}>
          Retry on {next}
        </button>
      )}
    </span>
  );
}

export function RunBar() {
  const run = useLab((s) => s.run);
  const hasErrors = useLab((s) => Object.keys(s.fieldErrors).length > 0 || s.preview.error !== null);
  const backendRequest = useLab((s) => s.backendRequest);
  const startRun = useLab((s) => s.startRun);
  const cancelRun = useLab((s) => s.cancelRun);
  const retryMethod = useLab((s) => s.retryMethod);
  const setBackendRequest = useLab((s) => s.setBackendRequest);
  const running = run.status === 'running';
  const elapsed = run.finishedAt ? ((run.finishedAt - run.startedAt) / 1000).toFixed(1) : null;
  return (
    <section className="runbar" aria-label="Run control">
      <div className="runbar-row">
        <button type="button" className="primary" onClick={startRun} disabled={running || hasErrors} data-testid="run">
          {run.status === 'idle' ? 'Run comparison' : 'Re-run'}
        </button>
        <button type="button" onClick={cancelRun} disabled={!running} data-testid="cancel">
          Cancel
        </button>
        <span className="status" data-testid="run-status" data-status={run.status} data-run-id={run.id}>
          {run.status === 'idle' && 'Ready. Pick methods and press Run.'}
          {running && 'Training in Web Workers…'}
          {run.status === 'done' && `Finished in ${elapsed} s.`}
          {run.status === 'cancelled' && 'Cancelled.'}
        </span>
        <label className="backend-pick">
          backend{' '}
          <select value={backendRequest} onChange={(e) => setBackendRequest(e.target.value as BackendRequest)} aria-label="Backend">
            <option value="auto">auto</option>
            {BACKENDS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <span className="backend-badge" data-testid="backend" title={run.backend?.attempts.map((a) => `${a.backend}: ${a.ok ? 'ok' : a.reason}`).join('\n')}>
          {run.backend ? `running on ${run.backend.backend}${run.mainThreadFallback ? ' (main thread: workers unavailable)' : ''}` : 'backend: chosen at first run'}
        </span>
      </div>
      {hasErrors && <div className="error-inline">Fix the highlighted settings to run.</div>}
      {run.methods.length > 0 && (
        <ul className="progress-list">
          {run.methods.map((m) => (
            <li key={m.index} data-testid={`progress-${m.index}`} data-status={m.status}>
              <span className="swatch" style={{ background: methodColor(m.index) }} />
              <span className="plabel">{m.label}</span>
              <progress max={m.epochs * m.splits} value={m.status === 'done' ? m.epochs * m.splits : m.split * m.epochs + m.epoch} />
              <span className="pstate">
                {m.status === 'running' ? `${m.splits > 1 ? `split ${m.split + 1}/${m.splits} · ` : ''}epoch ${m.epoch}/${m.epochs}` : m.status}
              </span>
              {m.result?.trainedOn && (
                <span className="hint" data-testid={`trained-on-${m.index}`}>
                  trained on {m.result.trainedOn}
                </span>
              )}
              {m.result?.training && (
                <span className="hint" data-testid={`training-${m.index}`} title="Methods whose first training run differs only in the loss train as one batched computation; methods with the very same first run (same rows, seed and loss) share it. Each gets exactly the result it would get alone.">
                  {trainingNote(m.result.training, run.methods)}
                </span>
              )}
              {m.error && <MethodError error={m.error} canRetry={run.status !== 'running'} onRetry={(b) => retryMethod(m.index, b)} testId={`method-error-${m.index}`} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "same first run as cRT, τ-norm · batched with 3 others": how a method's training was shared. */
function trainingNote(training: { batchedWith: number[]; sharedWith: number[] }, methods: readonly { index: number; label: string }[]): string {
  const label = (i: number) => methods.find((m) => m.index === i)?.label ?? `method ${i + 1}`;
  const parts: string[] = [];
  if (training.sharedWith.length > 0) parts.push(`same first run as ${training.sharedWith.map(label).join(', ')}`);
  if (training.batchedWith.length > 0) parts.push(`batched with ${training.batchedWith.length} other${training.batchedWith.length === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
