/**
 * When a shot clip is drawn into its bitmap (Konva cache, ShotClip.tsx): once it has stopped
 * changing for a while, and then only in an idle period with room left before the next frame.
 * Caching a clip makes three canvases and draws it once (a few ms under software rendering);
 * done from a timer it landed inside the frames of a pan, where the clips that just scrolled
 * in are cached while the view keeps moving. In idle time (idle.ts) it never delays a frame.
 */
import { whenIdle } from './idle';

/** How long a clip must stay unchanged before it is cached as a bitmap. */
export const CACHE_AFTER_MS = 150;
/** An idle period shorter than this is left alone; the clip waits for the next one. */
const IDLE_ROOM_MS = 6;

/**
 * Runs `draw` after CACHE_AFTER_MS, in the first idle period with IDLE_ROOM_MS left. Returns
 * the cancel (the clip changed again, or unmounted, before it ran).
 */
export function cacheWhenSettled(draw: () => void): () => void {
  let idle = 0;
  const ask = () => {
    idle = whenIdle.request((deadline) => {
      if (deadline.timeRemaining() < IDLE_ROOM_MS) ask();
      else draw();
    });
  };
  const timer = setTimeout(ask, CACHE_AFTER_MS);
  return () => {
    clearTimeout(timer);
    if (idle) whenIdle.cancel(idle);
  };
}
