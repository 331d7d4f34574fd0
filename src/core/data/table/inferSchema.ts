/**
 * Column types and roles of a loaded table, with a reason the preview shows next to each guess, and
 * the user's overrides (validated, so "make this text column numeric" fails with the count of cells
 * that are not numbers instead of silently turning them into missing values).
 */
import { ConfigError, DataError, got } from '../../errors';
import { booleanValue, quoteCell } from './cells';
import { MAX_LEVELS, type Table, type TableColumn } from './table';

export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'identifier' | 'constant' | 'empty';
export type ColumnRole = 'feature' | 'target' | 'ignored';

/** What inference saw in a column (kept in the schema so overrides can be checked without the table). */
export interface ColumnStats {
  rows: number;
  missing: number;
  numeric: number;
  /** Non-missing cells that are not numbers. */
  nonNumeric: number;
  /** Distinct non-missing values (exact when `distinctExact`, else a lower bound or an estimate). */
  distinct: number;
  distinctExact: boolean;
  /** A few values for messages (levels when known, else text examples). */
  examples: string[];
  /** Every level reads as a boolean (see `booleanValue`), with both meanings present. */
  booleanLike: boolean;
}

export interface ColumnSchema {
  name: string;
  /** Column index in the table. */
  index: number;
  type: ColumnType;
  role: ColumnRole;
  /** Why this type / role, in words for the preview. */
  reason: string;
  /** The type inference chose (equal to `type` unless the user overrode it). */
  inferredType: ColumnType;
  stats: ColumnStats;
}

export interface TableSchema {
  columns: ColumnSchema[];
  /** Name of the target column, null for a table without columns. */
  target: string | null;
  /** Why that column is the target. */
  targetReason: string;
  /** The one-hot cardinality cap the types were chosen with (categorical columns above it start ignored). */
  maxCategories: number;
  /** Fraction of text cells a column may hold and still be numeric (the text is then treated as missing). */
  textTolerance: number;
}

export interface InferOptions {
  /** A column with more than this fraction of missing cells is 'empty' (default 0.5). */
  emptyFraction?: number;
  /** Categorical columns with more distinct values start ignored (default 50, the encoder's cap). */
  maxCategories?: number;
  /** A column whose non-missing cells are at most this fraction text is still numeric (default 0.05). */
  textTolerance?: number;
  /** Rows needed before "every value is different" means identifier (default 20). */
  minRowsForIdentifier?: number;
  /** Use this column as the target instead of guessing. */
  target?: string;
}

/** Names (compared lower-cased and trimmed) that mark the target column, in order of preference. */
export const TARGET_NAMES: readonly string[] = ['label', 'class', 'target', 'y'];

const pct = (x: number) => `${Math.round(x * 100)} %`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function statsOf(col: TableColumn, rows: number): ColumnStats {
  const levels = col.levels;
  const distinct = levels ? levels.length : Math.max(MAX_LEVELS + 1, col.distinctTextEstimate);
  let booleanLike = false;
  if (levels && levels.length >= 2) {
    let t = 0;
    let f = 0;
    booleanLike = levels.every((l) => {
      const b = booleanValue(l);
      if (b === 1) t++;
      else if (b === 0) f++;
      return b !== -1;
    });
    booleanLike = booleanLike && t > 0 && f > 0;
  }
  return {
    rows,
    missing: col.missing,
    numeric: col.numeric,
    nonNumeric: col.nonNumeric,
    distinct,
    distinctExact: levels !== null,
    examples: (levels ?? col.textExamples).slice(0, 3),
    booleanLike,
  };
}

/** Whole numbers, strictly increasing by row, every row filled: a row number or a sequential ID. */
function isSequence(col: TableColumn, rows: number): boolean {
  if (col.numeric !== rows || col.integers !== rows) return false;
  const a = col.numbers;
  for (let i = 1; i < rows; i++) if (!(a[i] > a[i - 1])) return false;
  return true;
}

