import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../state/urlCodec';
import { checkMetricLab, DEFAULT_METRIC_LAB } from '../state/metricLab';
import { findLesson, LESSONS, lessonHash, parseLessonHash } from './lessons';

describe('lessons', () => {
  it('ships the six lessons of the issue, each with steps, sources and unique ids', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(['accuracy-paradox', 'smote', 'leakage', 'reweighting', 'thresholds', 'metrics-under-noise']);
    for (const l of LESSONS) {
      expect(l.steps.length).toBeGreaterThan(0);
      expect(l.sources.length).toBeGreaterThan(0);
    }
  });

  it('every step is a valid experiment link or valid metric-lab settings, and says what to look at', () => {
    for (const l of LESSONS) {
      for (const [k, step] of l.steps.entries()) {
        const where = `${l.id} step ${k + 1}`;
        expect(Boolean(step.query) !== Boolean(step.metricLab), `${where}: a link or metric-lab settings`).toBe(true);
        expect(step.look.length, where).toBeGreaterThan(20);
        if (step.query) {
          const config = decodeConfig(step.query).config!;
          expect(config, where).not.toBeNull();
          expect(config.methods.length, where).toBeGreaterThan(0);
          expect(config.model.epochs, `${where}: small enough for a laptop`).toBeLessThanOrEqual(40);
          if (step.preview !== undefined) expect(step.preview, where).toBeLessThan(config.methods.length);
        } else {
          expect(() => checkMetricLab({ ...DEFAULT_METRIC_LAB, ...step.metricLab }), where).not.toThrow();
        }
      }
    }
  });

  it('reads and writes lesson links', () => {
    expect(parseLessonHash('#lesson/leakage/2')).toEqual({ id: 'leakage', step: 1 });
    expect(parseLessonHash('#lesson/leakage')).toEqual({ id: 'leakage', step: 0 });
    expect(parseLessonHash('#metric-lab')).toBeNull();
    expect(lessonHash('smote', 0)).toBe('#lesson/smote/1');
    expect(findLesson('thresholds')!.steps).toHaveLength(2);
  });
});
