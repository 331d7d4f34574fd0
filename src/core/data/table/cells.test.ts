import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { booleanValue, classifyCell, looksLikeFormula, parseNumber, sortLikeNumpyUnique } from './cells';

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    ['-1.5', -1.5],
    ['+3', 3],
    ['.5', 0.5],
    ['1.', 1],
    ['-0', -0],
    ['1e-5', 1e-5],
    ['2.5E3', 2500],
    ['007', 7],
    ['1,234,567.89', 1234567.89],
    ['-0.0727811733098497', -0.0727811733098497],
  ])('reads %s as %s', (s, v) => {
    expect(Object.is(parseNumber(s), v)).toBe(true);
  });

  it.each(['', 'abc', '0x1A', '0b101', '0o17', '1_000', '$12', '12%', '1.2.3', '.', '-', 'e5', '1e', 'NaN', '1,5', '1 000'])('rejects %j', (s) => {
    expect(parseNumber(s)).toBeNaN();
  });

  it('returns ±Infinity for numbers that overflow a float64 (the caller counts them as infinite)', () => {
    expect(parseNumber('1e999')).toBe(Infinity);
    expect(parseNumber('-1e999')).toBe(-Infinity);
  });

  it.each([
    ['1,5', 1.5],
    ['-0,25', -0.25],
    [',5', 0.5],
    ['1.234,5', 1234.5],
    ['1.500', 1500],
    ['1.5', 1.5],
    ['12', 12],
  ])('with a decimal comma reads %s as %s', (s, v) => {
    expect(parseNumber(s, true)).toBe(v);
  });

  it('agrees with Number() on every double printed by JavaScript', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = String(x);
        expect(Object.is(parseNumber(s), Number(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Number() on decimal strings of up to 25 digits', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.constantFrom('', '-', '+'), digits, fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 13 })), (sign, int, frac) => {
        const s = `${sign}${int}${frac === null ? '' : `.${frac}`}`;
        expect(Object.is(parseNumber(s), Number(s))).toBe(true);
        expect(Object.is(parseNumber(s.replace('.', ','), true), Number(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('classifyCell', () => {
  it.each(['', '  ', 'NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '#N/A', '<NA>', ' nan '])('%j is missing', (s) => {
    expect(classifyCell(s).kind).toBe('missing');
  });

  it.each(['inf', '-inf', 'Infinity', '-Infinity', '+INF', '∞', '1e400'])('%j is infinite', (s) => {
    expect(classifyCell(s).kind).toBe('infinite');
  });

  it.each(['none', 'missing', 'nil', 'N.A.', 'abc'])('%j is text (exact missing tokens only)', (s) => {
    expect(classifyCell(s).kind).toBe('text');
  });

  it('trims before reading', () => {
    expect(classifyCell(' 1.5\r')).toEqual({ kind: 'number', value: 1.5, text: '1.5' });
  });
});

describe('looksLikeFormula', () => {
  it.each(['=HYPERLINK("http://x","click")', '=1+2', '+SUM(A1)', '-cmd', '@SUM(A1:A2)', '+(1)', '=A1'])('%j looks like a formula', (s) => {
    expect(looksLikeFormula(s)).toBe(true);
  });
  it.each(['-1', '+1', '-', '=', 'a=b', '- x', '@', 'email@example.com'])('%j does not', (s) => {
    expect(looksLikeFormula(s)).toBe(false);
  });
});

describe('booleanValue', () => {
  it('reads the usual spellings, in any case', () => {
    for (const t of ['true', 'TRUE', 'True', 't', 'yes', 'Y', 'on', '1', '1.0']) expect(booleanValue(t)).toBe(1);
    for (const f of ['false', 'FALSE', 'f', 'no', 'N', 'off', '0', '0.0', '-0']) expect(booleanValue(f)).toBe(0);
    for (const x of ['2', 'maybe', '', 'yes!']) expect(booleanValue(x)).toBe(-1);
  });
});

describe('sortLikeNumpyUnique', () => {
  it('sorts numerically when every value is a number, else by code unit, and drops duplicates', () => {
    expect(sortLikeNumpyUnique(['10', '9', '1', '9'])).toEqual(['1', '9', '10']);
    expect(sortLikeNumpyUnique(['b', 'B', 'a', '10', '9'])).toEqual(['10', '9', 'B', 'a', 'b']);
    expect(sortLikeNumpyUnique(['-1', '0.5', '1e1'])).toEqual(['-1', '0.5', '1e1']);
  });
});
