import { COLUMN_CHOICES, type ColumnChoice } from '../../../core/config';
import type { ColumnView } from '../../../state/types';
import { useLab } from '../../storeContext';
import { count } from './format';

const USES: readonly (ColumnChoice | 'target')[] = ['target', ...COLUMN_CHOICES];
const PREVIEW_ROWS = 8;

/** The loaded table's first rows, with each column's inferred type and what it is used as. */
export function ColumnTable() {
  const columns = useLab((s) => s.data.columns);
  const rows = useLab((s) => s.data.sampleRows);
  const setColumnUse = useLab((s) => s.setColumnUse);
  if (columns.length === 0) return null;
  return (
    <div className="column-table-wrap" tabIndex={0} role="region" aria-label="Columns and first rows of the table">
      <table className="column-table" data-testid="column-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <ColumnHeader key={c.name} column={c} onUse={(use) => setColumnUse(c.name, use)} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PREVIEW_ROWS).map((row, r) => (
            <tr key={r}>
              {columns.map((c, i) => (
                <td key={c.name} className={c.use === 'target' ? 'target' : c.use === 'ignored' ? 'ignored' : undefined} title={row[i]}>
                  {row[i] === '' || row[i] === undefined ? <span className="missing">—</span> : row[i]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ColumnHeader({ column: c, onUse }: { column: ColumnView; onUse(use: ColumnChoice | 'target'): void }) {
  const tip = `${c.reason}${c.missing > 0 ? ` · ${count(c.missing)} missing` : ''}`;
  return (
    <th scope="col" className={c.use === 'target' ? 'target' : c.use === 'ignored' ? 'ignored' : undefined}>
      <div className="col-name" title={c.name}>
        {c.name}
      </div>
      <div className="col-type" title={tip}>
        {c.inferred}
        {c.missing > 0 && <span className="col-missing"> · {count(c.missing)} missing</span>}
      </div>
      <select value={c.use} onChange={(e) => onUse(e.target.value as ColumnChoice | 'target')} aria-label={`Use of column ${c.name}`} data-testid={`column-use-${c.name}`}>
        {USES.map((u) => (
          <option key={u} value={u}>
            {u}
          </option>
        ))}
      </select>
    </th>
  );
}
