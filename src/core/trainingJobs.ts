/**
 * How a comparison's methods are handed to the worker pool: as jobs of one or more methods, each
 * job run by one worker with `runMethodGroup` (experiment.ts). Methods whose first training run
 * differs only in its loss go into the same job, so they train as one batched computation and
 * methods with the very same first run (cross-entropy, its post-hoc adjustments and decoupled
 * second stages) train it once. Decided from the config alone (no data), mirroring the rule of
 * `runMethodGroup`, which re-checks it on the real data.
 */
import type { ExperimentConfig } from './config';
import { METHODS, type MethodSpec } from './methods';

/**
 * The key of the batched group a method's first training run can join, or null when it trains
 * alone: a resampler (other rows), two-phase (its own balanced rows), a fixed ETF layer, AnyLoss
 * (a batch-level loss), the CNN or image augmentation.
 */
export function trainingGroupKey(config: ExperimentConfig, method: MethodSpec): string | null {
  const def = METHODS[method.id];
  if (config.model.kind === 'cnn' || config.model.augment !== 'none') return null;
  if (def.resampler || def.stage === 'two-phase' || def.fixedClassifier || method.id === 'anyloss') return null;
  return def.sampling ? `sampling:${String(method.params.scheme)}` : 'instance';
}

/** Whether a method's first run is the plain cross-entropy one (shared by every such method of a group). */
const plainFirstRun = (method: MethodSpec) => !METHODS[method.id].loss;

/**
 * Jobs (lists of method indices) for `workers` workers: one job per group and one per method that
 * trains alone; while there are fewer jobs than workers, the largest group is halved (its
 * plain cross-entropy methods stay together, as they share one run). Every index appears once.
 */
export function planTrainingJobs(config: ExperimentConfig, workers: number, indices: readonly number[] = config.methods.map((_, i) => i)): number[][] {
  const groups = new Map<string, number[][]>();
  const jobs: number[][][] = [];
  for (const i of indices) {
    const method = config.methods[i];
    const key = trainingGroupKey(config, method);
    if (key === null) {
      jobs.push([[i]]);
      continue;
    }
    if (!groups.has(key)) {
      const units: number[][] = [];
      groups.set(key, units);
      jobs.push(units);
    }
    const units = groups.get(key)!;
    // A unit is what must stay in one job: all plain cross-entropy methods, or one loss method.
    const shared = plainFirstRun(method) ? units.find((u) => plainFirstRun(config.methods[u[0]])) : undefined;
    if (shared) shared.push(i);
    else units.push([i]);
  }
  while (jobs.length < workers) {
    const largest = jobs.reduce((best, j) => (j.length > best.length ? j : best), jobs[0]);
    if (!largest || largest.length < 2) break;
    const half = Math.ceil(largest.length / 2);
    jobs.splice(jobs.indexOf(largest), 1, largest.slice(0, half), largest.slice(half));
  }
  return jobs.map((units) => units.flat());
}
