import fc from 'fast-check';
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { prepareExperiment } from '../protocol';
import { base64, packPixels } from './pythonData';
import { pythonScript } from './pythonScript';

const config = (ids: (string | [string, Record<string, unknown>])[], over: Record<string, unknown> = {}) =>
  parseConfig({
    dataset: { kind: 'synthetic', shape: 'moons', n: 200, imbalanceRatio: 10, noise: 0.5 },
    model: { epochs: 7 },
    methods: ids.map((x) => (typeof x === 'string' ? { id: x, params: {} } : { id: x[0], params: x[1] })),
    seed: 5,
    ...over,
  });

const pointsOf = (c: ReturnType<typeof config>) => {
  const ds = prepareExperiment(c).dataset;
  return { kind: 'points' as const, X: ds.X.data, cols: 2, y: ds.y, classNames: ds.classNames };
};

/** The METHODS list of a script, one Python dict per line. */
const methodLines = (text: string) => text.split('METHODS = [\n')[1].split('\n]\n')[0].split('\n');

describe('pythonScript', () => {
  it('embeds the generated data, the protocol, the model and every method', () => {
    const c = config(['none', 'smote', 'ldam-drw', 'threshold-moving', 'crt', 'anyloss', 'smote-rus']);
    const text = pythonScript(c, pointsOf(c), '2026-11-27 10:00 UTC');
    expect(text.startsWith('#!/usr/bin/env python3\n"""Imbalance Lab experiment, exported 2026-11-27 10:00 UTC.')).toBe(true);
    expect(text).toContain('SEED = 5\n');
    expect(text).toContain('"protocol": "holdout"');
    expect(text).toContain('"epochs": 7');
    // One row per data point, and their labels.
    const block = text.split('X_ALL = np.array([\n')[1].split('\n], dtype=np.float64)')[0];
    expect(block.split('\n')).toHaveLength(200);
    expect(text).toContain(`Y_ALL = np.array([${Array.from(prepareExperiment(c).dataset.y).join(', ')}], dtype=np.int64)`);
    const methods = methodLines(text);
    expect(methods.map((l) => /"label": "([^"]+)"/.exec(l)![1])).toEqual([
      'No rebalancing',
      'SMOTE',
      'LDAM-DRW',
      'Threshold moving',
      'Classifier re-training (cRT)',
      'Confusion-matrix loss (AnyLoss)',
      'SMOTE + random under-sampling (Chawla et al.)',
    ]);
    expect(methods[1]).toContain('"sampler": lambda cat: SMOTE(k_neighbors=5, sampling_strategy="auto", random_state=SEED)');
    expect(methods[2]).toContain('"loss": {"id": "ldam-drw"');
    expect(methods[3]).toContain('"posthoc": {"kind": "threshold", "id": "threshold-moving", "objective": "f1"}');
    expect(methods[5]).toContain('"loss": {"id": "anyloss", "metric": "f1", "amplification": 73}');
    expect(text).not.toContain('# Not exported');
    expect(text).toMatch(/\nif __name__ == "__main__":\n {4}main\(\)\n$/);
  });

  it('writes each method’s batch sampling, fixed classifier, second stage and leaky protocol', () => {
    const c = config([
      ['balanced-sampling', { scheme: 'progressive' }],
      'etf-classifier',
      ['two-phase', { fineTuneEpochs: 3 }],
      'crt',
      ['tau-norm', { tau: 0.5 }],
      'lws',
      'feature-augment',
      ['smote', { leakBeforeSplit: true }],
    ]);
    const m = methodLines(pythonScript(c, pointsOf(c), 'now'));
    expect(m[0]).toContain('"sampling": "progressive", "etf": False, "stage": None');
    expect(m[1]).toContain('"sampling": None, "etf": True, "stage": None');
    expect(m[2]).toContain('"stage": {"kind": "two-phase", "epochs": 3, "tau": 1}');
    // 'auto' second-stage epochs: a quarter of the model's 7, rounded.
    expect(m[3]).toContain('"stage": {"kind": "crt", "epochs": 2, "tau": 1}');
    expect(m[4]).toContain('"stage": {"kind": "tau-norm", "epochs": 0, "tau": 0.5}');
    expect(m[5]).toContain('"stage": {"kind": "lws", "epochs": 0, "tau": 1}');
    expect(m[6]).toContain('"stage": {"kind": "feature-augment", "epochs": 2, "tau": 1}');
    expect(m[7]).toContain('"label": "SMOTE — leaky, resampled before split"');
    expect(m[7]).toContain('"leaky": True');
    expect(m.slice(0, 7).every((l) => l.includes('"leaky": False'))).toBe(true);
  });

  it('lists only what the app refuses too: SMOTE-NC without categorical columns, two-phase with the CNN', () => {
    const c = config(['none', 'smote-nc', 'two-phase'], { model: { kind: 'cnn', epochs: 3 } });
    const text = pythonScript(c, { kind: 'images', name: 'digits', pixels: new Float32Array(4 * 4), shape: [2, 2, 1], y: [0, 1, 0, 1], classNames: ['a', 'b'] }, 'now');
    expect(methodLines(text)).toHaveLength(1);
    expect(text).toContain('# Not exported (run them in the app):\n#   SMOTE-NC: needs categorical columns, which this data has none of (the app refuses it too)\n#   Two-phase training: fine-tunes the MLP; the app refuses it with the CNN too\n');
  });

  it('reads a table from a path with the target and column uses the app used; SMOTE-NC resamples category codes', () => {
    const c = parseConfig({ ...config(['none', 'random-under', 'smote-nc', 'smoten']), dataset: { kind: 'builtin', name: 'pima-diabetes' } });
    const text = pythonScript(c, { kind: 'table', file: 'pima-diabetes.csv', target: 'label', columns: { glucose: 'numeric', age: 'numeric', note: 'ignored' } }, 'now');
    expect(text).toContain('DATA_FILE = sys.argv[1] if len(sys.argv) > 1 else "pima-diabetes.csv"');
    expect(text).toContain('TARGET = "label"');
    expect(text).toContain('COLUMNS = {"glucose": "numeric", "age": "numeric", "note": "ignored"}');
    expect(text).toContain('ROWS = FIXED_TEST = None');
    expect(text).toContain('python3 experiment.py [data.csv]');
    const m = methodLines(text);
    expect(m[1]).toContain('RandomUnderSampler(sampling_strategy="auto", replacement=False, random_state=SEED)');
    expect(m[2]).toContain('"sampler": lambda cat: SMOTENC(categorical_features=cat, k_neighbors=5, sampling_strategy="auto", random_state=SEED), "codes": True');
    expect(text).toContain('#   SMOTEN: SMOTEN needs every feature categorical, and this table has numeric columns (the app refuses it too)');
  });

  it("keeps the long-tail builder's rows of a table and its balanced test rows", () => {
    const c = parseConfig({ ...config(['none']), dataset: { kind: 'builtin', name: 'pima-diabetes', longTail: { profile: 'exponential', imbalanceFactor: 10, testPerClass: 2 } } });
    const text = pythonScript(c, { kind: 'table', file: 'p.csv', target: 'label', columns: { glucose: 'numeric' }, subset: { rows: [7, 3, 9, 1, 4], fixedTest: [3, 4] } }, 'now');
    expect(text).toContain('ROWS = [7, 3, 9, 1, 4]\nFIXED_TEST = [3, 4]');
    expect(text).toContain("hold-out against the data's fixed test set");
  });

  it('embeds an image set: 8-bit pixels round-trip exactly through zlib + base64, with the fixed test rows', () => {
    const pixels = Float32Array.from({ length: 3 * 4 }, (_, i) => (i * 20) / 255);
    const c = config(['none'], { model: { kind: 'cnn', epochs: 3 } });
    const text = pythonScript(c, { kind: 'images', name: 'tiny', pixels, shape: [2, 2, 1], y: [0, 1, 1], classNames: ['a', 'b'], fixedTest: [2] }, 'now');
    expect(text).toContain('IMAGE_SHAPE = (2, 2, 1)');
    expect(text).toContain('FIXED_TEST = np.array([2], dtype=np.int64)');
    expect(text).toContain('dtype=np.uint8).astype(np.float64) / 255');
    const blob = /PIXELS = \(\n((?: {4}"[^"]*"\n)+)\)/.exec(text)![1].replace(/[\s"]/g, '');
    const bytes = unzlibSync(Uint8Array.from(Buffer.from(blob, 'base64')));
    expect(Array.from(bytes)).toEqual(Array.from(pixels, (v) => Math.round(v * 255)));
    expect(text).toContain('"blocks": 2, "filters": 8, "augment": "none"');
  });

  it('falls back to float32 pixels when they are not multiples of 1/255', () => {
    const pixels = Float32Array.from([0.1234, 0.5, 1, 0]);
    const { dtype, lines } = packPixels(pixels);
    expect(dtype).toBe('float32');
    const bytes = unzlibSync(Uint8Array.from(Buffer.from(lines.join(''), 'base64')));
    expect(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, 4))).toEqual(Array.from(pixels));
  });

  it('base64 equals Node’s encoder for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => base64(bytes) === Buffer.from(bytes).toString('base64')));
  });
});