function inferColumn(col: TableColumn, rows: number, o: Required<Omit<InferOptions, 'target'>>): { type: ColumnType; reason: string; ignoredBecause?: string } {
  const present = rows - col.missing;
  if (present === 0) return { type: 'empty', reason: rows === 0 ? 'the table has no rows' : 'every cell is empty or missing' };
  if (col.missing / rows > o.emptyFraction) {
    return { type: 'empty', reason: `${pct(col.missing / rows)} of the cells are empty or missing (more than ${pct(o.emptyFraction)})` };
  }
  const stats = statsOf(col, rows);
  if (stats.distinctExact && stats.distinct === 1) return { type: 'constant', reason: `every non-empty cell holds the same value ${quoteCell(col.levels![0])}` };
  if (stats.booleanLike) {
    const shown = col.levels!.slice(0, 4).map((l) => quoteCell(l)).join(', ');
    return { type: 'boolean', reason: `only yes/no values (${shown}), read as 1 and 0` };
  }
  const missingNote = col.missing > 0 ? `; ${pct(col.missing / rows)} missing, imputed with the training median` : '';
  if (col.nonNumeric <= o.textTolerance * present && col.numeric > 0) {
    if (rows >= o.minRowsForIdentifier && isSequence(col, rows)) {
      return { type: 'identifier', reason: 'every value is a different whole number, in increasing order: looks like a row number or an ID' };
    }
    if (col.leadingZeros > 0 && col.integers === col.numeric && col.nonNumeric === 0) {
      const example = col.levels?.find((l) => /^[+-]?0\d/.test(l));
      return {
        type: 'categorical',
        reason: `whole numbers written with leading zeros (e.g. ${quoteCell(example ?? '007')}): looks like a code, not a quantity`,
        ...(stats.distinct > o.maxCategories ? { ignoredBecause: `${stats.distinctExact ? '' : 'more than '}${stats.distinctExact ? stats.distinct : MAX_LEVELS} distinct codes, more than the ${o.maxCategories} categories one-hot encoding allows` } : {}),
      };
    }
    const textNote = col.nonNumeric > 0 ? `; ${plural(col.nonNumeric, 'text cell')} (e.g. ${quoteCell(col.textExamples[0])}) treated as missing` : '';
    if (col.integers === col.numeric && stats.distinctExact && stats.distinct <= 10) {
      return { type: 'numeric', reason: `whole numbers with ${stats.distinct} distinct values; if they are codes for categories, switch the column to categorical${textNote}${missingNote}` };
    }
    return { type: 'numeric', reason: `numbers${textNote}${missingNote}` };
  }
  // Mostly text.
  const distinctText = col.distinctTextEstimate;
  const textCells = col.nonNumeric;
  if (present >= o.minRowsForIdentifier && textCells >= 0.95 * present && distinctText >= 0.95 * textCells) {
    return {
      type: 'identifier',
      reason: distinctText >= textCells && stats.distinctExact ? 'every value is unique text: looks like an identifier' : `almost every value is different text (about ${distinctText} distinct in ${textCells} cells): looks like an identifier`,
    };
  }
  const mixed = col.numeric > 0 ? ` (mixed with ${plural(col.numeric, 'number')}, read as categories too)` : '';
  if (!stats.distinctExact || stats.distinct > o.maxCategories) {
    const count = stats.distinctExact ? `${stats.distinct}` : `more than ${MAX_LEVELS}`;
    return {
      type: 'categorical',
      reason: `text with ${count} distinct values${mixed}`,
      ignoredBecause: `${count} distinct values are more than the ${o.maxCategories} categories one-hot encoding allows`,
    };
  }
  const shown = col.levels!.slice(0, 3).map((l) => quoteCell(l, 20)).join(', ');
  return { type: 'categorical', reason: `text with ${stats.distinct} distinct values (${shown}${stats.distinct > 3 ? ', …' : ''})${mixed}` };
}

const USABLE: ReadonlySet<ColumnType> = new Set(['numeric', 'categorical', 'boolean']);

