/**
 * The metric lab's settings (a hypothetical classifier, the imbalance and the label noise) and the
 * curves derived from them by the core (core/metricLab), memoised on the settings.
 */
import { ConfigError, got } from '../core/errors';
import { checkLab, expectedConfusion, labCurve, labMetrics, LAB_METRICS, ratioGrid, simulateConfusion, type LabMetric } from '../core/metricLab/metricLab';
import { createRng } from '../core/random';

export interface MetricLabSettings {
  tpr: number;
  fpr: number;
  noise: number;
  /** The ratio (1:r) the table shows. */
  ratio: number;
  /** Rows per simulated data set, and simulations per point (their mean is drawn). */
  n: number;
  repeats: number;
  /** The metrics drawn. */
  shown: LabMetric[];
  seed: number;
}

export const DEFAULT_METRIC_LAB: MetricLabSettings = {
  tpr: 0.8,
  fpr: 0.05,
  noise: 0,
  ratio: 100,
  n: 10_000,
  repeats: 3,
  shown: ['accuracy', 'balancedAccuracy', 'f1', 'gmean', 'mcc', 'prAuc'],
  seed: 1,
};

/** @throws ConfigError naming the setting and its valid range. */
export function checkMetricLab(s: MetricLabSettings): void {
  checkLab({ tpr: s.tpr, fpr: s.fpr }, { ratio: s.ratio, noise: s.noise });
  if (!(Number.isInteger(s.n) && s.n >= 100 && s.n <= 1_000_000)) throw new ConfigError(`rows per simulation must be an integer between 100 and 1,000,000. Got ${got(s.n)} instead.`, 'n');
  if (!(Number.isInteger(s.repeats) && s.repeats >= 1 && s.repeats <= 20)) throw new ConfigError(`simulations per point must be an integer between 1 and 20. Got ${got(s.repeats)} instead.`, 'repeats');
  if (!s.shown.every((m) => LAB_METRICS.includes(m))) throw new ConfigError(`shown metrics must be among ${LAB_METRICS.join(', ')}. Got ${got(s.shown)} instead.`, 'shown');
}

let last: { settings: MetricLabSettings; value: ReturnType<typeof compute> } | null = null;

function compute(s: MetricLabSettings) {
  const clf = { tpr: s.tpr, fpr: s.fpr };
  const rng = createRng(s.seed).fork('metric-lab');
  const curve = labCurve(clf, s.noise, ratioGrid(10_000, 41), { n: s.n, repeats: s.repeats, rng: rng.fork('curve') });
  const setting = { ratio: s.ratio, noise: s.noise };
  const confusion = expectedConfusion(clf, setting);
  const simulatedConfusion = simulateConfusion(clf, setting, s.n, rng.fork('table'));
  return { curve, confusion, analytic: labMetrics(confusion), simulated: labMetrics(simulatedConfusion), simulatedConfusion };
}

/** The curves and the table of the current settings (the same object while the settings are unchanged). */
export function metricLabView(s: MetricLabSettings): ReturnType<typeof compute> {
  if (last && last.settings === s) return last.value;
  const value = compute(s);
  last = { settings: s, value };
  return value;
}
