/**
 * Zip archives of images, read in memory with fflate's raw inflate. The central directory is
 * parsed here rather than by `unzipSync` so that (1) declared sizes are checked against the limits
 * before anything is inflated (a "zip bomb" of 42 KB can declare petabytes), (2) one corrupt,
 * encrypted or exotically compressed entry is reported and skipped instead of failing the whole
 * archive, and (3) system files (`__MACOSX/`, `.DS_Store`) are never inflated.
 *
 * Format: PKWARE APPNOTE.TXT 6.3 — end of central directory (EOCD), zip64 EOCD locator/record,
 * central directory headers, local file headers, CRC-32 (polynomial 0xEDB88320).
 */
import { inflateSync } from 'fflate';
import { DataError } from '../../core/errors';
import { isIgnoredPath } from '../../core/data/images/layout';
import { imageTypeName, sniffImage } from '../../core/data/images/sniff';

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
  /** Set when the entry could not be extracted; `bytes` is then empty and the loader lists it as skipped. */
  problem?: string;
}

export interface ZipLimits {
  /** Most files (not counting folders and system files) an archive may hold. Default 100 000. */
  maxEntries?: number;
  /** Most bytes all files may unpack to, by their declared sizes. Default 1 GiB. */
  maxTotalBytes?: number;
  /** Most bytes one file may unpack to; larger files are skipped. Default 256 MiB. */
  maxEntryBytes?: number;
}

export interface ReadZipOptions extends ZipLimits {
  /** The archive's file name, for messages (default 'The file'). */
  name?: string;
}

export const DEFAULT_ZIP_LIMITS: Required<ZipLimits> = { maxEntries: 100_000, maxTotalBytes: 1024 ** 3, maxEntryBytes: 256 * 1024 ** 2 };

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 as stored in zip headers (unsigned). */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

/** "1.5 GB", "300 KB" for messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB', 'PB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

const METHOD_NAMES: Record<number, string> = { 1: 'shrink', 6: 'implode', 9: 'deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'zstd', 95: 'xz', 98: 'PPMd', 99: 'AES encryption' };

let utf8: TextDecoder | null = null;
/** Entry names: UTF-8 when flagged or valid (most tools write UTF-8 without the flag), else Latin-1. */
function decodeName(raw: Uint8Array): string {
  utf8 ??= new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(raw);
  } catch {
    return String.fromCharCode(...raw);
  }
}

interface CentralEntry {
  path: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Unpacks the files of a zip archive (folders left out) in archive order.
 *
 * @returns one entry per file, folders left out. System files (`__MACOSX/`, `.DS_Store`, see
 *   `isIgnoredPath`) are listed with empty bytes and never inflated, so the loader can count them
 *   in a note. Entries that cannot be extracted (encrypted, unsupported compression, corrupt data,
 *   CRC mismatch, over `maxEntryBytes`) carry a `problem` instead of bytes.
 * @throws DataError "… is not a zip archive (it looks like text) …" when the bytes are something else,
 *   "… could not be read as a zip archive …" when the directory is missing or damaged (truncated
 *   download), and when the archive holds more than `maxEntries` files or declares more than
 *   `maxTotalBytes` in total.
 */
export function readZip(data: Uint8Array, opts: ReadZipOptions = {}): ZipEntry[] {
  const name = opts.name ? `'${opts.name}'` : 'The file';
  const limits: Required<ZipLimits> = {
    maxEntries: opts.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
    maxTotalBytes: opts.maxTotalBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes,
    maxEntryBytes: opts.maxEntryBytes ?? DEFAULT_ZIP_LIMITS.maxEntryBytes,
  };
  const isZipStart = data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5) && (data[3] === 4 || data[3] === 6);
  if (!isZipStart) {
    const s = sniffImage(data.subarray(0, 4096));
    const looks = s.kind === 'image' ? `a ${imageTypeName(s.type)} image` : s.kind === 'unsupported' ? `a ${s.type} file` : s.looksLike;
    throw new DataError(
      `${name} is not a zip archive (it looks like ${looks}). Choose a .zip file with one sub-folder per class, or pick the folder itself. Got ${formatBytes(data.length)} that do not start with a zip header instead.`,
    );
  }
  const damaged = (why: string) =>
    new DataError(`${name} could not be read as a zip archive: ${why}. The download may be incomplete; re-create or re-download the zip. Got ${formatBytes(data.length)} instead.`);

