/**
 * Which class each file of an uploaded folder or zip belongs to, from its path alone:
 * `root?/class/file.ext`. Decided before any byte is read, so a badly arranged upload is
 * explained at once instead of after decoding thousands of images.
 */
import { DataError } from '../../errors';
import type { SkippedFile } from './imageSet';

/**
 * Natural order: digit runs compare as numbers ('2' < '10', 'img9' < 'img10'), other runs by
 * UTF-16 code unit; ties (e.g. '01' vs '1') fall back to plain code-unit order so the result is a
 * total order. Locale-free on purpose: class indices must be the same in every browser and in Node.
 */
export function naturalCompare(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === y) continue;
    const dx = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const dy = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (dx && dy) {
      const sx = x.replace(/^0+(?=\d)/, '');
      const sy = y.replace(/^0+(?=\d)/, '');
      if (sx.length !== sy.length) return sx.length - sy.length;
      if (sx !== sy) return sx < sy ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The formats the loader decodes, for messages. */
export const SUPPORTED_FORMATS = 'PNG, JPEG, WebP, GIF or BMP';

const JUNK_NAMES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/** Splits a path into segments, normalising '\' to '/' and dropping '' and '.' segments. */
function segments(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
}

/**
 * True for files that operating systems and archivers add and nobody means as data: anything
 * under `__MACOSX/`, hidden files and folders (`.DS_Store`, `._photo.png`, `.git/`), `Thumbs.db`,
 * `desktop.ini`. They are ignored silently (only counted in a note).
 */
export function isIgnoredPath(path: string): boolean {
  const segs = segments(path);
  if (segs.length === 0) return true;
  return segs.some((s) => s === '__MACOSX' || s.startsWith('.')) || JUNK_NAMES.has(segs[segs.length - 1].toLowerCase());
}

/**
 * True for paths that could escape the folder they are unpacked into ("zip slip"): absolute
 * paths (`/x`, `\x`, `C:…`) and any `..` segment. The loader never writes files, but such a path
 * is a sign of a hostile or broken archive, so the file is refused rather than guessed at.
 */
export function isUnsafePath(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..');
}

export interface ClassifiedFile {
  /** Position in the input list. */
  index: number;
  /** The path as given. */
  path: string;
  className: string;
}

export interface PathLayout {
  files: ClassifiedFile[];
  skipped: SkippedFile[];
  /** Paths ignored as system files (see `isIgnoredPath`). */
  ignored: string[];
  /** The wrapping top folder that was stripped, if any. */
  root: string | null;
}

/**
 * Assigns a class to each path: `class/file` or `root/class/file`.
 *
 * The single wrapping top folder most zips have (`digits/0/a.png`) is stripped when every path
 * that has a folder shares it and either some path is three levels deep or `source` is 'folder'
 * (a directory picker always reports the picked folder first, as in `webkitRelativePath`). A zip
 * holding `cat/a.png, cat/b.png` is therefore one class 'cat', not two loose images.
 *
 * Skipped, with a reason: unsafe paths, files above the class folders, files nested deeper than
 * `class/file`. Ignored silently: system files.
 */
export function classifyPaths(paths: readonly string[], opts: { source?: 'zip' | 'folder' } = {}): PathLayout {
  const skipped: SkippedFile[] = [];
  const ignored: string[] = [];
  const candidates: { index: number; path: string; segs: string[] }[] = [];
  paths.forEach((path, index) => {
    if (isUnsafePath(path)) {
      skipped.push({ file: path, reason: `unsafe path ${path} (absolute or containing '..'): refused` });
    } else if (isIgnoredPath(path)) {
      ignored.push(path);
    } else {
      candidates.push({ index, path, segs: segments(path) });
    }
  });

  const foldered = candidates.filter((c) => c.segs.length >= 2);
  const first = foldered.length > 0 ? foldered[0].segs[0] : null;
  const shared = first !== null && foldered.every((c) => c.segs[0] === first);
  const strip = shared && (opts.source === 'folder' || foldered.some((c) => c.segs.length >= 3));
  const root = strip ? first : null;

  const files: ClassifiedFile[] = [];
  for (const c of candidates) {
    const rel = strip && c.segs.length >= 2 ? c.segs.slice(1) : c.segs;
    if (rel.length === 1) {
      skipped.push({ file: c.path, reason: `not in a class folder: ${c.path} is at the top level; put each image inside a folder named after its class` });
    } else if (rel.length > 2) {
      skipped.push({ file: c.path, reason: `nested folder ${c.path}: put images directly inside one folder per class` });
    } else {
      files.push({ index: c.index, path: c.path, className: rel[0] });
    }
  }
  return { files, skipped, ignored, root };
}

/** "3 files were skipped, e.g. …" for error messages; '' when nothing was skipped. */
export function describeSkipped(skipped: readonly SkippedFile[], examples = 2): string {
  if (skipped.length === 0) return '';
  const shown = skipped
    .slice(0, examples)
    .map((s) => (s.reason.includes(s.file) ? s.reason : `${s.file}: ${s.reason}`))
    .join('; ');
  const n = skipped.length;
  return ` ${n} file${n === 1 ? ' was' : 's were'} skipped, e.g. ${shown}.`;
}

/**
 * Class indices from class names: classes are the distinct names in natural order.
 *
 * @param items one entry per usable image.
 * @param skipped what was left out so far, summarised in the error messages.
 * @throws DataError "No images found: expected one sub-folder per class …" when `items` is empty.
 * @throws DataError "Found images of only one class ('cat', 12 images) …" when all share one class.
 */
export function assignClasses(items: readonly { className: string }[], skipped: readonly SkippedFile[] = []): { classNames: string[]; y: Int32Array } {
  if (items.length === 0) {
    throw new DataError(
      `No images found: expected one sub-folder per class with ${SUPPORTED_FORMATS} images inside (e.g. cat/001.png, dog/001.png).${describeSkipped(skipped)} Got 0 images instead.`,
    );
  }
  const classNames = [...new Set(items.map((i) => i.className))].sort(naturalCompare);
  if (classNames.length === 1) {
    throw new DataError(
      `Found images of only one class ('${classNames[0]}', ${items.length} image${items.length === 1 ? '' : 's'}); a classifier needs at least two. Put each class in its own sub-folder (e.g. cat/, dog/).${describeSkipped(skipped)} Got 1 class instead.`,
    );
  }
  const index = new Map(classNames.map((c, i) => [c, i]));
  return { classNames, y: Int32Array.from(items, (i) => index.get(i.className)!) };
}
