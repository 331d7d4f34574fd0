import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DataError } from '../../errors';
import { assignClasses, classifyPaths, isIgnoredPath, isUnsafePath, naturalCompare } from './layout';

const DIGITS_LT = '/work/shared/datasets/digits-lt';

describe('naturalCompare', () => {
  it('orders digit runs as numbers', () => {
    expect(['10', '2', '1', 'b', 'a10', 'a9', 'A'].sort(naturalCompare)).toEqual(['1', '2', '10', 'A', 'a9', 'a10', 'b']);
    expect(['img-010.png', 'img-9.png', 'img-0100.png'].sort(naturalCompare)).toEqual(['img-9.png', 'img-010.png', 'img-0100.png']);
  });

  it('is a total order: antisymmetric, zero only for equal strings, transitive', () => {
    const s = fc.stringMatching(/^[a-c0_19]{0,6}$/);
    fc.assert(
      fc.property(s, s, s, (a, b, c) => {
        if (naturalCompare(a, b) > 0) [a, b] = [b, a];
        if (naturalCompare(b, c) > 0) [b, c] = [c, b];
        expect(Math.sign(naturalCompare(a, b)) + Math.sign(naturalCompare(b, a))).toBe(0);
        expect(naturalCompare(a, b) === 0).toBe(a === b);
        if (naturalCompare(a, b) <= 0 && naturalCompare(b, c) <= 0) expect(naturalCompare(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('classifyPaths', () => {
  it('strips the one wrapping folder a zip usually has', () => {
    const l = classifyPaths(['digits/0/a.png', 'digits/1/b.png', 'digits/10/c.png']);
    expect(l.root).toBe('digits');
    expect(l.files.map((f) => f.className)).toEqual(['0', '1', '10']);
    expect(l.skipped).toEqual([]);
  });

  it('keeps class folders at the top when there is no wrapper', () => {
    const l = classifyPaths(['cat/a.png', 'dog/b.png']);
    expect(l.root).toBeNull();
    expect(l.files.map((f) => [f.index, f.className])).toEqual([[0, 'cat'], [1, 'dog']]);
  });

  it('reads a lone folder of images in a zip as one class, but as loose images when picked as a folder', () => {
    expect(classifyPaths(['cat/a.png', 'cat/b.png']).files.map((f) => f.className)).toEqual(['cat', 'cat']);
    const picked = classifyPaths(['photos/a.png', 'photos/b.png'], { source: 'folder' });
    expect(picked.files).toEqual([]);
    expect(picked.skipped[0].reason).toMatch(/not in a class folder: photos\/a.png is at the top level/);
  });

  it('ignores system files, and they do not hide the wrapper', () => {
    const l = classifyPaths(['__MACOSX/data/cat/._a.png', 'data/.DS_Store', 'data/cat/a.png', 'data/dog/Thumbs.db', 'data/dog/b.png', '.hidden/x.png']);
    expect(l.ignored).toHaveLength(4);
    expect(l.root).toBe('data');
    expect(l.files.map((f) => f.className)).toEqual(['cat', 'dog']);
    expect(isIgnoredPath('a/desktop.ini')).toBe(true);
    expect(isIgnoredPath('a/b.png')).toBe(false);
  });

  it('skips files above the class folders and files nested deeper, saying what to do', () => {
    const l = classifyPaths(['README.md', 'data/cat/a.png', 'data/dog/b.png', 'data/dog/old/c.png']);
    expect(l.root).toBe('data');
    expect(l.files.map((f) => f.path)).toEqual(['data/cat/a.png', 'data/dog/b.png']);
    expect(l.skipped).toEqual([
      { file: 'README.md', reason: 'not in a class folder: README.md is at the top level; put each image inside a folder named after its class' },
      { file: 'data/dog/old/c.png', reason: 'nested folder data/dog/old/c.png: put images directly inside one folder per class' },
    ]);
  });

  it('refuses path traversal and absolute paths', () => {
    for (const p of ['../evil.png', 'a/../../evil.png', '/etc/a.png', 'C:\\x\\a.png', '..\\evil.png']) expect(isUnsafePath(p)).toBe(true);
    expect(isUnsafePath('a/..b/c.png')).toBe(false);
    const l = classifyPaths(['../evil.png', 'd/cat/a.png', 'd/dog/b.png']);
    expect(l.root).toBe('d');
    expect(l.skipped).toEqual([{ file: '../evil.png', reason: "unsafe path ../evil.png (absolute or containing '..'): refused" }]);
  });

  it('accepts Windows separators', () => {
    expect(classifyPaths(['d\\cat\\a.png', 'd\\dog\\b.png']).files.map((f) => f.className)).toEqual(['cat', 'dog']);
  });

  it('reads the real digits-lt folder as 10 classes', () => {
    const paths = readdirSync(DIGITS_LT).flatMap((c) => readdirSync(`${DIGITS_LT}/${c}`).map((f) => `digits-lt/${c}/${f}`));
    const l = classifyPaths(paths, { source: 'folder' });
    const { classNames, y } = assignClasses(l.files);
    expect(classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const counts = classNames.map((_, c) => y.filter((v) => v === c).length);
    expect(counts).toEqual([158, 95, 57, 34, 20, 12, 7, 4, 3, 2]);
  });
});

describe('assignClasses', () => {
  it('numbers classes in natural order of their names', () => {
    const r = assignClasses([{ className: '10' }, { className: '2' }, { className: '10' }]);
    expect(r.classNames).toEqual(['2', '10']);
    expect(Array.from(r.y)).toEqual([1, 0, 1]);
  });

  it('explains zero images, with what was skipped', () => {
    const skipped = classifyPaths(['x/a/b/c.png', 'x/a/b/d.png']).skipped;
    expect(() => assignClasses([], skipped)).toThrow(DataError);
    expect(() => assignClasses([], skipped)).toThrow(
      /^No images found: expected one sub-folder per class with PNG, JPEG, WebP, GIF or BMP images inside .* 2 files were skipped, e\.g\. nested folder x\/a\/b\/c\.png: put images directly inside one folder per class; .* Got 0 images instead\.$/,
    );
  });

  it('explains a single class', () => {
    expect(() => assignClasses([{ className: 'cat' }, { className: 'cat' }])).toThrow(
      "Found images of only one class ('cat', 2 images); a classifier needs at least two. Put each class in its own sub-folder (e.g. cat/, dog/). Got 1 class instead.",
    );
  });
});