  // End of central directory: the last 22+ bytes, possibly followed by a comment of up to 65535 bytes.
  let eocd = -1;
  for (let o = data.length - 22; o >= Math.max(0, data.length - 22 - 65535); o--) {
    if (u32(data, o) === 0x06054b50) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw damaged('its table of contents (end of central directory) is missing');
  let count = u16(data, eocd + 10);
  let dirOffset = u32(data, eocd + 16);
  if ((count === 0xffff || dirOffset === 0xffffffff) && eocd >= 20 && u32(data, eocd - 20) === 0x07064b50) {
    const z = u64(data, eocd - 12);
    if (z + 56 > data.length || u32(data, z) !== 0x06064b50) throw damaged('its zip64 table of contents is damaged');
    count = u64(data, z + 32);
    dirOffset = u64(data, z + 48);
  }
  const central: CentralEntry[] = [];
  let o = dirOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > data.length || u32(data, o) !== 0x02014b50) throw damaged(`entry ${i + 1} of ${count} in its table of contents is damaged`);
    const nameLen = u16(data, o + 28);
    const extraLen = u16(data, o + 30);
    const commentLen = u16(data, o + 32);
    const e: CentralEntry = {
      path: decodeName(data.subarray(o + 46, o + 46 + nameLen)),
      flags: u16(data, o + 8),
      method: u16(data, o + 10),
      crc: u32(data, o + 16),
      compressedSize: u32(data, o + 20),
      size: u32(data, o + 24),
      localOffset: u32(data, o + 42),
    };
    // Zip64 extended information (header 0x0001): 8-byte values for the fields that are saturated above.
    for (let x = o + 46 + nameLen, end = x + extraLen; x + 4 <= end; x += 4 + u16(data, x + 2)) {
      if (u16(data, x) !== 1) continue;
      let f = x + 4;
      if (e.size === 0xffffffff) {
        e.size = u64(data, f);
        f += 8;
      }
      if (e.compressedSize === 0xffffffff) {
        e.compressedSize = u64(data, f);
        f += 8;
      }
      if (e.localOffset === 0xffffffff) e.localOffset = u64(data, f);
    }
    central.push(e);
    o += 46 + nameLen + extraLen + commentLen;
  }

  const all = central.filter((e) => !e.path.endsWith('/'));
  const files = all.filter((e) => !isIgnoredPath(e.path));
  // Checked after the directory is read (its size is bounded by the archive's), so system files
  // such as macOS's ._* twins do not count against the limit.
  if (files.length > limits.maxEntries) {
    throw new DataError(`${name} holds ${files.length} files; at most ${limits.maxEntries} are accepted. Split the data set into smaller archives. Got ${files.length} files instead.`);
  }
  let total = 0;
  for (const e of files) if (e.size <= limits.maxEntryBytes) total += e.size;
  if (total > limits.maxTotalBytes) {
    throw new DataError(
      `${name} would unpack to ${formatBytes(total)}; at most ${formatBytes(limits.maxTotalBytes)} is accepted (a guard against zip bombs and running out of memory). Use fewer or smaller images. Got ${total} bytes instead.`,
    );
  }

  return all.map((e): ZipEntry => {
    if (isIgnoredPath(e.path)) return { path: e.path, bytes: new Uint8Array(0) };
    const fail = (problem: string): ZipEntry => ({ path: e.path, bytes: new Uint8Array(0), problem });
    if (e.flags & 1) return fail('encrypted (password-protected) zip entry: re-create the zip without a password');
    if (e.size > limits.maxEntryBytes) {
      return fail(`file too large: it unpacks to ${formatBytes(e.size)}; at most ${formatBytes(limits.maxEntryBytes)} per file is accepted`);
    }
    const lo = e.localOffset;
    if (lo + 30 > data.length || u32(data, lo) !== 0x04034b50) return fail('damaged zip entry (its local header is missing): re-create the zip');
    const start = lo + 30 + u16(data, lo + 26) + u16(data, lo + 28);
    if (start + e.compressedSize > data.length) return fail('truncated zip entry (the archive ends inside it): re-create or re-download the zip');
    const raw = data.subarray(start, start + e.compressedSize);
    let bytes: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) return fail('damaged zip entry (stored size does not match): re-create the zip');
      bytes = raw.slice();
    } else if (e.method === 8) {
      try {
        // A buffer of exactly the declared size: fflate never writes past it, so memory stays bounded by the checked total.
        bytes = inflateSync(raw, { out: new Uint8Array(e.size) });
      } catch (err) {
        return fail(`damaged zip entry (${err instanceof Error ? err.message : String(err)}): re-create the zip`);
      }
      if (bytes.length !== e.size) return fail(`damaged zip entry (it unpacks to ${bytes.length} bytes, not the declared ${e.size}): re-create the zip`);
    } else {
      return fail(`zip entry compressed with method ${e.method}${METHOD_NAMES[e.method] ? ` (${METHOD_NAMES[e.method]})` : ''}, which cannot be read here: re-create the zip with standard 'deflate' compression`);
    }
    if (crc32(bytes) !== e.crc) return fail('damaged zip entry (checksum mismatch): re-create or re-download the zip');
    return { path: e.path, bytes };
  });
}
