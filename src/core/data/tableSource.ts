/**
 * A loaded table (CSV) as a Source: the schema is inferred and the user's choices applied, the
 * target column gives the labels (rows with an empty target are set aside as unlabeled, not
 * dropped silently), and features come from an encoder fitted on the training rows only
 * (median / most-frequent imputation, standardisation, one-hot, or category codes for SMOTE-NC).
 */
import type { ColumnChoice, LoadedDatasetConfig } from '../config';
import type { Matrix } from '../types';
import { codesToOneHot, encodeRows, fitTableEncoder, type TableEncoder } from './table/encoder';
import { featureColumns, inferSchema, withOverrides, type ColumnType, type TableSchema } from './table/inferSchema';
import { targetLabels } from './table/labels';
import type { Table } from './table/table';
import type { EncodedParts, Source } from './source';

/** Rows shown in the Data panel's preview table. */
export const TABLE_PREVIEW_ROWS = 8;

/** The inferred schema with the config's target and column choices applied. */
export function tableSchema(table: Table, dataset: Pick<LoadedDatasetConfig, 'target' | 'columns'>): TableSchema {
  const inferred = inferSchema(table, dataset.target ? { target: dataset.target } : {});
  const columnTypes: Record<string, ColumnType> = {};
  const ignored: string[] = [];
  for (const [name, choice] of Object.entries(dataset.columns ?? {})) {
    if (choice === 'ignored') ignored.push(name);
    else columnTypes[name] = choice;
  }
  return withOverrides(inferred, { columnTypes, ignored, ...(dataset.target ? { target: dataset.target } : {}) });
}

/** Standardisation parameters of the one-hot columns: numeric columns their train mean / std, indicator columns 0 / 1. */
function oneHotScaler(encoder: TableEncoder): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(encoder.oneHotWidth);
  const scale = new Float64Array(encoder.oneHotWidth).fill(1);
  let j = 0;
  for (const f of encoder.features) {
    if (f.kind === 'numeric') {
      mean[j] = f.mean;
      scale[j] = f.scale;
      j++;
    } else if (f.kind === 'boolean') j++;
    else j += f.categories.length;
  }
  return { mean, scale };
}

