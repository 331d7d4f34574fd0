import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, ConfigError, TrainingDivergedError } from '../errors';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../models/modelSpec';
import { createRng } from '../random';
import type { Labels, Matrix } from '../types';
import { trainClassifier, type TrainedClassifier, type TrainingLoss } from './train';
import { trainClassifierGroup, type GroupOutcome } from './trainGroup';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Three imbalanced Gaussian classes in 4-D (seeded). */
function data(seed: number, counts = [300, 60, 15]): { X: Matrix; y: Labels } {
  const rng = createRng(seed);
  const n = counts.reduce((a, b) => a + b, 0);
  const X = new Float32Array(n * 4);
  const y = new Int32Array(n);
  let i = 0;
  counts.forEach((count, c) => {
    for (let k = 0; k < count; k++, i++) {
      y[i] = c;
      for (let d = 0; d < 4; d++) X[i * 4 + d] = (d === c ? 1.5 : 0) + rng.normal();
    }
  });
  return { X: { data: X, rows: n, cols: 4 }, y };
}

const MODEL: ModelSpec = { ...DEFAULT_MODEL_SPEC, kind: 'mlp', hiddenLayers: 2, width: 8, activation: 'relu', optimizer: 'adam', learningRate: 0.02, epochs: 6, batchSize: 64 };

/** One member per loss-family shape: plain CE, class weights, focal, LDAM + DRW, logit offsets, dice. */
const LOSSES: (TrainingLoss | undefined)[] = [
  undefined,
  { kind: 'family', loss: { classWeights: [0.4, 2, 8], term: { kind: 'ce' } } },
  { kind: 'family', loss: { term: { kind: 'focal', gamma: 2 } } },
  { kind: 'family', loss: { margins: [0.1, 0.25, 0.5], scale: 3, term: { kind: 'ce' } }, drw: { epoch: 4, classWeights: [0.3, 1.5, 6] } },
  { kind: 'family', loss: { logitOffsets: [Math.log(300), Math.log(60), Math.log(15)], term: { kind: 'ce' } } },
  { kind: 'family', loss: { term: { kind: 'dice', alpha: 0.5, smoothing: 1 } } },
];

function classifierOf(o: GroupOutcome): TrainedClassifier {
  if (!o.ok) throw o.error;
  return o.classifier;
}

