import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from './random';

describe('seeded RNG', () => {
  it('same seed → same stream; different seed → different stream', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
  });

  it('forks are independent of how much the parent has drawn', () => {
    const a = createRng(7), b = createRng(7);
    for (let i = 0; i < 50; i++) a.next();
    expect(a.fork('split').next()).toBe(b.fork('split').next());
    expect(a.fork('split').next()).not.toBe(a.fork('smote').next());
  });

  it('next() is in [0, 1), int(n) in [0, n), and roughly uniform', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const r = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const u = r.next();
          const k = r.int(n);
          expect(u >= 0 && u < 1).toBe(true);
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        }
      }),
    );
    const r = createRng(1);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(r.next() * 10)]++;
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('normal() has mean ≈ 0 and variance ≈ 1', () => {
    const r = createRng(5);
    let s = 0, s2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });

  it('shuffle is a seeded permutation', () => {
    const p = createRng(3).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(createRng(3).shuffle(Array.from({ length: 50 }, (_, i) => i))).toEqual(p);
  });
});
