import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { rocConvexHull } from './hull';
import type { RocPoint } from './hull';

const fixture = JSON.parse(
  readFileSync(new URL('../../../../shared/fixtures/roc_hull.json', import.meta.url), 'utf8'),
) as { about: string; cases: { name: string; points: [number, number][]; hull: [number, number][] }[] };

const toPoints = (xs: [number, number][]): RocPoint[] => xs.map(([fpr, tpr]) => ({ fpr, tpr }));
const toPairs = (ps: RocPoint[]): [number, number][] => ps.map((p) => [p.fpr, p.tpr]);

/** TPR of the hull polyline at `fpr` (the highest, if the hull has a vertical step there). */
function hullAt(hull: RocPoint[], fpr: number): number {
  let best = -Infinity;
  for (let i = 1; i < hull.length; i++) {
    const a = hull[i - 1];
    const b = hull[i];
    if (fpr < a.fpr || fpr > b.fpr) continue;
    const t = b.fpr === a.fpr ? Math.max(a.tpr, b.tpr) : a.tpr + ((b.tpr - a.tpr) * (fpr - a.fpr)) / (b.fpr - a.fpr);
    best = Math.max(best, t);
  }
  return best;
}

describe('rocConvexHull: roc_hull.json', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      expect(toPairs(rocConvexHull(toPoints(c.points)))).toEqual(c.hull);
    });
  }
});

describe('rocConvexHull', () => {
  it('with no points is the diagonal', () => {
    expect(toPairs(rocConvexHull([]))).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('returns the caller’s objects, extra fields included', () => {
    const smote = { fpr: 0.1, tpr: 0.8, method: 'smote' };
    const plain = { fpr: 0.3, tpr: 0.7, method: 'none' };
    const hull = rocConvexHull([plain, smote]);
    expect(hull).toHaveLength(3);
    expect(hull[1]).toBe(smote);
  });

  it('drops duplicates and points equal to the end points', () => {
    const hull = rocConvexHull(toPoints([[0, 0], [0.2, 0.6], [0.2, 0.6], [1, 1], [0.5, 0.5]]));
    expect(toPairs(hull)).toEqual([
      [0, 0],
      [0.2, 0.6],
      [1, 1],
    ]);
  });

  it('keeps a vertical step at fpr = 0 (a perfect-precision operating point)', () => {
    expect(toPairs(rocConvexHull(toPoints([[0, 0.5], [0.5, 0.9]])))).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 0.9],
      [1, 1],
    ]);
  });

  it('rejects coordinates outside [0, 1]', () => {
    expect(() => rocConvexHull([{ fpr: 1.5, tpr: 0.2 }])).toThrow(ConfigError);
    expect(() => rocConvexHull([{ fpr: 0.5, tpr: NaN }])).toThrow(/Got NaN instead\.$/);
  });

  it('property: a concave chain from (0,0) to (1,1) on or above every point', () => {
    const coord = fc.integer({ min: 0, max: 20 }).map((v) => v / 20);
    fc.assert(
      fc.property(fc.array(fc.record({ fpr: coord, tpr: coord }), { maxLength: 30 }), (points) => {
        const hull = rocConvexHull(points);
        expect(hull[0]).toEqual({ fpr: 0, tpr: 0 });
        expect(hull[hull.length - 1]).toEqual({ fpr: 1, tpr: 1 });
        for (let i = 1; i < hull.length; i++) expect(hull[i].fpr).toBeGreaterThanOrEqual(hull[i - 1].fpr);
        for (let i = 2; i < hull.length; i++) {
          const [o, a, b] = [hull[i - 2], hull[i - 1], hull[i]];
          const cross = (a.fpr - o.fpr) * (b.tpr - o.tpr) - (a.tpr - o.tpr) * (b.fpr - o.fpr);
          expect(cross).toBeLessThan(0); // strict right turn: no collinear vertices
        }
        for (const p of points) expect(p.tpr).toBeLessThanOrEqual(hullAt(hull, p.fpr) + 1e-12);
        for (const v of hull.slice(1, -1)) expect(points).toContain(v);
      }),
    );
  });
});
