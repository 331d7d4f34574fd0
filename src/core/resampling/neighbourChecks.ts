/**
 * Shared checks of the SMOTE family: a class must hold more samples than the neighbours asked for.
 */
import { DataError } from '../errors';
import type { ResampleContext } from './defineResampler';

/**
 * Throws a DataError unless class c has more than k samples (k nearest same-class neighbours,
 * the sample itself left out). `param` names the option (kNeighbors, nNeighbors), `method` the
 * sampler in the message for a class of one sample, `purpose` what it needs two samples for.
 */
export function assertEnoughNeighbours(
  ctx: ResampleContext,
  c: number,
  k: number,
  method: string,
  param = 'kNeighbors',
  purpose = 'interpolate between',
): void {
  const n = ctx.counts[c];
  if (k < n) return;
  const advice =
    n >= 2
      ? `Lower ${param} to at most ${n - 1} or pick random over-sampling.`
      : `${method} needs at least two samples of a class to ${purpose}; pick random over-sampling.`;
  throw new DataError(`${param} must be < the number of samples in class ${ctx.className(c)} (${n}). Got ${k} instead. ${advice}`);
}