describe('trainClassifierGroup', () => {
  for (const mode of ['sequential', 'batched'] as const) {
    it(`trains every member exactly as it would train alone (${mode})`, async () => {
      const { X, y } = data(1);
      const validation = data(2, [60, 12, 6]);
      const events: number[][] = LOSSES.map(() => []);
      const group = await trainClassifierGroup({
        X, y, nClasses: 3, model: MODEL, validation, rng: createRng(5), mode,
        members: LOSSES.map((loss, m) => ({ loss, onEpoch: (ev) => void events[m].push(ev.epoch) })),
      });
      for (let m = 0; m < LOSSES.length; m++) {
        const alone = await trainClassifier({ X, y, nClasses: 3, model: MODEL, loss: LOSSES[m], validation, rng: createRng(5) });
        const g = classifierOf(group[m]);
        const a = g.theta!;
        const b = alone.theta!;
        expect(a.length).toBe(b.length);
        let maxDiff = 0;
        for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
        expect(maxDiff, `member ${m}`).toBeLessThan(1e-4);
        expect(g.history.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
        g.history.forEach((e, k) => {
          expect(e.loss).toBeCloseTo(alone.history[k].loss, 4);
          expect(e.valLoss!).toBeCloseTo(alone.history[k].valLoss!, 4);
          expect(e.valRecall).toEqual(alone.history[k].valRecall);
        });
        expect(events[m]).toEqual([1, 2, 3, 4, 5, 6]);
        const probe = { data: X.data.subarray(0, 40), rows: 10, cols: 4 };
        const pg = g.predictProba(probe);
        const pa = alone.predictProba(probe);
        pg.forEach((v, i) => expect(v).toBeCloseTo(pa[i], 4));
        alone.dispose();
      }
    });
  }

  it('stacks logistic regressions too (no hidden layer), in both modes', async () => {
    const { X, y } = data(7);
    const logistic: ModelSpec = { ...MODEL, kind: 'logistic' };
    const members = [LOSSES[0], LOSSES[2], LOSSES[4]].map((loss) => ({ loss }));
    for (const mode of ['sequential', 'batched'] as const) {
      const group = await trainClassifierGroup({ X, y, nClasses: 3, model: logistic, rng: createRng(3), members, mode });
      for (let m = 0; m < members.length; m++) {
        const alone = await trainClassifier({ X, y, nClasses: 3, model: logistic, loss: members[m].loss, rng: createRng(3) });
        const a = classifierOf(group[m]).theta!;
        expect(a.length).toBe(5 * 3);
        a.forEach((v, i) => expect(v).toBeCloseTo(alone.theta![i], 4));
        alone.dispose();
      }
    }
  });

  it('fails an invalid member alone and trains the rest', async () => {
    const { X, y } = data(3);
    const out = await trainClassifierGroup({
      X, y, nClasses: 3, model: { ...MODEL, epochs: 2 }, rng: createRng(1),
      members: [
        {},
        { loss: { kind: 'family', loss: { term: { kind: 'focal', gamma: 12 } } } },
        { loss: { kind: 'family', loss: { term: { kind: 'ce' } }, drw: { epoch: 9, classWeights: [1, 1, 1] } } },
        { loss: { kind: 'confusion', metric: 'f1', amplification: 10 } },
      ],
    });
    expect(out[0].ok).toBe(true);
    for (const [m, param] of [[1, 'gamma'], [2, 'drwEpoch'], [3, 'loss']] as const) {
      const o = out[m];
      expect(o.ok).toBe(false);
      if (!o.ok) {
        expect(o.error).toBeInstanceOf(ConfigError);
        expect((o.error as ConfigError).field).toBe(param);
      }
    }
  });

  it.each(['sequential', 'batched'] as const)('reports a diverging member at its epoch while the others finish (%s)', async (mode) => {
    const { X, y } = data(4);
    const out = await trainClassifierGroup({
      X, y, nClasses: 3, model: { ...MODEL, epochs: 4, learningRate: 0.05 }, rng: createRng(2), mode,
      // A logit scale of 1e6 makes the first steps overshoot to losses far past 100 × ln 3.
      members: [{}, { loss: { kind: 'family', loss: { scale: 1e6, term: { kind: 'ce' } } } }],
    });
    expect(out[0].ok).toBe(true);
    expect(out[0].ok && out[0].classifier.history.length).toBe(4);
    expect(out[1].ok).toBe(false);
    if (!out[1].ok) expect(out[1].error).toBeInstanceOf(TrainingDivergedError);
  });

  it.each(['sequential', 'batched'] as const)('cancels every member and leaks no tensors (%s)', async (mode) => {
    const { X, y } = data(5);
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = trainClassifierGroup({
      X, y, nClasses: 3, model: MODEL, rng: createRng(1), signal: controller.signal, mode,
      members: LOSSES.map((loss) => ({ loss, onEpoch: (ev) => { if (ev.epoch === 2) controller.abort(); } })),
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(tf.memory().numTensors).toBe(before);
    const done = await trainClassifierGroup({ X, y, nClasses: 3, model: { ...MODEL, epochs: 1 }, rng: createRng(1), mode, members: LOSSES.map((loss) => ({ loss })) });
    for (const o of done) if (o.ok) o.classifier.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses the CNN, which trains one model at a time', async () => {
    const { X, y } = data(6);
    await expect(trainClassifierGroup({ X, y, nClasses: 3, model: { ...MODEL, kind: 'cnn' }, rng: createRng(1), members: [{}] })).rejects.toBeInstanceOf(ConfigError);
  });
});