export function tableSource(table: Table, dataset: LoadedDatasetConfig): Source {
  const schema = tableSchema(table, dataset);
  // The target first: without classes nothing else matters, and its message says what to pick.
  const labels = targetLabels(table, schema);
  featureColumns(schema);
  // Plain loops: these run on the page for every preview, over up to a few hundred thousand rows.
  const labeled = new Int32Array(table.rows - labels.unlabeledRows.length);
  const y = new Int32Array(labeled.length);
  for (let i = 0, k = 0; i < table.rows; i++) {
    if (labels.y[i] < 0) continue;
    labeled[k] = i;
    y[k++] = labels.y[i];
  }
  const toTable = (rows: Int32Array) => {
    const out = new Int32Array(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = labeled[rows[k]];
    return out;
  };
  const notes = [...table.notes];
  if (labels.unlabeledRows.length > 0) {
    notes.push(
      `${labels.unlabeledRows.length} row${labels.unlabeledRows.length === 1 ? ' has' : 's have'} an empty target ('${labels.target}'): kept aside as unlabeled data, not trained or scored on.`,
    );
  }
  if (table.truncated) notes.push(`Only the first ${table.rows.toLocaleString('en')} rows were loaded (a stratified sample was asked for or the row limit was reached).`);
  return {
    kind: 'tabular',
    y,
    classNames: labels.classNames,
    unlabeled: labels.unlabeledRows.length,
    notes,
    example(row) {
      const r = labeled[row];
      // Every column as loaded (the target and ignored columns too): what the user would see in the file.
      return {
        kind: 'cells',
        cells: table.columns.map((col) => {
          const code = col.codes ? col.codes[r] : -1;
          const value = col.codes && col.levels ? (code >= 0 ? col.levels[code] : '') : Number.isNaN(col.numbers[r]) ? '' : String(col.numbers[r]);
          return { name: col.name, value };
        }),
      };
    },
    missingIn(rows) {
      const out: { column: string; count: number; strategy: 'median' | 'most frequent' }[] = [];
      for (const c of schema.columns) {
        if (c.role !== 'feature' || c.stats.missing === 0) continue;
        const col = table.columns[c.index];
        let count = 0;
        if (c.type === 'numeric') {
          for (let k = 0; k < rows.length; k++) if (Number.isNaN(col.numbers[labeled[rows[k]]])) count++;
        } else if (col.codes) {
          for (let k = 0; k < rows.length; k++) if (col.codes[labeled[rows[k]]] < 0) count++;
        }
        if (count > 0) out.push({ column: c.name, count, strategy: c.type === 'numeric' ? 'median' : 'most frequent' });
      }
      return out;
    },
    features(fitRows, rows, mode): EncodedParts {
      const encoder = fitTableEncoder(table, schema, toTable(fitRows));
      const encoded = rows.map((r) => encodeRows(table, encoder, toTable(r), mode));
      const first = encoded[0] ?? encodeRows(table, encoder, [], mode);
      return {
        parts: encoded.map((e) => e.X as Matrix),
        featureNames: first.featureNames,
        categoricalFeatures: first.categoricalFeatures,
        toModel: mode === 'codes' ? (X) => codesToOneHot(X, encoder) : (X) => X,
        scaler: oneHotScaler(encoder),
        imputed: encoder.imputedInTraining,
      };
    },
  };
}

/** What the Data panel shows of a table: each column's inferred type and current use, and the first rows as text. */
export interface TableView {
  columns: { name: string; inferred: string; reason: string; use: ColumnChoice | 'target'; missing: number }[];
  sampleRows: string[][];
  notes: string[];
}

/**
 * The preview of a table under the config's choices. Throws (ConfigError / DataError) only for an
 * override the column cannot hold; problems with the target (one class, …) are left to the
 * experiment preview, so the table stays on screen while the user picks another target.
 */
export function describeTable(table: Table, dataset: Pick<LoadedDatasetConfig, 'target' | 'columns'>): TableView {
  const schema = tableSchema(table, dataset);
  const columns = schema.columns.map((c) => ({
    name: c.name,
    inferred: c.inferredType,
    reason: c.reason,
    use: (c.role === 'target' ? 'target' : c.role === 'ignored' ? 'ignored' : c.type) as ColumnChoice | 'target',
    missing: c.stats.missing,
  }));
  const n = Math.min(TABLE_PREVIEW_ROWS, table.rows);
  const sampleRows = Array.from({ length: n }, (_, i) => table.columns.map((col) => cellText(col, i)));
  const notes = [...table.notes];
  for (const c of schema.columns) {
    if (c.role === 'ignored' && !dataset.columns?.[c.name]) notes.push(`Column '${c.name}' is ${c.reason.startsWith('ignored') ? '' : 'ignored: '}${c.reason}.`);
  }
  const target = schema.columns.find((c) => c.role === 'target');
  if (target && target.stats.missing > 0) {
    const n = target.stats.missing;
    notes.push(`${n} row${n === 1 ? ' has' : 's have'} an empty target ('${target.name}'): kept aside as unlabeled data, not trained or scored on.`);
  }
  if (table.dialect.decimalComma) notes.push(`Numbers use a decimal comma ('1,5' = 1.5); read as such.`);
  if (table.dialect.delimiter !== ',') notes.push(`Columns are separated by ${table.dialect.delimiter === '\t' ? 'tabs' : `'${table.dialect.delimiter}'`}.`);
  if (!table.dialect.header) notes.push('The first row holds data, not column names: columns are named column_1, column_2, ….');
  return { columns, sampleRows, notes: [...new Set(notes)] };
}

function cellText(col: Table['columns'][number], row: number): string {
  if (col.codes && col.levels) {
    const code = col.codes[row];
    if (code < 0) return '';
    const text = col.levels[code];
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  }
  const v = col.numbers[row];
  return Number.isNaN(v) ? '' : String(v);
}
