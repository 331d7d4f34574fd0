export type SourceTab = 'generated' | 'builtin' | 'upload';

const TABS: { id: SourceTab; label: string; help: string }[] = [
  { id: 'generated', label: 'Generated', help: 'Two-dimensional toy data with an imbalance you choose.' },
  { id: 'builtin', label: 'Built-in', help: 'Real imbalanced datasets shipped with the page.' },
  { id: 'upload', label: 'Your data', help: 'A CSV, a zip of class folders or a folder of images, read in your browser.' },
];

/** The three data sources as segmented buttons; which one is shown is the parent's state. */
export function SourcePicker({ tab, onSelect }: { tab: SourceTab; onSelect(tab: SourceTab): void }) {
  return (
    <div className="segmented source-picker" role="group" aria-label="Data source">
      {TABS.map((t) => (
        <button key={t.id} type="button" aria-pressed={tab === t.id} title={t.help} onClick={() => onSelect(t.id)} data-testid={`source-${t.id}`}>
          {t.label}
        </button>
      ))}
    </div>
  );
}
