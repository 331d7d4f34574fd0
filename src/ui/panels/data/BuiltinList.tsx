import { BUILTIN_DATASETS } from '../../../core/data/builtins';
import { useLab } from '../../storeContext';
import { BuiltinCard } from './BuiltinCard';

/** The built-in real datasets, one card each; loading one replaces the current data when it arrives. */
export function BuiltinList() {
  const activeId = useLab((s) => (s.config.dataset.kind === 'builtin' ? s.config.dataset.name : null));
  const loadingId = useLab((s) => (s.data.status === 'loading' && s.data.what?.kind === 'builtin' ? s.data.what.name : null));
  const loadBuiltin = useLab((s) => s.loadBuiltin);
  return (
    <ul className="builtin-list source-body" data-testid="builtin-list" aria-label="Built-in datasets">
      {BUILTIN_DATASETS.map((d) => (
        <BuiltinCard key={d.id} dataset={d} active={d.id === activeId} loading={d.id === loadingId} onLoad={() => loadBuiltin(d.id)} />
      ))}
    </ul>
  );
}
