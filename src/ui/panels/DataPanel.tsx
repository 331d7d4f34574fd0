import { useState } from 'react';
import type { DatasetConfig } from '../../core/config';
import { useLab } from '../storeContext';
import { BuiltinList } from './data/BuiltinList';
import { DataSummary } from './data/DataSummary';
import { GeneratorControls } from './data/GeneratorControls';
import { LoadedDataView } from './data/LoadedDataView';
import { LoadStatus } from './data/LoadStatus';
import { SeedRow } from './data/SeedRow';
import { SourcePicker, type SourceTab } from './data/SourcePicker';
import { SplitControls } from './data/SplitControls';
import { UploadZone } from './data/UploadZone';

const TAB_OF: Record<DatasetConfig['kind'], SourceTab> = { synthetic: 'generated', builtin: 'builtin', upload: 'upload' };

/**
 * Where the data comes from (generated, built-in, the user's own), the real data in use, how it is
 * split for evaluation, and what it looks like. The tab shown follows the data in use whenever
 * that changes; picking "Generated" while real data is in use goes back to the generator.
 */
export function DataPanel() {
  const kind = useLab((s) => s.config.dataset.kind);
  const busy = useLab((s) => s.data.status === 'loading');
  // Not a hook despite its name: the store action that returns to the generator.
  const goSynthetic = useLab((s) => s.backToSynthetic);
  const [tab, setTab] = useState<SourceTab>(TAB_OF[kind]);
  const [shownKind, setShownKind] = useState(kind);
  if (kind !== shownKind) {
    setShownKind(kind);
    setTab(TAB_OF[kind]);
  }
  const select = (next: SourceTab) => {
    setTab(next);
    if (next === 'generated' && (kind !== 'synthetic' || busy)) goSynthetic();
  };
  return (
    <section className="panel data-panel" aria-labelledby="data-h">
      <h2 id="data-h">Data</h2>
      <SourcePicker tab={tab} onSelect={select} />
      {tab === 'generated' && kind === 'synthetic' && <GeneratorControls />}
      {tab === 'builtin' && <BuiltinList />}
      {tab === 'upload' && <UploadZone />}
      <LoadStatus />
      <LoadedDataView />
      <SplitControls />
      <SeedRow />
      <DataSummary />
    </section>
  );
}