/**
 * Infers each column's type and role, and guesses the target.
 *
 * Types, in the order they are tested:
 * - empty: more than `emptyFraction` (50 %) of the cells are missing;
 * - constant: one distinct value;
 * - boolean: every distinct value is a yes/no spelling (true/false, yes/no, y/n, t/f, on/off, 0/1), both present;
 * - numbers (at most `textTolerance` text cells, treated as missing): identifier when every row holds a
 *   whole number in strictly increasing order (≥ `minRowsForIdentifier` rows); categorical when written
 *   with leading zeros (`007`: codes); else numeric;
 * - text: identifier when ≥ 95 % of the values are different (≥ `minRowsForIdentifier` rows), else
 *   categorical — ignored by default above `maxCategories` distinct values.
 *
 * Roles: identifier, constant and empty columns are ignored; the target is `opts.target`, else the first
 * column named (case-insensitively) label, class, target or y, else the last column.
 *
 * @throws ConfigError when `opts.target` names no column.
 */
export function inferSchema(table: Table, opts: InferOptions = {}): TableSchema {
  const o = {
    emptyFraction: opts.emptyFraction ?? 0.5,
    maxCategories: opts.maxCategories ?? 50,
    textTolerance: opts.textTolerance ?? 0.05,
    minRowsForIdentifier: opts.minRowsForIdentifier ?? 20,
  };
  const names = table.columns.map((c) => c.name);
  let target: string | null = null;
  let targetReason = '';
  if (opts.target !== undefined) {
    if (!names.includes(opts.target)) throw unknownColumn('target', opts.target, names);
    target = opts.target;
    targetReason = 'chosen by you';
  } else {
    for (const wanted of TARGET_NAMES) {
      const found = names.find((n) => n.trim().toLowerCase() === wanted);
      if (found !== undefined) {
        target = found;
        targetReason = `named ${quoteCell(found)}`;
        break;
      }
    }
    if (target === null && names.length > 0) {
      target = names[names.length - 1];
      targetReason = `the last column (no column is named ${TARGET_NAMES.join(', ')})`;
    }
  }
  const columns = table.columns.map((col, index): ColumnSchema => {
    const inferred = inferColumn(col, table.rows, o);
    let role: ColumnRole = USABLE.has(inferred.type) && inferred.ignoredBecause === undefined ? 'feature' : 'ignored';
    let reason = inferred.reason;
    if (inferred.ignoredBecause !== undefined) reason += `; ignored by default: ${inferred.ignoredBecause}`;
    if (col.name === target) {
      role = 'target';
      reason = `the target: ${targetReason}`;
    }
    return { name: col.name, index, type: inferred.type, role, reason, inferredType: inferred.type, stats: statsOf(col, table.rows) };
  });
  return { columns, target, targetReason, maxCategories: o.maxCategories, textTolerance: o.textTolerance };
}

function unknownColumn(field: string, name: string, names: string[]): ConfigError {
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
  return new ConfigError(`${field} must name a column of the table (${shown}). Got ${got(name)} instead.`, field);
}

export interface SchemaOverrides {
  /** Column name → type the user chose. */
  columnTypes?: Readonly<Record<string, ColumnType>>;
  /** Column to use as the target. */
  target?: string;
  /** Columns to leave out of the features. */
  ignored?: readonly string[];
}

/** @throws DataError when `col` cannot hold `type`. */
function checkType(col: ColumnSchema, type: ColumnType, schema: TableSchema): void {
  const s = col.stats;
  const present = s.rows - s.missing;
  if (type === 'numeric' && (s.nonNumeric > schema.textTolerance * present || s.numeric === 0)) {
    throw new DataError(
      `Column '${col.name}' cannot be numeric: ${s.nonNumeric} of its ${present} non-empty cells are not numbers (e.g. ${s.examples.map((e) => quoteCell(e, 20)).join(', ')}). Keep it ${col.inferredType}, or fix those cells in the file. Got type 'numeric' instead.`,
    );
  }
  if (type === 'categorical' && !s.distinctExact) {
    throw new DataError(
      `Column '${col.name}' cannot be categorical: it has more than ${MAX_LEVELS} distinct values, far too many categories to learn from. Keep it ${col.inferredType} or ignore it. Got type 'categorical' instead.`,
    );
  }
  if (type === 'boolean' && !s.booleanLike) {
    throw new DataError(
      `Column '${col.name}' cannot be boolean: its values are not all yes/no spellings with both meanings present (true/false, yes/no, y/n, t/f, on/off, 1/0); it has ${s.distinctExact ? s.distinct : `more than ${MAX_LEVELS}`} distinct values, e.g. ${s.examples.map((e) => quoteCell(e, 20)).join(', ')}. Use categorical instead. Got type 'boolean' instead.`,
    );
  }
}

