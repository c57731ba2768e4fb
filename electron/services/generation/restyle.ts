/**
 * "Restyle this shot's clip": the shot's picked take (else its latest clip) sent as the input of a
 * video-to-video model (GenerationRequest.sourceVideo; Runway Aleph 2, Kling Edit, Gen-4 Aleph),
 * which returns the edited clip as a new take. Which shots a restyle batch takes, and each one's
 * source clip, resolved before any job is written; a shot without a clip is a planned problem (its
 * job is written as failed, nothing sent).
 */
import type { VideoRef } from '../../../shared/generation/request.js';
import type { Shot, Take } from '../../../shared/model/entities.js';
import { restyleClip } from '../../../shared/generation/restyleClip.js';
import type { GenerationStore } from './ports.js';

/** Without explicit shots, a restyle batch takes the shots that have a clip. */
export function restyleShots(shots: readonly Shot[], takes: readonly Take[], skip: ReadonlySet<string>): Shot[] {
  return shots.filter((s) => !skip.has(s.id) && restyleClip(takes, s));
}

/** The clip a shot's restyle sends, or a sentence naming why there is none. */
export function restyleSource(
  store: Pick<GenerationStore, 'getAsset' | 'absPath'>,
  takes: readonly Take[],
  shot: Shot,
  shotNumber: number,
): VideoRef | string {
  const take = restyleClip(takes, shot);
  if (!take) return `Shot ${shotNumber} has no clip to restyle; generate or import one first.`;
  const asset = store.getAsset(take.assetId);
  return {
    takeId: take.id,
    assetId: asset.id,
    path: store.absPath(asset.path),
    durationSec: asset.info.durationSec,
    ...(asset.info.width > 0 && asset.info.height > 0 ? { width: asset.info.width, height: asset.info.height } : {}),
    // The probed rate (a variable-rate clip's average): edit endpoints refuse clips under 24 fps.
    ...(asset.info.fps ? { fps: asset.info.fps.num / asset.info.fps.den } : {}),
  };
}
