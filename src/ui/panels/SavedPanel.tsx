import { useState } from 'react';
import { useLab } from '../storeContext';

const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Runs kept on this machine: reopen one (its results and its experiment), rename, delete. */
export function SavedPanel() {
  const { items, error } = useLab((s) => s.saved);
  const running = useLab((s) => s.run.status === 'running');
  const openSaved = useLab((s) => s.openSaved);
  const renameSaved = useLab((s) => s.renameSaved);
  const deleteSaved = useLab((s) => s.deleteSaved);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <details className="panel saved-panel" data-testid="saved-panel">
      <summary>Saved experiments ({items.length}) — kept in this browser, never uploaded</summary>
      {error && (
        <p className="error-inline" role="alert" data-testid="saved-error">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="hint">Every run is saved here as it finishes (a reload or a crashed tab keeps the methods that had finished).</p>
      ) : (
        <ul className="saved-list">
          {items.map((s) => (
            <li key={s.id} data-testid={`saved-${s.id}`} data-status={s.status}>
              {editing === s.id ? (
                <input
                  aria-label="New name"
                  data-testid="saved-name-input"
                  defaultValue={s.name}
                  autoFocus
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void renameSaved(s.id, e.currentTarget.value).then(() => setEditing(null));
                    if (e.key === 'Escape') setEditing(null);
                  }}
                />
              ) : (
                <span className="saved-name" data-testid="saved-name">
                  {s.name}
                </span>
              )}
              <span className="hint">
                {when(s.savedAt)} · {s.methodsDone}/{s.methods} methods{s.status === 'partial' ? ' (interrupted)' : s.status === 'cancelled' ? ' (cancelled)' : ''}
              </span>
              <button type="button" data-testid="saved-open" disabled={running} onClick={() => void openSaved(s.id)}>
                Open
              </button>
              <button type="button" data-testid="saved-rename" onClick={() => setEditing(s.id)}>
                Rename
              </button>
              <button type="button" data-testid="saved-delete" onClick={() => void deleteSaved(s.id)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
