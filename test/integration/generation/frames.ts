/** Independent frame reads with the system ffmpeg (not our runner), as 8-bit gray pixels. */
import { grayFrame, type GrayFrame } from '../../helpers/grayFrame.js';

export type { GrayFrame };

/** Frame `index` (0-based, in decode order) of a video or image, as gray bytes. */
export function grabGray(file: string, index: number, width: number, height: number): GrayFrame {
  return grayFrame(file, { index }, width, height);
}

/** Mean absolute difference of two same-size frames over a window, with b shifted by (dx, dy). */
export function meanAbsDiff(
  a: GrayFrame,
  b: GrayFrame,
  win?: { x: number; y: number; w: number; h: number; dx?: number; dy?: number },
): number {
  const w = win ?? { x: 0, y: 0, w: a.width, h: a.height };
  const dx = w.dx ?? 0;
  const dy = w.dy ?? 0;
  let sum = 0;
  for (let y = w.y; y < w.y + w.h; y++) {
    for (let x = w.x; x < w.x + w.w; x++) {
      sum += Math.abs((a.data[y * a.width + x] ?? 0) - (b.data[(y + dy) * b.width + x + dx] ?? 0));
    }
  }
  return sum / (w.w * w.h);
}

/** Count of pixels brighter than `threshold` (text on a dark card). */
export function brightPixels(f: GrayFrame, threshold = 128): number {
  let n = 0;
  for (const v of f.data) if (v > threshold) n++;
  return n;
}

/** Count of pixels whose values differ by more than `threshold` (robust to codec noise). */
export function differingPixels(a: GrayFrame, b: GrayFrame, threshold = 48): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i++) if (Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) > threshold) n++;
  return n;
}
