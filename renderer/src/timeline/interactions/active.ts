/**
 * The gesture in progress in the controller (controller.ts): a press not yet past the drag
 * threshold, or one of the gesture machines of this folder with what it started from.
 */
import type { ClipBox } from '../geometry';
import type { AudioEditGesture } from './audioEdit';
import type { MarqueeGesture } from './marquee';
import type { ReorderGesture } from './reorder';
import type { ScrubGesture } from './scrub';
import type { TrimGesture } from './trim';
import type { PointerInput } from './types';

export interface Pending {
  clip: ClipBox;
  origin: PointerInput;
  /** Clicked an already selected shot without modifiers: a release without drag selects just it. */
  narrowOnClick: boolean;
}

export type ActiveGesture =
  | { kind: 'press'; pending: Pending }
  | { kind: 'reorder'; g: ReorderGesture }
  | { kind: 'trim'; g: TrimGesture }
  | { kind: 'scrub'; g: ScrubGesture }
  | { kind: 'marquee'; g: MarqueeGesture }
  | { kind: 'audio-press'; g: AudioEditGesture; origin: PointerInput; moved: boolean }
  | null;
