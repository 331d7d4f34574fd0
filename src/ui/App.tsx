import { lazy, Suspense, useEffect, useState } from 'react';
import { DataPanel } from './panels/DataPanel';
import { MethodsPanel } from './panels/MethodsPanel';
import { ModelPanel } from './panels/ModelPanel';
import { SweepPanel } from './panels/SweepPanel';
import { SavedPanel } from './panels/SavedPanel';
import { ResamplingPanel } from './panels/ResamplingPanel';
import { RunBar } from './panels/RunBar';
import { ShareButton } from './components/ShareDialog';
import { LessonMenu, LessonPanel } from './lessons/LessonPanel';
import { findLesson } from '../lessons/lessons';
import { useLab, useLabDeferred } from './storeContext';

const loadResults = () => import('./results/Results');
const Results = lazy(loadResults);
const MetricLabPage = lazy(() => import('./metricLab/MetricLabPage'));

/** A stable empty list (a selector must not return a new array on every call). */
const NO_CONTROLS: readonly ('data' | 'methods' | 'model')[] = [];

/** The page the address names: `#metric-lab` opens the metric lab, anything else the workbench. */
function usePage(): 'workbench' | 'metric-lab' {
  const read = (): 'workbench' | 'metric-lab' => (location.hash === '#metric-lab' ? 'metric-lab' : 'workbench');
  const [page, setPage] = useState(read);
  useEffect(() => {
    const onHash = () => setPage(read());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return page;
}

export function App() {
  const urlError = useLab((s) => s.urlError);
  const hashPage = usePage();
  // A lesson step decides the page: the metric lab for its metric-lab steps, the workbench otherwise.
  const lessonPage = useLab((s) => (s.lesson ? (findLesson(s.lesson.id)?.steps[s.lesson.step]?.metricLab ? 'metric-lab' : 'workbench') : null));
  const page = lessonPage ?? hashPage;
  const presenting = useLab((s) => s.presenting);
  // In presenter mode only the panels the lesson step needs stay (none outside a lesson).
  const keep = useLab((s) => (s.lesson ? (findLesson(s.lesson.id)?.steps[s.lesson.step]?.controls ?? NO_CONTROLS) : NO_CONTROLS));
  const show = (panel: 'data' | 'methods' | 'model') => !presenting || keep.includes(panel);
  // Presenter mode scales everything sized in rem: the root's font size, not just the app's.
  useEffect(() => {
    document.documentElement.classList.toggle('presenting', presenting);
  }, [presenting]);
  // Deferred: the first mount of the charts is time-sliced instead of one long task.
  const hasRun = useLabDeferred((s) => s.run.methods.length > 0);
  useEffect(() => {
    // Fetch the charts while the user is still choosing methods.
    const id = setTimeout(() => void loadResults(), 300);
    return () => clearTimeout(id);
  }, []);
  return (
    <div className={presenting ? 'app presenting' : 'app'} data-testid="app" data-presenting={presenting}>
      <header>
        <h1>Imbalance Lab</h1>
        <p className="tagline">Compare rebalancing methods side by side. Everything runs in your browser; no data leaves it.</p>
        <LessonMenu />
        <nav className="pages" aria-label="Pages">
          <a href="#workbench" data-testid="nav-workbench" aria-current={page === 'workbench' ? 'page' : undefined}>
            Workbench
          </a>
          <a href="#metric-lab" data-testid="nav-metric-lab" aria-current={page === 'metric-lab' ? 'page' : undefined}>
            Metric lab
          </a>
        </nav>
        <ShareButton />
      </header>
      {urlError && (
        <div className="error-banner" role="alert" data-testid="url-error">
          The link could not be read, so the default experiment is shown instead: {urlError}
        </div>
      )}
      <LessonPanel />
      {page === 'metric-lab' ? (
        <Suspense fallback={<p className="hint">Loading the metric lab…</p>}>
          <MetricLabPage />
        </Suspense>
      ) : (
        <div className="layout">
          {(!presenting || keep.length > 0) && (
            <aside className="controls" data-testid="controls">
              {show('data') && <DataPanel />}
              {show('methods') && <MethodsPanel />}
              {show('model') && <ModelPanel />}
            </aside>
          )}
          <main className="results">
            <RunBar />
            <ResamplingPanel />
            <SweepPanel />
            <SavedPanel />
            {hasRun && (
              <Suspense fallback={<p className="hint">Loading charts…</p>}>
                <Results />
              </Suspense>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
