import { useLab } from '../../storeContext';

/** Things worth knowing about the loaded data that did not stop it loading. */
export function DataNotes() {
  const notes = useLab((s) => s.data.notes);
  if (notes.length === 0) return null;
  return (
    <ul className="data-notes" data-testid="data-notes" aria-label="Notes about the data">
      {notes.map((n, i) => (
        <li key={i}>{n}</li>
      ))}
    </ul>
  );
}