/**
 * The schema with the user's choices applied: types (checked against the column's contents), the
 * target, and ignored columns. A column given a usable type (numeric, categorical, boolean) becomes a
 * feature unless it is listed in `ignored`; the previous target falls back to its default role.
 *
 * @throws ConfigError for a name that is not a column, or for ignoring the target.
 * @throws DataError when a column cannot hold the chosen type (e.g. text made numeric: names how many
 *   cells are not numbers).
 */
export function withOverrides(schema: TableSchema, overrides: SchemaOverrides): TableSchema {
  const names = schema.columns.map((c) => c.name);
  const types = overrides.columnTypes ?? {};
  for (const name of Object.keys(types)) if (!names.includes(name)) throw unknownColumn('columnTypes', name, names);
  const ignored = new Set(overrides.ignored ?? []);
  for (const name of ignored) if (!names.includes(name)) throw unknownColumn('ignored', name, names);
  const target = overrides.target ?? schema.target;
  if (overrides.target !== undefined && !names.includes(overrides.target)) throw unknownColumn('target', overrides.target, names);
  if (target !== null && ignored.has(target)) {
    throw new ConfigError(`The target column '${target}' cannot also be ignored; pick another target first. Got ignored = ${got([...ignored])} instead.`, 'ignored');
  }
  const columns = schema.columns.map((col): ColumnSchema => {
    const chosen = types[col.name];
    const type = chosen ?? col.type;
    if (chosen !== undefined && chosen !== col.inferredType) checkType(col, chosen, schema);
    let reason = chosen !== undefined && chosen !== col.inferredType ? `set to ${chosen} by you (inferred: ${col.inferredType})` : col.reason;
    let role: ColumnRole;
    if (col.name === target) {
      role = 'target';
      reason = target === schema.target ? `the target: ${schema.targetReason}` : 'the target: chosen by you';
    } else if (ignored.has(col.name)) {
      role = 'ignored';
      reason = `ignored by you (${chosen ?? col.type})`;
    } else if (chosen !== undefined) {
      role = USABLE.has(chosen) ? 'feature' : 'ignored';
    } else if (col.role === 'target') {
      // The previous target: back to what inference would have made of it.
      role = USABLE.has(col.type) && !(col.type === 'categorical' && col.stats.distinct > schema.maxCategories) ? 'feature' : 'ignored';
      reason = `was the target; ${role === 'feature' ? 'now a feature' : 'ignored'} (${col.type})`;
    } else {
      role = col.role;
    }
    return { ...col, type, role, reason };
  });
  return { ...schema, columns, target, targetReason: target === schema.target ? schema.targetReason : 'chosen by you' };
}

/**
 * The feature columns of a schema.
 *
 * @throws DataError when there is none, listing why each non-target column is ignored (and pointing
 *   at the delimiter when the whole table is one column).
 */
export function featureColumns(schema: TableSchema): ColumnSchema[] {
  const features = schema.columns.filter((c) => c.role === 'feature');
  if (features.length > 0) return features;
  if (schema.columns.length <= 1) {
    const only = schema.columns[0]?.name;
    throw new DataError(
      `The table has a single column${only !== undefined ? ` (${quoteCell(only, 60)})` : ''}, so there is no feature besides the target. If the file uses a delimiter other than comma, semicolon, tab or '|', choose it explicitly. Got 1 column instead.`,
    );
  }
  const others = schema.columns.filter((c) => c.role !== 'target');
  const why = others.slice(0, 6).map((c) => `'${c.name}': ${c.type}`).join('; ');
  throw new DataError(
    `No usable feature column: every column besides the target '${schema.target}' is ignored (${why}${others.length > 6 ? '; …' : ''}). Mark at least one column as a numeric, categorical or boolean feature. Got 0 feature columns instead.`,
  );
}
