/**
 * Which clip a restyle edits (a video-to-video model: Runway Aleph, Kling Edit, Gen-4 Aleph):
 * the shot's picked take when it is a clip, else its latest clip. ONE rule for the services (the
 * request's sourceVideo) and the renderer (the inspector's note, the Generate dialog's count).
 */
import { takeKind, type Shot, type Take } from '../model/entities.js';

export function restyleClip(takes: readonly Take[], shot: Pick<Shot, 'id' | 'selectedTakeId'>): Take | undefined {
  const clips = takes.filter((t) => t.shotId === shot.id && takeKind(t) === 'video');
  return clips.find((t) => t.id === shot.selectedTakeId) ?? clips.at(-1);
}

/** How a model takes a clip to edit (capabilities.videoInput). */
export type VideoInput = 'optional' | 'required' | undefined;

/**
 * Whether a request restyles the shot's clip: when asked ("restyle this shot's clip" in the
 * Generate dialog, --restyle on the CLI; a model that edits no video then refuses it: capVideo),
 * or always on a model that only edits clips (Aleph, Kling Edit), except for an extension.
 * ONE rule for the plan (what is sent and estimated) and the Generate dialog (what it offers and counts).
 */
export function restyles(videoInput: VideoInput, asked: boolean, extend = false): boolean {
  return asked || (!extend && videoInput === 'required');
}

/** The user chooses "generate a new clip" or "restyle this shot's clip" only on a model that does both. */
export function offersRestyleChoice(videoInput: VideoInput): boolean {
  return videoInput === 'optional';
}
