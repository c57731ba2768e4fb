/**
 * A shot's title, prompt and caption with @tags shown as element names (shared/model/shotCaption.ts),
 * read from the captions computed once per document version: each component looks its shot up.
 */
import { shotCaptions, type ShotCaption } from '../../../shared/model/shotCaption';
import { useAppState } from './context';

const NONE: ShotCaption = { title: '', prompt: '', caption: '' };

/** Stable per document version (the memoised map's entry), so a selector on it re-renders nothing. */
export function useShotCaption(shotId: string): ShotCaption {
  return useAppState((s) => shotCaptions(s.snapshot).get(shotId) ?? NONE);
}
