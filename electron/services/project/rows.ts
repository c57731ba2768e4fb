/**
 * Row <-> entity mapping. Every row read is validated with the domain's zod schema: a project
 * file is untrusted input, so a malformed row is reported as damage, never passed on.
 */
import type { z } from 'zod';
import type { ShotPatch } from '../../../shared/api/contract.js';
import {
  AssetSchema,
  AudioItemSchema,
  ElementSchema,
  JobSchema,
  ProjectSchema,
  ProvenanceSchema,
  SceneSchema,
  ShotSchema,
  TakeSchema,
  type Asset,
  type AudioItem,
  type Element,
  type Job,
  type Project,
  type Provenance,
  type Scene,
  type Shot,
  type Take,
} from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';

export type Row = Record<string, unknown>;
/** A value SQLite stores for us: our tables hold no blobs. */
export type SqlValue = string | number | null;

export function parseEntity<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError(
    'PROJECT_DAMAGED',
    `The project database holds an invalid ${what} (${where}${issue?.message ?? 'invalid'}).`,
  );
}

export function parseJson(text: unknown, what: string): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    throw new AppError('PROJECT_DAMAGED', `The project database holds unreadable JSON in ${what}.`);
  }
}

const bool = (v: unknown): boolean => v === 1;

export function projectFromRow(r: Row, styleRefAssetIds: string[]): Project {
  return parseEntity(
    ProjectSchema,
    {
      id: r.id,
      name: r.name,
      aspect: r.aspect,
      width: r.width,
      height: r.height,
      fps: { num: r.fps_num, den: r.fps_den },
      stylePrompt: r.style_prompt,
      styleRefAssetIds,
      defaultProvider: r.default_provider,
      defaultModel: r.default_model,
      language: r.language,
      budgetCap: r.budget_cap,
      createdAt: r.created_at,
      ...(r.narrator_voice ? { narratorVoice: r.narrator_voice } : {}),
      ...trackStatesFromColumn(r.track_states),
    },
    'project row',
  );
}

export function projectToRow(p: Project): Record<string, SqlValue> {
  return {
    id: p.id,
    name: p.name,
    aspect: p.aspect,
    width: p.width,
    height: p.height,
    fps_num: p.fps.num,
    fps_den: p.fps.den,
    style_prompt: p.stylePrompt,
    default_provider: p.defaultProvider,
    default_model: p.defaultModel,
    language: p.language,
    budget_cap: p.budgetCap,
    created_at: p.createdAt,
  };
}

export function sceneFromRow(r: Row): Scene {
  return parseEntity(
    SceneSchema,
    { id: r.id, position: r.position, heading: r.heading, notes: r.notes },
    `scene "${String(r.id)}"`,
  );
}

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
      ...framingFromColumn(r.framing, `shot "${String(r.id)}"`),
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

function framingFromColumn(value: unknown, what: string): { framing?: Record<string, unknown> } {
  if (typeof value !== 'string' || value === '' || value === '{}') return {};
  const parsed = parseJson(value, what);
  if (typeof parsed !== 'object' || parsed === null) return { framing: parsed as Record<string, unknown> };
  return Object.keys(parsed).length > 0 ? { framing: parsed as Record<string, unknown> } : {};
}

/** The `track_states` column: JSON of track -> switches, '{}' for none (migration 0012). */
export function trackStatesToColumn(states: Project['trackStates']): string {
  return JSON.stringify(states ?? {});
}

function trackStatesFromColumn(value: unknown): { trackStates?: Record<string, unknown> } {
  if (typeof value !== 'string' || value === '' || value === '{}') return {};
  const parsed = parseJson(value, "the project's track states");
  if (typeof parsed !== 'object' || parsed === null) return { trackStates: parsed as Record<string, unknown> };
  return Object.keys(parsed).length > 0 ? { trackStates: parsed as Record<string, unknown> } : {};
}

/** Which column each editable shot field lives in. */
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

export function elementFromRow(r: Row, refAssetIds: string[]): Element {
  return parseEntity(
    ElementSchema,
    {
      id: r.id,
      kind: r.kind,
      name: r.name,
      tag: r.tag,
      description: r.description,
      refAssetIds,
      voice: r.voice,
    },
    `element "${String(r.id)}"`,
  );
}

export function assetFromRow(r: Row): Asset {
  const what = `asset "${String(r.id)}"`;
  return parseEntity(
    AssetSchema,
    {
      id: r.id,
      path: r.path,
      originalName: r.original_name,
      bytes: r.bytes,
      origin: r.origin,
      info: parseJson(r.info, what),
      createdAt: r.created_at,
    },
    what,
  );
}

export function assetToRow(a: Asset): Record<string, SqlValue> {
  return {
    id: a.id,
    path: a.path,
    original_name: a.originalName,
    bytes: a.bytes,
    origin: a.origin,
    kind: a.info.kind,
    info: JSON.stringify(a.info),
    created_at: a.createdAt,
  };
}

export function jobFromRow(r: Row): Job {
  const what = `job "${String(r.id)}"`;
  return parseEntity(
    JobSchema,
    {
      id: r.id,
      shotId: r.shot_id,
      provider: r.provider,
      model: r.model,
      state: r.state,
      request: parseJson(r.request, what),
      taskId: r.task_id,
      progress: r.progress,
      error: r.error,
      errorInfo: r.error_info == null ? null : parseJson(r.error_info, what),
      costEstimate: r.cost_estimate,
      costActual: r.cost_actual,
      resultAssetId: r.result_asset_id,
      takeId: r.take_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    },
    what,
  );
}

export function jobToRow(j: Job): Record<string, SqlValue> {
  return {
    id: j.id,
    shot_id: j.shotId,
    provider: j.provider,
    model: j.model,
    state: j.state,
    request: JSON.stringify(j.request),
    task_id: j.taskId,
    progress: j.progress,
    error: j.error,
    error_info: j.errorInfo ? JSON.stringify(j.errorInfo) : null,
    cost_estimate: j.costEstimate,
    cost_actual: j.costActual,
    result_asset_id: j.resultAssetId,
    take_id: j.takeId,
    created_at: j.createdAt,
    updated_at: j.updatedAt,
  };
}

export function audioItemFromRow(r: Row): AudioItem {
  return parseEntity(
    AudioItemSchema,
    {
      id: r.id,
      lane: r.lane,
      assetId: r.asset_id,
      startFrame: r.start_frame,
      inFrame: r.in_frame,
      outFrame: r.out_frame,
      gainDb: r.gain_db,
      fadeInFrames: r.fade_in_frames,
      fadeOutFrames: r.fade_out_frames,
      duck: bool(r.duck),
    },
    `audio item "${String(r.id)}"`,
  );
}

export function provenanceFromRow(r: Row): Provenance {
  const what = `provenance entry ${String(r.id)}`;
  return parseEntity(
    ProvenanceSchema,
    {
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: parseJson(r.details, what),
    },
    what,
  );
}

/** `INSERT INTO <table> (cols) VALUES (?...)` for a row whose keys are trusted column names. */
export function insertSql(table: string, row: Record<string, SqlValue>, conflict = ''): string {
  const cols = Object.keys(row);
  return `INSERT ${conflict} INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
}
