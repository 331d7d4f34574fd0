import { useEffect, useRef } from 'react';
import type { ImageSet } from '../../../core/data/images/imageSet';

/** Display size of a thumbnail in CSS pixels (small images are scaled up, pixelated). */
const SHOW = 24;

/** Image `index` of a set, drawn from its pixels (HWC, [0, 1], gray or RGB) onto a small canvas. */
export function ImageThumb({ set, index }: { set: ImageSet; index: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { width, height, channels, pixels } = set;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    const per = width * height * channels;
    const base = index * per;
    for (let p = 0; p < width * height; p++) {
      const src = base + p * channels;
      const r = pixels[src];
      img.data[p * 4] = r * 255;
      img.data[p * 4 + 1] = (channels === 3 ? pixels[src + 1] : r) * 255;
      img.data[p * 4 + 2] = (channels === 3 ? pixels[src + 2] : r) * 255;
      img.data[p * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, index, width, height, channels]);
  const file = set.files[index] ?? `image ${index}`;
  const scale = SHOW / Math.max(width, height);
  return (
    <canvas
      ref={ref}
      className="thumb"
      width={width}
      height={height}
      style={{ width: width * scale, height: height * scale }}
      role="img"
      aria-label={file}
      title={file}
    />
  );
}
