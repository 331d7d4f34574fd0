import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabStore } from './state/store';
import { decodeConfig, encodeConfig } from './state/urlCodec';
import { benchmarkBackend, benchmarkComparison, benchmarkSmoteInWorker, createWorkerPreviewer, runComparison, runSweep } from './workerClient/labClient';
import { App } from './ui/App';
import { StoreProvider } from './ui/storeContext';
import { createDataLoader } from './workerClient/dataClient';
import { lessonHash, parseLessonHash } from './lessons/lessons';
import { idbArchive } from './persist/idbArchive';
import { memoryArchive } from './state/runArchive';
import './ui/styles.css';

function readUrl() {
  try {
    return { ...decodeConfig(location.search), urlError: null };
  } catch (e) {
    const backend = new URLSearchParams(location.search).get('backend');
    return { config: null, backend: (['webgpu', 'webgl', 'wasm', 'cpu'].includes(backend ?? '') ? backend : 'auto') as never, urlError: e instanceof Error ? e.message : String(e) };
  }
}

const fromUrl = readUrl();
const store = createLabStore({ runner: runComparison, sweeper: runSweep, archive: typeof indexedDB === 'undefined' ? memoryArchive() : idbArchive(), previewer: createWorkerPreviewer(), loader: createDataLoader(), initialConfig: fromUrl.config, backendRequest: fromUrl.backend, urlError: fromUrl.urlError });

// The URL always holds the current experiment (never its results).
const syncUrl = () => {
  const { config, backendRequest } = store.getState();
  const next = encodeConfig(config, backendRequest);
  // The hash names the page (#metric-lab): keep it.
  if (next !== location.search) history.replaceState(null, '', next + location.hash);
};
syncUrl();
store.subscribe((s, prev) => {
  if (s.config !== prev.config || s.backendRequest !== prev.backendRequest) syncUrl();
});

// Lessons open by link (#lesson/<id>/<step>); walking them keeps the link in step.
const openLessonFromHash = () => {
  const l = parseLessonHash(location.hash);
  if (l) store.getState().openLesson(l.id, l.step);
};
openLessonFromHash();
addEventListener('hashchange', openLessonFromHash);
store.subscribe((s, prev) => {
  if (s.lesson === prev.lesson) return;
  const hash = s.lesson ? lessonHash(s.lesson.id, s.lesson.step) : location.hash.startsWith('#lesson/') ? '' : location.hash;
  if (hash !== location.hash) history.replaceState(null, '', location.pathname + location.search + hash);
});

// Test and benchmark hook: read-only access to the store, and the backend throughput benchmark.
(window as unknown as { __lab?: unknown }).__lab = { getState: store.getState, subscribe: store.subscribe, benchmark: benchmarkBackend, benchmarkSmote: benchmarkSmoteInWorker, benchmarkComparison };

// Offline after the first visit (the production build writes sw.js; see vite.config.ts).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('Offline use is not available:', e));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
