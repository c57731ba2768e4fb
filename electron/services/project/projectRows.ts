/** Row <-> entity mapping of the project row, scenes, elements and audio items (see rows.ts). */
import {
  AudioItemSchema,
  ElementSchema,
  ProjectSchema,
  SceneSchema,
  type AudioItem,
  type Element,
  type Project,
  type Scene,
} from '../../../shared/model/entities.js';
import { optionalJsonMap, parseEntity, type Row, type SqlValue } from './rows.js';

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
      ...optionalJsonMap('trackStates', r.track_states, "the project's track states"),
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

/** The `track_states` column: JSON of track -> switches, '{}' for none (migration 0012). */
export function trackStatesToColumn(states: Project['trackStates']): string {
  return JSON.stringify(states ?? {});
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
