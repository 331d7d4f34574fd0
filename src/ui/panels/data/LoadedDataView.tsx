import { findBuiltin } from '../../../core/data/builtins';
import { useLab } from '../../storeContext';
import { ColumnTable } from './ColumnTable';
import { DataNotes } from './DataNotes';
import { ImageSummary } from './ImageSummary';
import { LongTailBuilder } from './LongTailBuilder';

/** The real data in use: its columns or images, notes, and the long-tail builder. */
export function LoadedDataView() {
  const loaded = useLab((s) => (s.config.dataset.kind === 'synthetic' ? null : s.data.loaded));
  const name = useLab((s) => (s.config.dataset.kind === 'synthetic' ? null : s.config.dataset.name));
  const origin = useLab((s) => s.config.dataset.kind);
  if (!loaded) return null;
  return (
    <div className="loaded-data" data-testid="loaded-data">
      <h3 className="loaded-name">
        {origin === 'upload' ? 'Your file' : 'Built-in'}: <span data-testid="loaded-name">{origin === 'builtin' ? (findBuiltin(name ?? '')?.title ?? name) : name}</span>
      </h3>
      {loaded.kind === 'table' ? <ColumnTable /> : <ImageSummary train={loaded.train} test={loaded.test} />}
      <DataNotes />
      <LongTailBuilder />
    </div>
  );
}
