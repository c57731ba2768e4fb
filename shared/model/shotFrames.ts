/**
 * Where a shot starts in its take: the seek (seconds into the take) that grabs the first frame
 * the cut shows, the frame at its trim in. The mirror of timeline.ts lastShownFrameSeekSec.
 */
import type { ResolvedTrim } from './timeline.js';
import type { Fps } from './time.js';

/**
 * An accurate input seek outputs the first frame whose time is >= the seek time, so we seek a
 * quarter frame before the start of the media frame on screen at the trim in (on the media's
 * own grid; `mediaFps` null: the project's).
 */
export function firstShownFrameSeekSec(
  trim: Pick<ResolvedTrim, 'inFrames'>,
  projectFps: Fps,
  mediaFps: Fps | null,
): number {
  if (trim.inFrames <= 0) return 0;
  const t = (trim.inFrames * projectFps.den) / projectFps.num;
  const rate = mediaFps ?? projectFps;
  const index = Math.floor((t * rate.num) / rate.den + 1e-6);
  return Math.max(0, ((index - 0.25) * rate.den) / rate.num);
}
