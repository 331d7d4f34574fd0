import { useMemo } from 'react';
import type { ImageSet } from '../../../core/data/images/imageSet';
import { countClasses } from '../../../core/types';
import { classColor } from '../../palette';
import { count } from './format';
import { ImageThumb } from './ImageThumb';

const THUMBS = 8;

/** The first `THUMBS` images of every class (in file order). */
function firstPerClass(set: ImageSet): number[][] {
  const out = set.classNames.map(() => [] as number[]);
  for (let i = 0; i < set.y.length; i++) if (out[set.y[i]].length < THUMBS) out[set.y[i]].push(i);
  return out;
}

/** Per class of a loaded image set: how many images there are (and in the shipped test set) and what they look like. */
export function ImageClasses({ train, test }: { train: ImageSet; test?: ImageSet }) {
  const samples = useMemo(() => firstPerClass(train), [train]);
  const counts = useMemo(() => countClasses(train.y, train.classNames.length), [train]);
  const testCounts = useMemo(() => {
    if (!test) return null;
    const byName = countClasses(test.y, test.classNames.length);
    return train.classNames.map((name) => byName[test.classNames.indexOf(name)] ?? 0);
  }, [train, test]);
  return (
    <div className="image-grid" data-testid="image-grid" role="table" aria-label="Images per class">
      {train.classNames.map((name, c) => (
        <div key={name} className="image-class" role="row" data-class={name}>
          <span className="image-class-name" role="rowheader">
            <span className="swatch" style={{ background: classColor(c) }} aria-hidden="true" /> {name}
          </span>
          <span className="image-class-count" role="cell" data-testid={`image-count-${name}`}>
            {count(counts[c])}
            {testCounts && <span className="hint"> + {count(testCounts[c])} test</span>}
          </span>
          <span className="thumbs" role="cell">
            {samples[c].map((i) => (
              <ImageThumb key={i} set={train} index={i} />
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}
