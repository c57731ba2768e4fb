/**
 * What each drawn shot clip shows (its number, its label, its filmstrip), reported by the clip itself so a
 * visually hidden list can say what the canvas draws (screen readers, and the end-to-end test
 * that every number and filmstrip is visible after zoom to fit). UI state only.
 */
import { createStore } from 'zustand/vanilla';

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

export function reportClip(id: string, shown: ClipShown | null): void {
  const cur = clipReport.getState()[id];
  if (shown === null) {
    if (!cur) return;
    const next = { ...clipReport.getState() };
    delete next[id];
    clipReport.setState(next, true);
    return;
  }
  if (
    cur &&
    cur.number === shown.number &&
    cur.title === shown.title &&
    cur.numbered === shown.numbered &&
    cur.film === shown.film &&
    cur.outdated === shown.outdated
  )
    return;
  clipReport.setState({ [id]: shown });
}
