/**
 * The playhead, read and written in one place: the window's viewport store (UI state, never
 * history), shared by the player, the frame-step actions and the timeline.
 */
import { useStore } from 'zustand';
import { viewport } from '../store/uiEditor';

export function getPlayhead(): number {
  return viewport.getState().playhead;
}

export function setPlayhead(frame: number): void {
  const next = Math.max(0, Math.round(frame));
  if (next !== viewport.getState().playhead) viewport.getState().setPlayhead(next);
}

export function usePlayhead(): number {
  return useStore(viewport, (s) => s.playhead);
}
