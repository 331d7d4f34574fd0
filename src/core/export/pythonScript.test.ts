import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { prepareExperiment } from '../protocol';
import { pythonScript } from './pythonScript';

const config = (ids: string[], over: Record<string, unknown> = {}) =>
  parseConfig({ dataset: { kind: 'synthetic', shape: 'moons', n: 200, imbalanceRatio: 10, noise: 0.5 }, model: { epochs: 7 }, methods: ids.map((id) => ({ id, params: {} })), seed: 5, ...over });

describe('pythonScript', () => {
  it('embeds the generated data, the protocol, the model and every exportable method; lists the others with why', () => {
    const c = config(['none', 'smote', 'ldam-drw', 'threshold-moving', 'crt', 'anyloss', 'smote-rus']);
    const ds = prepareExperiment(c).dataset;
    const text = pythonScript(c, { kind: 'points', X: ds.X.data, cols: 2, y: ds.y, classNames: ds.classNames }, '2026-11-27 10:00 UTC');
    expect(text.startsWith('#!/usr/bin/env python3\n"""Imbalance Lab experiment, exported 2026-11-27 10:00 UTC.')).toBe(true);
    expect(text).toContain('SEED = 5\n');
    expect(text).toContain('"protocol": "holdout"');
    expect(text).toContain('"epochs": 7');
    // One row per data point, and their labels.
    const block = text.split('X_ALL = np.array([\n')[1].split('\n], dtype=np.float64)')[0];
    expect(block.split('\n')).toHaveLength(200);
    expect(text).toContain(`Y_ALL = np.array([${Array.from(ds.y).join(', ')}], dtype=np.int64)`);
    const methods = text.split('METHODS = [\n')[1].split('\n]\n')[0].split('\n');
    expect(methods.map((l) => /"label": "([^"]+)"/.exec(l)![1])).toEqual(['No rebalancing', 'SMOTE', 'LDAM-DRW', 'Threshold moving', 'SMOTE + random under-sampling (Chawla et al.)']);
    expect(methods[1]).toContain('"sampler": lambda: SMOTE(k_neighbors=5, sampling_strategy="auto", random_state=SEED)');
    expect(methods[2]).toContain('"loss": {"id": "ldam-drw"');
    expect(methods[3]).toContain('"posthoc": {"kind": "threshold", "id": "threshold-moving", "objective": "f1"}');
    expect(text).toMatch(/# Not exported \(run them in the app\):\n# {3}Classifier re-training \(cRT\): two-stage methods are not exported\n# {3}Confusion-matrix loss \(AnyLoss\): AnyLoss has no library counterpart/);
    expect(text).toMatch(/\nif __name__ == "__main__":\n {4}main\(\)\n$/);
  });

  it('reads a table from a path with the target and column uses the app used', () => {
    const c = parseConfig({ ...config(['none', 'random-under']), dataset: { kind: 'builtin', name: 'pima-diabetes' } });
    const text = pythonScript(c, { kind: 'table', file: 'pima-diabetes.csv', target: 'label', columns: { glucose: 'numeric', age: 'numeric', note: 'ignored' } }, 'now');
    expect(text).toContain('DATA_FILE = sys.argv[1] if len(sys.argv) > 1 else "pima-diabetes.csv"');
    expect(text).toContain('TARGET = "label"');
    expect(text).toContain('COLUMNS = {"glucose": "numeric", "age": "numeric", "note": "ignored"}');
    expect(text).toContain('python3 experiment.py [data.csv]');
    expect(text).toContain('RandomUnderSampler(sampling_strategy="auto", replacement=False, random_state=SEED)');
  });

  it('says that image sets are not covered, as a script that exits with the reason', () => {
    const text = pythonScript(config(['none']), { kind: 'images', name: 'digits-lt' }, 'now');
    expect(text).toMatch(/sys\.exit\("This experiment uses an image set, which the script export does not cover/);
    expect(text).not.toContain('def main');
  });
});
