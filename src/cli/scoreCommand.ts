/**
 * `imbalance-lab score --input predictions.csv [--label y_true] [--out metrics.json]`: every metric
 * of core/metrics for held-out predictions made anywhere (scikit-learn, PyTorch, a spreadsheet).
 *
 * The CSV has a header, a label column (default `y_true`) and one `score_<class>` column per class
 * holding that class's probability; other columns (ids, features) are ignored. The classes are the
 * `score_` suffixes in column order, and every label must be one of them (compared as text, or as
 * numbers when both are numbers: "1" matches "score_1.0").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { DataError, ConfigError, got } from '../core/errors';
import { metricsReport } from '../core/metrics';

const SCORE_PREFIX = 'score_';
/** Row sums further than this from 1 are not probabilities. */
const SUM_TOLERANCE = 1e-3;

export const SCORE_USAGE = `imbalance-lab score --input predictions.csv [--label y_true] [--out metrics.json]
    the CSV: a label column and one score_<class> column per class (probabilities, rows summing to 1)`;

export interface ParsedPredictions {
  classNames: string[];
  yTrue: Int32Array;
  scores: Float64Array;
}

/** Labels and score matrix from the CSV text. @throws DataError naming the row / column at fault. */
export function parsePredictions(text: string, label: string, source = 'the input'): ParsedPredictions {
  if (text.trim() === '') throw new DataError(`${source} is empty. Give a CSV with a header row, a '${label}' column and score_<class> columns.`);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = rows[0].map((h) => h.trim());
  const labelAt = header.indexOf(label);
  if (labelAt < 0) {
    throw new DataError(`${source} has no '${label}' column. Name the true-label column with --label. Got columns ${got(header.slice(0, 12))} instead.`);
  }
  const scoreAt = header.map((h, i) => (h.startsWith(SCORE_PREFIX) ? i : -1)).filter((i) => i >= 0);
  if (scoreAt.length < 2) {
    throw new DataError(`${source} needs one score_<class> column per class (at least 2), e.g. score_0,score_1. Got ${scoreAt.length === 0 ? 'none' : `only ${header[scoreAt[0]]}`} instead.`);
  }
  const classNames = scoreAt.map((i) => header[i].slice(SCORE_PREFIX.length));
  const dup = classNames.find((c, i) => classNames.indexOf(c) !== i);
  if (dup !== undefined) throw new DataError(`${source} has two score columns for class '${dup}'. Keep one score_${dup} column.`);
  const body = rows.slice(1);
  if (body.length === 0) throw new DataError(`${source} has a header but no rows. Add one row per held-out example.`);
  const C = classNames.length;
  const classOf = labelMatcher(classNames);
  const yTrue = new Int32Array(body.length);
  const scores = new Float64Array(body.length * C);
  body.forEach((cells, r) => {
    const line = r + 2;
    if (cells.length !== header.length) throw new DataError(`Line ${line} of ${source} has ${cells.length} fields; the header has ${header.length}. Fix the row (a stray comma or quote?).`);
    const y = classOf(cells[labelAt].trim());
    if (y < 0) {
      throw new DataError(`Line ${line} of ${source}: label '${cells[labelAt]}' has no score column; the classes are ${got(classNames)} (from the score_ columns). Add a score_${cells[labelAt].trim()} column or fix the label.`);
    }
    yTrue[r] = y;
    let sum = 0;
    scoreAt.forEach((col, k) => {
      const cell = cells[col].trim();
      const v = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(v) || v < 0 || v > 1) {
        throw new DataError(`Line ${line} of ${source}, column ${header[col]}: scores must be probabilities between 0 and 1. Got '${cells[col]}' instead.`);
      }
      scores[r * C + k] = v;
      sum += v;
    });
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new DataError(`Line ${line} of ${source}: the scores sum to ${sum.toPrecision(6)}, not 1. Give each class's probability (e.g. softmax or predict_proba output). Got ${got(scoreAt.map((c) => cells[c]))} instead.`);
    }
  });
  const present = new Set(yTrue);
  if (present.size < 2) throw new DataError(`Every label in ${source} is '${classNames[yTrue[0]]}'. Ranking metrics need held-out examples of at least two classes.`);
  return { classNames, yTrue, scores };
}

/** Label text → class index: exact text first, then numeric equality ("1" and "1.0"). */
function labelMatcher(classNames: string[]): (label: string) => number {
  const exact = new Map(classNames.map((c, i) => [c, i]));
  return (label) => {
    const hit = exact.get(label);
    if (hit !== undefined) return hit;
    const v = Number(label);
    if (label === '' || !Number.isFinite(v)) return -1;
    return classNames.findIndex((c) => c.trim() !== '' && Number(c) === v);
  };
}

export function scoreCommand(flags: Record<string, string | true>, out: (s: string) => void): number {
  if (flags.help !== undefined) {
    out(SCORE_USAGE);
    return 0;
  }
  if (typeof flags.input !== 'string') throw new ConfigError(`score needs --input <predictions.csv>. Got ${flags.input === true ? 'no file name' : 'nothing'} instead.`, 'input');
  const label = typeof flags.label === 'string' ? flags.label : 'y_true';
  let text: string;
  try {
    text = readFileSync(flags.input, 'utf8');
  } catch (e) {
    throw new DataError(`Could not read '${flags.input}': ${e instanceof Error ? e.message : String(e)}`);
  }
  const { classNames, yTrue, scores } = parsePredictions(text, label, `'${flags.input}'`);
  const report = { classes: classNames, ...metricsReport(yTrue, scores, classNames.length) };
  const json = JSON.stringify(report, null, 2);
  if (typeof flags.out === 'string') {
    writeFileSync(flags.out, json + '\n');
    out(`Metrics of ${yTrue.length} predictions (${classNames.length} classes) written to ${flags.out}`);
  } else {
    out(json);
  }
  return 0;
}
