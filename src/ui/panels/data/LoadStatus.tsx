import { useLab } from '../../storeContext';
import { bytes, count } from './format';

/** A load in progress (with Cancel), what went wrong with the last one, and the offer to sample a too-large file. */
export function LoadStatus() {
  return (
    <>
      <LoadProgressBar />
      <LoadNotice />
      <LoadError />
      <TooLargeOffer />
    </>
  );
}

function LoadProgressBar() {
  const loading = useLab((s) => s.data.status === 'loading');
  const what = useLab((s) => s.data.what);
  const progress = useLab((s) => s.data.progress);
  const cancelLoad = useLab((s) => s.cancelLoad);
  if (!loading) return null;
  const fraction = progress?.fraction ?? 0;
  const unit = what?.format === 'images' ? 'images' : 'rows';
  return (
    <div className="load-progress" data-testid="load-progress" aria-live="polite">
      <div className="load-progress-row">
        <span className="load-what">
          Loading {what?.name ?? 'data'}
          {what?.bytes !== undefined && ` (${bytes(what.bytes)})`}…
        </span>
        <button type="button" onClick={() => cancelLoad()} data-testid="load-cancel">
          Cancel
        </button>
      </div>
      <progress value={fraction} max={1} aria-label={`Loading ${what?.name ?? 'data'}`} />
      <span className="load-count" data-testid="load-count">
        {(fraction * 100).toFixed(0)} % · {count(progress?.items ?? 0)} {unit}
      </span>
    </div>
  );
}

function LoadNotice() {
  const notice = useLab((s) => s.data.notice);
  if (!notice) return null;
  return (
    <div className="hint" role="status" data-testid="data-notice">
      {notice}
    </div>
  );
}

function LoadError() {
  const error = useLab((s) => s.data.error);
  const hasData = useLab((s) => s.data.loaded !== null || s.config.dataset.kind === 'synthetic');
  if (!error) return null;
  return (
    <div className="data-error" role="alert" data-testid="data-error">
      {error}
      {hasData && <div className="hint">The data shown below is still in use.</div>}
    </div>
  );
}

function TooLargeOffer() {
  const tooLarge = useLab((s) => s.data.tooLarge);
  const loading = useLab((s) => s.data.status === 'loading');
  const loadSample = useLab((s) => s.loadSample);
  if (!tooLarge) return null;
  return (
    <div className="too-large" data-testid="too-large">
      <p>
        This file is {bytes(tooLarge.bytes)}: too large to hold whole in this page. A stratified sample keeps each class's share of
        the rows.
      </p>
      <button type="button" onClick={() => loadSample(tooLarge.maxRows)} disabled={loading} data-testid="load-sample">
        Load a stratified sample of {count(tooLarge.maxRows)} rows
      </button>
    </div>
  );
}
