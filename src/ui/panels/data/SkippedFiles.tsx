import { useLab } from '../../storeContext';
import { count } from './format';

const MAX_LISTED = 200;

/** Files of an image upload that were left out, and why. */
export function SkippedFiles() {
  const skipped = useLab((s) => s.data.skipped);
  if (skipped.length === 0) return null;
  return (
    <details className="skipped-files" data-testid="skipped-files">
      <summary>
        {count(skipped.length)} file{skipped.length === 1 ? '' : 's'} skipped
      </summary>
      <ul>
        {skipped.slice(0, MAX_LISTED).map((s, i) => (
          <li key={i}>
            <code>{s.file}</code>: {s.reason}
          </li>
        ))}
        {skipped.length > MAX_LISTED && <li>… and {count(skipped.length - MAX_LISTED)} more.</li>}
      </ul>
    </details>
  );
}
