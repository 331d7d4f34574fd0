import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { planTrainingJobs, trainingGroupKey } from './trainingJobs';

const config = (ids: string[], model: Record<string, unknown> = {}) =>
  parseConfig({ dataset: { kind: 'synthetic', shape: 'moons', n: 300, imbalanceRatio: 10, noise: 0.3 }, model, methods: ids.map((id) => ({ id, params: {} })) });

describe('planTrainingJobs', () => {
  it('puts loss-level, post-hoc and decoupled methods in one job and the rest alone', () => {
    const c = config(['none', 'smote', 'focal', 'crt', 'anyloss', 'two-phase', 'balanced-softmax', 'tau-norm']);
    expect(planTrainingJobs(c, 1)).toEqual([[0, 3, 7, 2, 6], [1], [4], [5]]);
    expect(trainingGroupKey(c, c.methods[1])).toBeNull();
    expect(trainingGroupKey(c, c.methods[0])).toBe('instance');
  });

  it('halves the largest group while workers would idle, keeping the cross-entropy methods together', () => {
    const c = config(['none', 'focal', 'crt', 'ldam-drw', 'balanced-softmax', 'tau-norm', 'class-weight', 'logit-adjusted-loss']);
    const jobs = planTrainingJobs(c, 2);
    expect(jobs).toEqual([[0, 2, 5, 1, 3], [4, 6, 7]]);
    expect(planTrainingJobs(c, 4).length).toBe(4);
    expect(planTrainingJobs(c, 4).flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('groups class-balanced sampling methods by scheme, apart from instance sampling', () => {
    const c = parseConfig({
      dataset: { kind: 'synthetic', shape: 'moons', n: 300, imbalanceRatio: 10, noise: 0.3 },
      methods: [{ id: 'none', params: {} }, { id: 'balanced-sampling', params: { scheme: 'class-balanced' } }, { id: 'balanced-sampling', params: { scheme: 'square-root' } }],
    });
    expect(planTrainingJobs(c, 1)).toEqual([[0], [1], [2]]);
  });

  it('trains every method alone with the CNN or augmentation', () => {
    const c = config(['none', 'focal'], { kind: 'logistic', augment: 'none' });
    expect(planTrainingJobs(c, 1)).toEqual([[0, 1]]);
    const cnn = { ...c, model: { ...c.model, kind: 'cnn' as const } };
    expect(planTrainingJobs(cnn, 1)).toEqual([[0], [1]]);
    const aug = { ...c, model: { ...c.model, augment: 'tail' as const } };
    expect(planTrainingJobs(aug, 1)).toEqual([[0], [1]]);
  });

  it('plans only the given indices', () => {
    const c = config(['none', 'focal', 'smote']);
    expect(planTrainingJobs(c, 2, [1, 2])).toEqual([[1], [2]]);
  });
});
