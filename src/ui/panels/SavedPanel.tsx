import { useState } from 'react';
import { METRIC_NAMES } from '../../core/metrics';
import type { LabState } from '../../state/types';
import { fmt } from '../format';
import { useLab, useLabStore } from '../storeContext';
import { download } from '../download';

const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Runs kept on this machine: reopen one (its results and its experiment), rename, delete. */
export function SavedPanel() {
  const { items, error } = useLab((s) => s.saved);
  const running = useLab((s) => s.run.status === 'running');
  const openSaved = useLab((s) => s.openSaved);
  const renameSaved = useLab((s) => s.renameSaved);
  const deleteSaved = useLab((s) => s.deleteSaved);
  const [editing, setEditing] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const compareSaved = useLab((s) => s.compareSaved);
  const comparison = useLab((s) => s.savedComparison);
  const config = useLab((s) => s.config);
  const importExperiment = useLab((s) => s.importExperiment);
  const importMessage = useLab((s) => s.importMessage);
  const store = useLabStore();
  const [scriptError, setScriptError] = useState<string | null>(null);
  const exportExperiment = () => {
    // The command line's config format: `imbalance-lab run --config experiment.json` runs it too.
    download(new Blob([JSON.stringify(config, null, 2) + '\n'], { type: 'application/json' }), 'imbalance-lab-experiment.json');
  };
  return (
    <details className="panel saved-panel" data-testid="saved-panel">
      <summary>Saved experiments ({items.length}) — kept in this browser, never uploaded</summary>
      <div className="view-controls">
        <button type="button" data-testid="export-experiment" onClick={exportExperiment} title="The experiment (data choice, split, methods, model, seed) as a JSON file; the command line runs it with 'imbalance-lab run --config'.">
          Export this experiment (.json)
        </button>
        <button
          type="button"
          data-testid="export-python"
          title="A runnable Python script (scikit-learn, imbalanced-learn, PyTorch) with the same data, protocol, methods and metrics, to check the results outside the browser."
          onClick={() => {
            // The script template is loaded on first use, not with the page.
            void import('../../state/pythonExport').then(async ({ experimentScript }) => {
              const r = await experimentScript(store.getState());
              if ('error' in r) return setScriptError(r.error);
              setScriptError(null);
              download(new Blob([r.text], { type: 'text/x-python' }), r.fileName);
            });
          }}
        >
          Export as a Python script
        </button>
        <label>
          Import an experiment file{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-experiment"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then((text) => importExperiment(text, file.name));
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {scriptError && (
        <p className="error-inline" role="alert" data-testid="python-error">
          {scriptError}
        </p>
      )}
      {importMessage && (
        <p className={importMessage.ok ? 'hint' : 'error-inline'} role={importMessage.ok ? 'status' : 'alert'} data-testid="import-message">
          {importMessage.text}
        </p>
      )}
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
              <input
                type="checkbox"
                aria-label={`Compare ${s.name}`}
                data-testid="saved-pick"
                checked={picked.includes(s.id)}
                onChange={(e) => setPicked(e.target.checked ? [...picked, s.id] : picked.filter((p) => p !== s.id))}
              />
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
      {items.length > 1 && (
        <button type="button" data-testid="saved-compare" disabled={picked.length < 2} onClick={() => void compareSaved(picked)}>
          Compare the {picked.length < 2 ? 'ticked' : picked.length} experiments side by side
        </button>
      )}
      {comparison && <SavedComparison runs={comparison} onClose={() => void compareSaved(null)} />}
    </details>
  );
}

const COMPARED = (['balancedAccuracy', 'f1Macro', 'gmean', 'mcc', 'rocAuc'] as const).map((key) => ({ key, label: METRIC_NAMES[key].short }));

/** Saved runs side by side: every method of every run with its headline metrics (means over splits). */
function SavedComparison({ runs, onClose }: { runs: NonNullable<LabState['savedComparison']>; onClose: () => void }) {
  return (
    <div data-testid="saved-comparison">
      <table className="metrics">
        <thead>
          <tr>
            <th>experiment</th>
            <th>method</th>
            {COMPARED.map((c) => (
              <th key={c.key}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.flatMap((r) =>
            r.methods.map((m, k) => (
              <tr key={`${r.id}-${m.index}`}>
                <td>{k === 0 ? `${r.name} (${when(r.savedAt)})` : ''}</td>
                <td>{m.label}</td>
                {COMPARED.map((c) => {
                  const res = m.result;
                  const v = res?.spread ? res.spread[c.key].mean : res?.metrics?.[c.key];
                  return <td key={c.key}>{m.status === 'done' && v !== undefined ? fmt(v) : '—'}</td>;
                })}
              </tr>
            )),
          )}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close the comparison
      </button>
    </div>
  );
}
