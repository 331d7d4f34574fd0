import { describe, expect, it } from 'vitest';
import { createLabStore } from './store';
import type { Runner } from './types';

const noRunner: Runner = () => ({ cancel() {}, done: Promise.resolve('done') });

describe('lessons (store)', () => {
  it("opening a step applies its experiment, view and preview; next / back stay inside the lesson; a metric-lab step sets the lab", () => {
    const store = createLabStore({ runner: noRunner });
    store.getState().openLesson('accuracy-paradox', 0);
    let s = store.getState();
    expect(s.lesson).toEqual({ id: 'accuracy-paradox', step: 0 });
    expect(s.config.methods.map((m) => m.id)).toEqual(['none']);
    expect(s.config.model.kind).toBe('logistic');
    expect(s.evaluation.tab).toBe('ranking');
    store.getState().moveLesson(-1);
    expect(store.getState().lesson!.step).toBe(0);
    store.getState().moveLesson(1);
    expect(store.getState().config.methods.map((m) => m.id)).toEqual(['none', 'class-weight', 'balanced-softmax']);
    store.getState().moveLesson(1);
    s = store.getState();
    expect(s.lesson!.step).toBe(2);
    expect(s.metricLab).toMatchObject({ tpr: 0.8, fpr: 0.05, noise: 0, ratio: 100 });
    store.getState().moveLesson(1);
    expect(store.getState().lesson!.step).toBe(2);
    store.getState().openLesson('smote', 0);
    expect(store.getState().resampling.methodIndex).toBe(2);
    store.getState().openLesson('smote', 99);
    expect(store.getState().lesson!.step).toBe(1);
    store.getState().closeLesson();
    expect(store.getState().lesson).toBeNull();
  });

  it('an unknown lesson says which exist', () => {
    const store = createLabStore({ runner: noRunner });
    store.getState().openLesson('nope', 0);
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().urlError).toMatch(/There is no lesson 'nope'. The lessons are: accuracy-paradox, smote, leakage/);
  });
});
