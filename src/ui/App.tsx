import { lazy, Suspense, useEffect, useState } from 'react';
import { DataPanel } from './panels/DataPanel';
import { MethodsPanel } from './panels/MethodsPanel';
import { ModelPanel } from './panels/ModelPanel';
import { SweepPanel } from './panels/SweepPanel';
import { ResamplingPanel } from './panels/ResamplingPanel';
import { RunBar } from './panels/RunBar';
import { useLab, useLabDeferred } from './storeContext';

const loadResults = () => import('./results/Results');
const Results = lazy(loadResults);

function CopyLink() {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      title="The link holds the dataset, methods, model and seed: opening it reproduces this experiment."
      onClick={() => {
        void navigator.clipboard?.writeText(location.href).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? 'Link copied' : 'Copy link to this experiment'}
    </button>
  );
}

export function App() {
  const urlError = useLab((s) => s.urlError);
  // Deferred: the first mount of the charts is time-sliced instead of one long task.
  const hasRun = useLabDeferred((s) => s.run.methods.length > 0);
  useEffect(() => {
    // Fetch the charts while the user is still choosing methods.
    const id = setTimeout(() => void loadResults(), 300);
    return () => clearTimeout(id);
  }, []);
  return (
    <div className="app">
      <header>
        <h1>Imbalance Lab</h1>
        <p className="tagline">Compare rebalancing methods side by side. Everything runs in your browser; no data leaves it.</p>
        <CopyLink />
      </header>
      {urlError && (
        <div className="error-banner" role="alert" data-testid="url-error">
          The link could not be read, so the default experiment is shown instead: {urlError}
        </div>
      )}
      <div className="layout">
        <aside className="controls">
          <DataPanel />
          <MethodsPanel />
          <ModelPanel />
        </aside>
        <main className="results">
          <RunBar />
          <ResamplingPanel />
          <SweepPanel />
          {hasRun && (
            <Suspense fallback={<p className="hint">Loading charts…</p>}>
              <Results />
            </Suspense>
          )}
        </main>
      </div>
    </div>
  );
}
