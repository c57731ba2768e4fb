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
