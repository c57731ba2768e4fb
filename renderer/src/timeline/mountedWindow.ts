/**
 * Which bucket of the timeline the canvas and its overlays mount (drawWindow.ts), one for all
 * the layers of a viewport. A pan that crosses into a new bucket used to mount its clips
 * inside the frame that crossed (React components, Konva groups, texts, the hidden list's rows),
 * and those frames made the pan's slowest 5 % (CPU profiles of the UI bench, quality.md UI-1a).
 * Now, after each pan step, the first idle period mounts the bucket the pan will need two
 * steps on (aheadBucket), so the crossing frame finds its clips mounted and renders nothing.
 * A view change that leaves the view more than a bucket from the mounted one (a zoom, a jump,
 * a pan faster than idle time allows) mounts the view's own bucket at once, as before.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ViewportStore } from '../store/viewport';
import { aheadBucket, bucketOf, keptBucket } from './drawWindow';
import { whenIdle } from './idle';

export interface Mounted {
  /** The first bucket mounted (drawWindow.ts bucketWindow). */
  bucket: number;
  /** The zoom it is counted at: a zoom step mounts the view's own bucket at once. */
  pxPerFrame: number;
}

export type MountedStore = StoreApi<Mounted>;

const byViewport = new WeakMap<ViewportStore, MountedStore>();

/** The mounted bucket of a viewport, made on first use and kept as long as the viewport. */
export function mountedWindow(vp: ViewportStore): MountedStore {
  const known = byViewport.get(vp);
  if (known) return known;
  const first = vp.getState();
  const mounted = createStore<Mounted>()(() => ({ bucket: bucketOf(first), pxPerFrame: first.pxPerFrame }));
  let last = first.scrollFrame;
  let step = 0;
  let pending = false;
  const ahead = () => {
    pending = false;
    const s = vp.getState();
    const cur = mounted.getState();
    if (cur.pxPerFrame !== s.pxPerFrame) return;
    const bucket = aheadBucket(s, step);
    // Rendered at the end of this idle callback (a store change renders synchronously).
    if (bucket !== cur.bucket) mounted.setState({ bucket });
  };
  // Subscribed before any component reads the store, so the bucket is current in the render a
  // view change causes.
  vp.subscribe((s) => {
    const cur = mounted.getState();
    if (s.pxPerFrame !== cur.pxPerFrame) {
      mounted.setState({ bucket: bucketOf(s), pxPerFrame: s.pxPerFrame });
      step = 0;
    } else if (s.scrollFrame !== last) {
      step = s.scrollFrame - last;
      const bucket = keptBucket(cur.bucket, s);
      if (bucket !== cur.bucket) mounted.setState({ bucket });
      // The first idle period after the step, whatever room it has: a bucket the next step
      // needs costs the same there as inside that step's frame, and a later idle callback
      // (a waiting test, a clip's bitmap) runs after it.
      if (!pending) {
        pending = true;
        whenIdle.request(ahead);
      }
    }
    last = s.scrollFrame;
  });
  byViewport.set(vp, mounted);
  return mounted;
}
