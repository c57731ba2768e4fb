/**
 * What each drawn shot clip shows (its number, its label, its filmstrip), reported by the clip itself so a
 * visually hidden list can say what the canvas draws (screen readers, and the end-to-end test
 * that every number and filmstrip is visible after zoom to fit). UI state only.
 */
import { createStore } from 'zustand/vanilla';
import { whenIdle } from './idle';

export interface ClipShown {
  number: number;
  /** The label drawn beside the number (title, else prompt, tags as element names). */
  title: string;
  numbered: boolean;
  film: boolean;
  /** Its take was made from an older prompt or older frames (the "Outdated" badge). */
  outdated: boolean;
}

export const clipReport = createStore<Record<string, ClipShown>>()(() => ({}));

const same = (a: ClipShown, b: ClipShown) =>
  a.number === b.number &&
  a.title === b.title &&
  a.numbered === b.numbered &&
  a.film === b.film &&
  a.outdated === b.outdated;

/** Reports not yet in the store: the clips of one commit land in one update (see reportClip). */
let pending: Map<string, ClipShown | null> | null = null;

function flush(): void {
  const changes = pending ?? new Map<string, ClipShown | null>();
  pending = null;
  const cur = clipReport.getState();
  let next: Record<string, ClipShown> | null = null;
  for (const [id, shown] of changes) {
    const was = (next ?? cur)[id];
    if (shown === null ? !was : was && same(was, shown)) continue;
    next ??= { ...cur };
    if (shown === null) delete next[id];
    else next[id] = shown;
  }
  if (next) clipReport.setState(next, true);
}

/** The list may lag a busy view by this much at most (ms), then it is updated inside a frame. */
export const REPORT_WITHIN_MS = 500;

/**
 * A clip says what it shows (null: it is gone). Reports are gathered and applied together in
 * the next idle period: a commit that mounts, unmounts or re-tiers dozens of clips (a pan
 * across a bucket, every step of a zoom from "fit" over 500 shots) copies the record and
 * re-renders the list once, and that list's DOM work (rows added and removed, style and
 * layout) stays out of the frame that moved the canvas. In the UI bench's zoom it was a
 * quarter of each frame's work. Nobody sees the list; a screen reader reads it once it settles.
 */
export function reportClip(id: string, shown: ClipShown | null): void {
  if (!pending) {
    pending = new Map();
    whenIdle.request(flush, REPORT_WITHIN_MS);
  }
  pending.set(id, shown);
}
