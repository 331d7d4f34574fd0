/**
 * Per-row host helpers and the per-epoch decisions shared by the MLP loop (train.ts) and the
 * CNN loop (trainCnn.ts), so both train exactly alike apart from the model.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Rng } from '../random';
import type { Labels } from '../types';
import { epochOrder, type SamplingScheme } from './sampling';
import type { TrainingLoss } from './train';

/** The epoch's one device read: the summary tensor's values, the tensor freed whatever happens. */
export async function readOnce(summary: Tensor): Promise<Float32Array> {
  try {
    return (await summary.data()) as Float32Array;
  } finally {
    summary.dispose();
  }
}

/** Row-wise softmax of host logits (row-major, C per row) into float32 probabilities; `z` is overwritten. */
export function softmaxRows(z: Float64Array, C: number): Float32Array {
  const out = new Float32Array(z.length);
  for (let o = 0; o < z.length; o += C) {
    let m = -Infinity;
    for (let c = 0; c < C; c++) m = Math.max(m, z[o + c]);
    let s = 0;
    for (let c = 0; c < C; c++) s += z[o + c] = Math.exp(z[o + c] - m);
    for (let c = 0; c < C; c++) out[o + c] = z[o + c] / s;
  }
  return out;
}

/**
 * The rows epoch `epoch` (1-based) visits, written into `order`. 'instance' sampling (or none)
 * keeps shuffling the same order array, as the loop always has, so seeded results do not move.
 */
export function epochRows(sampling: SamplingScheme | undefined, y: Labels, nClasses: number, epoch: number, epochs: number, rng: Rng, order: Int32Array): void {
  if (sampling && sampling !== 'instance') epochOrder(y, nClasses, sampling, epoch - 1, epochs, rng, order);
  else rng.shuffle(order);
}

/** The class weights the loss uses in epoch `epoch` (deferred re-weighting switches them at its epoch). */
export function epochClassWeights(plan: TrainingLoss, epoch: number): readonly number[] | undefined {
  if (plan.kind !== 'family') return undefined;
  return plan.drw && epoch >= plan.drw.epoch ? plan.drw.classWeights : plan.loss.classWeights;
}

/** {@link epochRows} then {@link epochClassWeights}: one epoch's rows and class weights. */
export function prepareEpoch(
  plan: TrainingLoss,
  sampling: SamplingScheme | undefined,
  y: Labels,
  nClasses: number,
  epoch: number,
  epochs: number,
  rng: Rng,
  order: Int32Array,
): readonly number[] | undefined {
  epochRows(sampling, y, nClasses, epoch, epochs, rng, order);
  return epochClassWeights(plan, epoch);
}
