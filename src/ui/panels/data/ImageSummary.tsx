import type { LoadedDatasetConfig } from '../../../core/config';
import type { ImageSet } from '../../../core/data/images/imageSet';
import { useLab } from '../../storeContext';
import { count } from './format';
import { ImageClasses } from './ImageClasses';
import { ImageOptions } from './ImageOptions';
import { SkippedFiles } from './SkippedFiles';

/** A loaded image set: its size, the images per class, what was skipped, and the decode options. */
export function ImageSummary({ train, test }: { train: ImageSet; test?: ImageSet }) {
  const image = useLab((s) => (s.config.dataset.kind === 'synthetic' ? undefined : (s.config.dataset as LoadedDatasetConfig).image));
  const current = image ?? { size: train.width, color: train.channels === 3 ? ('rgb' as const) : ('gray' as const) };
  return (
    <div className="image-summary" data-testid="image-summary">
      <p className="hint">
        {count(train.y.length)} training images{test ? ` and a balanced test set of ${count(test.y.length)}` : ''}, decoded to {train.width}×{train.height}{' '}
        {train.channels === 3 ? 'RGB' : 'gray'}.
      </p>
      <ImageClasses train={train} test={test} />
      <SkippedFiles />
      <ImageOptions key={`${current.size}-${current.color}`} current={current} />
    </div>
  );
}
