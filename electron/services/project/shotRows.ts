/** Row <-> entity mapping of shots and their takes (see rows.ts). */
import type { ShotPatch } from '../../../shared/api/contract.js';
import { ShotSchema, TakeSchema, type Shot, type Take } from '../../../shared/model/entities.js';
import { optionalJsonMap, parseEntity, parseJson, type Row, type SqlValue } from './rows.js';

export function shotFromRow(r: Row, elementIds: string[]): Shot {
  return parseEntity(
    ShotSchema,
    {
      id: r.id,
      sceneId: r.scene_id,
      position: r.position,
      title: r.title,
      prompt: r.prompt,
      negativePrompt: r.negative_prompt,
      firstFrameAssetId: r.first_frame_asset_id,
      lastFrameAssetId: r.last_frame_asset_id,
      camera: r.camera,
      shotSize: r.shot_size,
      durationFrames: r.duration_frames,
      provider: r.provider,
      model: r.model,
      elementIds,
      dialogue: r.dialogue,
      seed: r.seed,
      selectedTakeId: r.selected_take_id,
      trimInFrames: r.trim_in_frames,
      trimOutFrames: r.trim_out_frames,
      transitionIn: { kind: r.transition_kind, frames: r.transition_frames },
      notes: r.notes,
      // Only when set: absent means "extends nothing" (ShotSchema), so older snapshots read the same.
      ...(r.extends_take_id ? { extendsTakeId: r.extends_take_id } : {}),
      // Only when some aspect has one, for the same reason.
      ...optionalJsonMap('framing', r.framing, `shot "${String(r.id)}"`),
    },
    `shot "${String(r.id)}"`,
  );
}

/** Columns of a shot row (without `removed`, which edits manage). */
export function shotToRow(s: Shot): Record<string, SqlValue> {
  return {
    id: s.id,
    scene_id: s.sceneId,
    position: s.position,
    title: s.title,
    prompt: s.prompt,
    negative_prompt: s.negativePrompt,
    first_frame_asset_id: s.firstFrameAssetId,
    last_frame_asset_id: s.lastFrameAssetId,
    camera: s.camera,
    shot_size: s.shotSize,
    duration_frames: s.durationFrames,
    provider: s.provider,
    model: s.model,
    dialogue: s.dialogue,
    seed: s.seed,
    selected_take_id: s.selectedTakeId,
    trim_in_frames: s.trimInFrames,
    trim_out_frames: s.trimOutFrames,
    transition_kind: s.transitionIn.kind,
    transition_frames: s.transitionIn.frames,
    notes: s.notes,
    extends_take_id: s.extendsTakeId ?? null,
    framing: framingToColumn(s.framing),
  };
}

/** The `framing` column: JSON of aspect -> framing, '{}' for none (migration 0006). */
export function framingToColumn(framing: Shot['framing']): string {
  return JSON.stringify(framing ?? {});
}

/** Patch fields stored in one column each; transitionIn spans two and is mapped in updateShot. */
export const SHOT_PATCH_COLUMNS: { [K in Exclude<keyof ShotPatch, 'transitionIn'>]: string } = {
  title: 'title',
  prompt: 'prompt',
  negativePrompt: 'negative_prompt',
  camera: 'camera',
  shotSize: 'shot_size',
  durationFrames: 'duration_frames',
  provider: 'provider',
  model: 'model',
  dialogue: 'dialogue',
  seed: 'seed',
  notes: 'notes',
  extendsTakeId: 'extends_take_id',
};

export function takeFromRow(r: Row): Take {
  const what = `take "${String(r.id)}"`;
  return parseEntity(
    TakeSchema,
    {
      id: r.id,
      shotId: r.shot_id,
      assetId: r.asset_id,
      jobId: r.job_id,
      provider: r.provider,
      model: r.model,
      request: parseJson(r.request, what),
      seed: r.seed,
      cost: r.cost,
      rating: r.rating,
      createdAt: r.created_at,
      // Only when set, so takes read the same as before dialogue (0 dB, not muted).
      ...(typeof r.audio_gain_db === 'number' && r.audio_gain_db !== 0 ? { audioGainDb: r.audio_gain_db } : {}),
      ...(r.audio_muted === 1 ? { audioMuted: true } : {}),
      // Only when not a clip, so clips read the same as before image takes.
      ...(r.kind === 'image' ? { kind: 'image' } : {}),
      // Only when made for one delivery aspect (migration 0013), so other takes read as before.
      ...(typeof r.aspect === 'string' ? { aspect: r.aspect } : {}),
    },
    what,
  );
}

export function takeToRow(t: Take): Record<string, SqlValue> {
  return {
    id: t.id,
    shot_id: t.shotId,
    asset_id: t.assetId,
    job_id: t.jobId,
    provider: t.provider,
    model: t.model,
    request: JSON.stringify(t.request),
    seed: t.seed,
    cost: t.cost,
    rating: t.rating,
    created_at: t.createdAt,
    ...(t.audioGainDb !== undefined ? { audio_gain_db: t.audioGainDb } : {}),
    ...(t.audioMuted !== undefined ? { audio_muted: t.audioMuted ? 1 : 0 } : {}),
    ...(t.kind !== undefined ? { kind: t.kind } : {}),
    ...(t.aspect !== undefined ? { aspect: t.aspect } : {}),
  };
}
