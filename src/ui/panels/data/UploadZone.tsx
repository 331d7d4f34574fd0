import { useState, type DragEvent } from 'react';
import { useLab } from '../../storeContext';
import { dropEntries, pickedFolder, readDrop } from './readDrop';

/** React passes the non-standard attribute through only as a plain string prop. */
const DIRECTORY_PROPS = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** The user's own data: drop a file or folder, or pick one. Nothing leaves the browser. */
export function UploadZone() {
  const loadFile = useLab((s) => s.loadFile);
  const loadFolder = useLab((s) => s.loadFolder);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    setDropError(null);
    const taken = dropEntries(e.dataTransfer);
    setReading(true);
    readDrop(taken)
      .then((d) => {
        if (d.kind === 'file') loadFile(d.file);
        else if (d.kind === 'folder') loadFolder(d.files, d.name);
        else setDropError(d.reason);
      })
      .catch((err: unknown) => setDropError(`The dropped items could not be read: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => setReading(false));
  };

  return (
    <div className="source-body upload">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
        }}
        onDrop={onDrop}
      >
        <p>
          <strong>Drop a file or a folder here</strong>
          <br />a CSV / TSV with a header row, a zip of class folders, or a folder with one sub-folder of images per class.
        </p>
        {reading && <p className="hint">Reading the dropped folder…</p>}
        <label className="file-pick">
          CSV or zip file{' '}
          <input
            type="file"
            accept=".csv,.tsv,.txt,.zip"
            data-testid="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              setDropError(null);
              if (file) loadFile(file);
            }}
          />
        </label>
        <label className="file-pick">
          Image folder{' '}
          <input
            type="file"
            multiple
            {...DIRECTORY_PROPS}
            data-testid="folder-input"
            onChange={(e) => {
              const list = e.target.files;
              if (!list || list.length === 0) return;
              const { name, files } = pickedFolder(list);
              e.target.value = '';
              setDropError(null);
              loadFolder(files, name);
            }}
          />
        </label>
      </div>
      {dropError && (
        <div className="error-inline" role="alert" data-testid="drop-error">
          {dropError}
        </div>
      )}
      <p className="hint privacy" data-testid="privacy-note">
        Files are read in your browser; nothing is uploaded.
      </p>
    </div>
  );
}
