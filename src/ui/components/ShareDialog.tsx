import { useEffect, useState } from 'react';
import { shareSummary } from '../../state/shareSummary';
import { useLab } from '../storeContext';

/** The link as an SVG QR code (qrcode, loaded on first use), error correction M: readable from the back of a room. */
function QrCode({ text, size }: { text: string; size: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((QR) => QR.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then((s) => live && setSvg(s))
      .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [text]);
  if (failed) return <p className="hint">No QR code: {failed} Share the link instead.</p>;
  if (!svg) return <p className="hint">Drawing the QR code…</p>;
  return <div className="qr" data-testid="share-qr" role="img" aria-label="QR code of the link" style={{ width: size, height: size }} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/**
 * Share: the link (what it holds, in words, and what it cannot hold), copy with confirmation, and a
 * QR code that can fill the screen for a projector.
 */
export function ShareButton() {
  const [open, setOpen] = useState(false);
  const [big, setBig] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const config = useLab((s) => s.config);
  const summary = shareSummary(config);
  const link = typeof location !== 'undefined' ? location.href : '';
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') big ? setBig(false) : setOpen(false);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [open, big]);
  return (
    <>
      <button type="button" data-testid="share" onClick={() => setOpen(true)} title="The link holds the dataset, methods, model and seed: opening it reproduces this experiment.">
        Share this experiment
      </button>
      {open && (
        <div className="share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-h" data-testid="share-dialog">
          <h2 id="share-h">Share this experiment</h2>
          <label>
            link <input readOnly value={link} data-testid="share-link" onFocus={(e) => e.target.select()} />
          </label>
          <button
            type="button"
            data-testid="share-copy"
            onClick={() => {
              const done = () => setCopied('Copied. The link holds what is listed below.');
              const fail = () => setCopied('The browser did not allow copying: select the link and copy it by hand.');
              if (navigator.clipboard) navigator.clipboard.writeText(link).then(done, fail);
              else fail();
            }}
          >
            Copy link
          </button>
          {copied && (
            <p role="status" data-testid="share-copied">
              {copied}
            </p>
          )}
          <ul data-testid="share-summary">
            {summary.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          {summary.warning && (
            <p className="error-inline" data-testid="share-warning">
              {summary.warning}
            </p>
          )}
          <QrCode text={link} size={180} />
          <div className="share-actions">
            <button type="button" data-testid="share-qr-big" onClick={() => setBig(true)}>
              QR code full screen (for a projector)
            </button>
            <button type="button" data-testid="share-close" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          {big && (
            <div className="qr-fullscreen" data-testid="share-qr-fullscreen" onClick={() => setBig(false)} role="button" tabIndex={0} aria-label="Close the full-screen QR code">
              <QrCode text={link} size={Math.min(innerWidth, innerHeight) * 0.85} />
            </div>
          )}
        </div>
      )}
    </>
  );
}
