import { imbalanceRatio, type BuiltinDataset } from '../../../core/data/builtins';
import { ClassStrip } from './ClassStrip';
import { count, ratio } from './format';

interface Props {
  dataset: BuiltinDataset;
  active: boolean;
  loading: boolean;
  onLoad(): void;
}

/** One built-in dataset: what it is, its shape and imbalance, what the minority means, where it comes from. */
export function BuiltinCard({ dataset: d, active, loading, onLoad }: Props) {
  const classes = Object.keys(d.classCounts).length;
  const action = loading ? 'Loading…' : active ? 'Reload' : 'Load';
  return (
    <li className={`builtin-card${active ? ' active' : ''}`} data-testid={`builtin-card-${d.id}`} data-active={active ? 'true' : 'false'} aria-current={active ? 'true' : undefined}>
      <div className="builtin-head">
        <strong>{d.title}</strong>
        {active && <span className="badge">in use</span>}
        <button
          type="button"
          onClick={() => onLoad()}
          disabled={loading}
          data-testid={`builtin-load-${d.id}`}
          aria-label={`${action} ${d.title}`}
          title={active ? 'Load again (column choices are reset)' : undefined}
        >
          {action}
        </button>
      </div>
      <p className="builtin-desc">{d.description}</p>
      <p className="builtin-facts">
        {count(d.rows)} {d.kind === 'image' ? 'images' : 'rows'} · {d.kind === 'image' ? `${d.features} pixels` : `${d.features} features`}
        {d.categoricalFeatures > 0 && ` · ${d.categoricalFeatures} categorical`} · {classes} classes · imbalance {ratio(imbalanceRatio(d.classCounts))}
      </p>
      <ClassStrip counts={d.classCounts} />
      <p className="builtin-minority">{d.minorityMeaning}</p>
      <details className="builtin-source">
        <summary>Source &amp; licence</summary>
        <p>Licence: {d.licence}</p>
        <p className="citation">{d.citation}</p>
      </details>
    </li>
  );
}
