/**
 * The data part of the exported Python script: `load_data()` returning (X, y, class names, fixed
 * test rows or None). Generated points and image pixels are embedded (images as zlib-compressed
 * base64, 8-bit when every pixel is a multiple of 1/255, else float32); tables are read from their
 * CSV with the column uses the app applied, and the long-tail builder's rows when it chose some.
 */
import { zlibSync } from 'fflate';
import { DataError } from '../errors';

/** Largest pixel payload embedded in a script (bytes before compression): beyond it the script would be tens of megabytes and slow to build in the page. */
export const MAX_EMBEDDED_PIXEL_BYTES = 16 * 2 ** 20;

export type ScriptData =
  | { kind: 'points'; X: ArrayLike<number>; cols: number; y: ArrayLike<number>; classNames: string[] }
  | {
      kind: 'table';
      file: string;
      target: string;
      columns: Record<string, 'numeric' | 'categorical' | 'boolean' | 'ignored'>;
      /** The rows the experiment used (indices into the labelled rows) and its fixed test rows (indices into those), when the long-tail builder chose them. */
      subset?: { rows: ArrayLike<number>; fixedTest: ArrayLike<number> };
    }
  | {
      kind: 'images';
      name: string;
      /** Pixels in [0, 1], HWC per image, one image per row. */
      pixels: ArrayLike<number>;
      shape: readonly [number, number, number];
      y: ArrayLike<number>;
      classNames: string[];
      /** Rows of the fixed test set (a shipped test folder, or the long-tail builder's balanced test rows). */
      fixedTest?: ArrayLike<number>;
    };

export const py = (v: unknown): string => {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'float("nan")';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(py).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}: ${py(x)}`).join(', ')}}`;
};

const ints = (a: ArrayLike<number>) => `[${Array.from(a).join(', ')}]`;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 base64 (core has no DOM, so no btoa). */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    out.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], left > 1 ? ALPHABET[(n >> 6) & 63] : '=', left > 2 ? ALPHABET[n & 63] : '=');
  }
  return out.join('');
}

/** Whether every pixel is a multiple of 1/255 in [0, 1] (then one byte each holds it exactly). */
function isEightBit(pixels: ArrayLike<number>): boolean {
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i] * 255;
    if (!(v >= 0 && v <= 255 && Math.abs(v - Math.round(v)) < 1e-4)) return false;
  }
  return true;
}

/**
 * The pixels as zlib + base64, wrapped at 100 characters, and the NumPy dtype to read them with.
 * @throws DataError when the pixels take more than {@link MAX_EMBEDDED_PIXEL_BYTES}.
 */
export function packPixels(pixels: ArrayLike<number>, images = 1): { dtype: 'uint8' | 'float32'; lines: string[] } {
  const eightBit = isEightBit(pixels);
  const size = pixels.length * (eightBit ? 1 : 4);
  if (size > MAX_EMBEDDED_PIXEL_BYTES) {
    throw new DataError(
      `This image set is too large to travel inside a script: ${images} images take ${(size / 2 ** 20).toFixed(1)} MB of pixels, and a script holds at most ${MAX_EMBEDDED_PIXEL_BYTES / 2 ** 20} MB. Export the experiment (.json) instead and run it with the command line: imbalance-lab run --config experiment.json --data images.zip. Got ${size} bytes instead.`,
    );
  }
  const bytes = eightBit ? Uint8Array.from(pixels, (v) => Math.round(v * 255)) : new Uint8Array(Float32Array.from(pixels).buffer);
  const text = base64(zlibSync(bytes, { level: 6 }));
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 100) lines.push(text.slice(i, i + 100));
  return { dtype: eightBit ? 'uint8' : 'float32', lines };
}

export function dataSection(data: ScriptData, seed: number): string {
  if (data.kind === 'points') {
    const rows: string[] = [];
    for (let i = 0; i < data.y.length; i++) rows.push(`[${Array.from({ length: data.cols }, (_, j) => Number(data.X[i * data.cols + j]).toPrecision(8)).join(', ')}]`);
    return `# The generated data of the experiment (${data.y.length} rows, seed ${seed}), as the app drew it.
IMAGE_SHAPE = None
CLASS_NAMES = ${py(data.classNames)}
X_ALL = np.array([
${rows.map((r) => `    ${r},`).join('\n')}
], dtype=np.float64)
Y_ALL = np.array(${ints(data.y)}, dtype=np.int64)


def load_data():
    return X_ALL, Y_ALL, CLASS_NAMES, None
`;
  }
  if (data.kind === 'images') {
    const { dtype, lines } = packPixels(data.pixels, data.y.length);
    const [h, w, c] = data.shape;
    return `# The image set '${data.name}' as the app decoded it: ${data.y.length} images of ${h}x${w}x${c}, pixels in [0, 1] (HWC per row), zlib + base64.
IMAGE_SHAPE = (${h}, ${w}, ${c})
CLASS_NAMES = ${py(data.classNames)}
PIXELS = (
${lines.map((l) => `    "${l}"`).join('\n')}
)
Y_ALL = np.array(${ints(data.y)}, dtype=np.int64)
FIXED_TEST = ${data.fixedTest && data.fixedTest.length ? `np.array(${ints(data.fixedTest)}, dtype=np.int64)  # the test split of every repeat` : 'None'}


def load_data():
    import base64
    import zlib

    X = np.frombuffer(zlib.decompress(base64.b64decode("".join(PIXELS))), dtype=np.${dtype}).astype(np.float64)${dtype === 'uint8' ? ' / 255' : ''}
    return X.reshape(len(Y_ALL), -1), Y_ALL, CLASS_NAMES, FIXED_TEST
`;
  }
  return `# The table: pass its path as the first argument (default: the file the app loaded).
IMAGE_SHAPE = None
DATA_FILE = sys.argv[1] if len(sys.argv) > 1 else ${py(data.file)}
TARGET = ${py(data.target)}
COLUMNS = ${py(data.columns)}  # how the app used each column
${
  data.subset
    ? `# The long-tail builder's rows (indices into the labelled rows) and its balanced test rows (indices into ROWS).
ROWS = ${ints(data.subset.rows)}
FIXED_TEST = ${ints(data.subset.fixedTest)}`
    : 'ROWS = FIXED_TEST = None'
}


def load_data():
    import csv

    with open(DATA_FILE, newline="", encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f) if (r.get(TARGET) or "").strip() != ""]
    labels = [r[TARGET].strip() for r in rows]
    number = lambda s: s.replace(".", "", 1).lstrip("-").isdigit()
    names = sorted(set(labels), key=lambda s: (0, float(s), s) if number(s) else (1, 0, s))
    index = {n: i for i, n in enumerate(names)}
    features = [c for c, use in COLUMNS.items() if use != "ignored"]
    X = np.array([[(r.get(c) or "").strip() for c in features] for r in rows], dtype=object).reshape(len(rows), len(features))
    y = np.array([index[l] for l in labels], dtype=np.int64)
    if ROWS is not None:
        return X[ROWS], y[ROWS], names, np.array(FIXED_TEST, dtype=np.int64)
    return X, y, names, None
`;
}
