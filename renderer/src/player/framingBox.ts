/**
 * The viewer's side of framing: where a shot's <video> sits in the stage, from the SAME pure
 * geometry the export's conform chain uses (shared/model/framing.ts frameGeometry), as
 * percentages of the canvas so the stage can be any size on screen. The stage clips what
 * overflows (fill) and is black where the picture does not reach (fit), like the export's
 * crop and pad.
 */
import type { Aspect } from '../../../shared/model/format';
import {
  frameGeometry,
  frameSourceOf,
  framingFor,
  type Framing,
  type FrameGeometry,
  type ShotFraming,
} from '../../../shared/model/framing';
import type { MediaInfo } from '../../../shared/model/entities';

export interface SlotBox {
  /** Percentages of the canvas width/height. */
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Canvas {
  width: number;
  height: number;
}

export function boxOf(g: FrameGeometry, canvas: Canvas): SlotBox {
  return {
    left: (g.left / canvas.width) * 100,
    top: (g.top / canvas.height) * 100,
    width: (g.width / canvas.width) * 100,
    height: (g.height / canvas.height) * 100,
  };
}

/** The box of a take's picture in the canvas for a framing. */
export function slotBox(info: MediaInfo, canvas: Canvas, framing: Framing): SlotBox {
  return boxOf(frameGeometry(frameSourceOf(info), canvas, framing), canvas);
}

/** The shot's framing in the project's aspect (absent: fit, centred). */
export function shotFraming(shot: { framing?: ShotFraming }, aspect: Aspect): Framing {
  return framingFor(shot.framing, aspect);
}

/** Places a <video> (object-fit: fill) at the box; null fills the stage (no media). */
export function placeVideo(video: HTMLVideoElement, box: SlotBox | null): void {
  const b = box ?? { left: 0, top: 0, width: 100, height: 100 };
  video.style.left = `${b.left}%`;
  video.style.top = `${b.top}%`;
  video.style.width = `${b.width}%`;
  video.style.height = `${b.height}%`;
}
