/**
 * `imbalance-lab` — the headless entry to the same core the browser app runs.
 *
 *   imbalance-lab run --config experiment.json [--data file.csv|images.zip] [--out results.json] [--backend cpu|wasm]
 *   imbalance-lab config > experiment.json      (prints the default config to start from)
 *   imbalance-lab resample --method smote --input data.csv --out out.csv [method flags]
 *   imbalance-lab score --input predictions.csv [--label y_true] [--out metrics.json]
 *
 * Exit codes: 0 success, 1 a method failed, 2 bad usage / config / data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { defaultConfig, parseConfig, type ExperimentConfig } from '../core/config';
import { findPreset, PRESETS } from '../core/presets';
import { ConfigError, DataError } from '../core/errors';
import { runExperiment, splitCount, type ExperimentResult } from '../core/experiment';
import { metricsReport } from '../core/metrics';
import type { SpreadMetric } from '../core/metrics';
import { loadConfigData } from './loadData';
import { parseArgs } from './args';
import { initNodeBackend } from './nodeBackend';
import { resampleCommand, resampleHelp } from './resampleCommand';
import { scoreCommand } from './scoreCommand';
import { toJson } from './serialize';
import { formatTable } from './table';

const USAGE = `Usage:
  imbalance-lab run --config experiment.json [--data file.csv|images.zip] [--out results.json] [--backend wasm|cpu]
                                           run an experiment; built-in datasets load by themselves,
                                           a config with dataset.kind 'upload' needs --data
  imbalance-lab run --preset digits-lt     run a ready-made experiment (${PRESETS.map((p) => p.id).join(', ')})
  imbalance-lab config [--preset <id>]     print the default (or a preset's) experiment config (JSON)
  imbalance-lab resample --method <id> --input data.csv --out out.csv [--label label] [--seed 0]
                         [--categorical col1,col2] [method flags]
                                           resample a CSV (see 'imbalance-lab resample --help')
  imbalance-lab score --input predictions.csv [--label y_true] [--out metrics.json]
                                           every metric of held-out predictions (a label column and
                                           one score_<class> probability column per class), as JSON
  imbalance-lab help                       this text and every resampling method's flags`;

const f3 = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(3));

/** The config of `--preset <id>` or of the file `--config <path>`. */
function configFrom(flags: Record<string, string | true>): ExperimentConfig {
  if (typeof flags.preset === 'string') {
    const preset = findPreset(flags.preset);
    if (!preset) throw new ConfigError(`--preset must be one of ${PRESETS.map((p) => p.id).join(', ')}. Got '${flags.preset}' instead.`, 'preset');
    return preset.config;
  }
  if (typeof flags.config !== 'string') throw new ConfigError(`run needs --config <file.json> or --preset <id>. Got ${flags.config === true ? 'no file name' : 'nothing'} instead.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(flags.config, 'utf8'));
  } catch (e) {
    throw new ConfigError(`Could not read the config file '${flags.config}': ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseConfig(raw);
}

/**
 * Every method's full metrics report (the `score` command's keys) on its held-out predictions, for
 * split 0 (`report`) and for each split of a repeated protocol (`splits[].report`).
 */
function withReports(result: ExperimentResult) {
  const C = result.classNames.length;
  const reportOf = (testY: ArrayLike<number>, testScores: Float32Array) => (testY.length > 0 ? metricsReport(Array.from(testY), testScores, C) : null);
  return {
    ...result,
    methods: result.methods.map((m) => ({
      ...m,
      report: m.status === 'done' ? reportOf(m.testY, m.testScores) : null,
      splits: m.splits?.map((s) => ({ ...s, report: reportOf(s.predictions.testY, s.predictions.testScores) })),
    })),
  };
}

async function run(flags: Record<string, string | true>, out: (s: string) => void): Promise<number> {
  const config = configFrom(flags);
  if (flags.data === true) throw new ConfigError(`--data needs a file path. Got no path instead.`, 'data');
  const data = await loadConfigData(config, flags.data);
  const backend = await initNodeBackend(typeof flags.backend === 'string' ? flags.backend : 'wasm');
  const splits = splitCount(config);
  out(`Running ${config.methods.length} method(s) on ${backend}, seed ${config.seed}${splits > 1 ? `, ${splits} splits (${config.split.protocol})` : ''}…`);
  const t0 = Date.now();
  const result = await runExperiment(config, {
    data,
    onMethodDone: (r) => out(`  ${r.label}: ${r.status === 'done' ? `done in ${((r.timings.resampleMs + r.timings.trainMs) / 1000).toFixed(2)} s` : `FAILED — ${r.error?.message}`}`),
  });
  const relative = result.methods.some((r) => r.relativeAccuracy);
  const header = ['method', 'train counts', 'accuracy', 'bal. acc.', 'macro-F1', 'G-mean', 'min. recall', 'ROC AUC', ...(relative ? ['relative acc.'] : [])];
  const rows = result.methods.map((r) => {
    const m = r.metrics;
    const v = (k: SpreadMetric) => (r.spread ? `${f3(r.spread[k].mean)} ± ${f3(r.spread[k].std)}` : f3(m?.[k]));
    const rel = r.relativeAccuracy && 'value' in r.relativeAccuracy ? f3(r.relativeAccuracy.value) : '—';
    return [r.label, r.trainCountsAfter.join('/'), v('accuracy'), v('balancedAccuracy'), v('f1Macro'), v('gmean'), v('minorityRecall'), v('rocAuc'), ...(relative ? [rel] : [])];
  });
  out('');
  out(`Test split${result.methods.some((m) => m.splits) ? ` (split 1 of ${splitCount(config)})` : ''}: ${result.testCounts.map((c, i) => `${result.classNames[i]} ${c}`).join(', ')} (minority: ${result.classNames[result.minorityClass]})`);
  out(formatTable(header, rows));
  const relativeError = result.methods.map((r) => r.relativeAccuracy).find((x): x is { error: string } => !!x && 'error' in x);
  if (relativeError) out(`Relative accuracy: ${relativeError.error}`);
  if (typeof flags.out === 'string') {
    writeFileSync(flags.out, toJson(withReports(result), { backend, elapsedMs: Date.now() - t0, tool: 'imbalance-lab' }));
    out(`\nResults written to ${flags.out}`);
  }
  return result.methods.some((r) => r.status === 'error') ? 1 : 0;
}

export async function main(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): Promise<number> {
  const { command, flags } = parseArgs(argv);
  try {
    switch (command) {
      case 'run':
        return await run(flags, out);
      case 'config':
        out(JSON.stringify(typeof flags.preset === 'string' ? configFrom(flags) : defaultConfig(), null, 2));
        return 0;
      case 'resample':
        return resampleCommand(flags, out);
      case 'score':
        return scoreCommand(flags, out);
      case 'help':
        out(`${USAGE}\n\n${resampleHelp()}`);
        return 0;
      case undefined:
        if (flags.help !== undefined) {
          out(`${USAGE}\n\n${resampleHelp()}`);
          return 0;
        }
        out(USAGE);
        return 2;
      default:
        err(`Unknown command '${command}'.\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DataError) {
      err(`Error: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
