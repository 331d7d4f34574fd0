/**
 * What the user dropped, as the store's load actions take it: one file, or the files of the
 * dropped folder(s) with paths relative to the drop (`digits/3/img01.png`, top folder included).
 * Browser plumbing only; which files are images and which class they belong to is the loader's job.
 */
export type DroppedItems = { kind: 'file'; file: File } | { kind: 'folder'; name: string; files: { path: string; blob: Blob }[] } | { kind: 'none'; reason: string };

/**
 * Takes the entries synchronously (a DataTransfer is emptied once the drop handler returns),
 * then walks the folders.
 */
export function dropEntries(dt: DataTransfer): { entries: FileSystemEntry[]; files: File[] } {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  return { entries, files: Array.from(dt.files ?? []) };
}

export async function readDrop({ entries, files }: { entries: FileSystemEntry[]; files: File[] }): Promise<DroppedItems> {
  // Browsers without the entries API: single files still work.
  if (entries.length === 0) {
    if (files.length === 1) return { kind: 'file', file: files[0] };
    return { kind: 'none', reason: files.length === 0 ? 'Nothing that could be read was dropped.' : 'Drop one file, or one folder with a sub-folder of images per class.' };
  }
  const dirs = entries.filter((e): e is FileSystemDirectoryEntry => e.isDirectory);
  if (dirs.length === 0) {
    if (entries.length === 1) return { kind: 'file', file: await fileOf(entries[0] as FileSystemFileEntry) };
    return { kind: 'none', reason: 'Several loose files were dropped. Drop one CSV or zip file, or one folder with a sub-folder of images per class.' };
  }
  const out: { path: string; blob: Blob }[] = [];
  for (const entry of entries) await walk(entry, out);
  // One folder: it is the dataset. Several (the class folders themselves): the loader takes `class/file` paths too.
  const name = dirs.length === 1 && entries.length === 1 ? dirs[0].name : `${dirs.length} dropped folders`;
  return { kind: 'folder', name, files: out };
}

async function walk(entry: FileSystemEntry, out: { path: string; blob: Blob }[]): Promise<void> {
  if (entry.isFile) {
    out.push({ path: entry.fullPath.replace(/^\/+/, ''), blob: await fileOf(entry as FileSystemFileEntry) });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns the children in batches (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** The top folder of files picked with `<input webkitdirectory>` (the first segment of their relative path). */
export function pickedFolder(list: FileList): { name: string; files: { path: string; blob: Blob }[] } {
  const files = Array.from(list, (f) => ({ path: f.webkitRelativePath || f.name, blob: f as Blob }));
  const first = files[0]?.path ?? '';
  return { name: first.includes('/') ? first.slice(0, first.indexOf('/')) : 'folder', files };
}
