/**
 * The records of a JianYing draft (jianying.ts), as pyJianYingDraft writes them
 * (GuanYixuan/pyJianYingDraft, 2026-03: local_materials.py, segment.py, video_segment.py): a
 * video or audio material, a segment's common fields, and the integer microsecond times and
 * stable ids every record uses. Pure.
 */
import type { Fps } from '../model/time.js';
import type { HandoffMedia } from './handoffCut.js';

export type Json = Record<string, unknown>;

/** Microseconds at the start of frame `frames`. */
export function frameToUs(frames: number, fps: Fps): number {
  return Math.round((frames * 1_000_000 * fps.den) / fps.num);
}

/** A 32-hex id from a key (FNV-1a, four lanes): stable, so re-exports diff cleanly. */
export function draftId(key: string): string {
  let out = '';
  for (let lane = 0; lane < 4; lane++) {
    let h = 0x811c9dc5 ^ lane;
    for (const ch of key) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

export function range(start: number, end: number, fps: Fps): { start: number; duration: number } {
  const s = frameToUs(start, fps);
  return { start: s, duration: frameToUs(end, fps) - s };
}

export function segmentBase(
  id: string,
  materialId: string,
  speedId: string,
  target: Json,
  source: Json,
  extra: string[],
): Json {
  return {
    id,
    material_id: materialId,
    target_timerange: target,
    source_timerange: source,
    speed: 1.0,
    volume: 1.0,
    extra_material_refs: [speedId, ...extra],
    enable_adjust: true,
    enable_color_curves: true,
    enable_color_wheels: true,
    enable_lut: true,
    enable_color_correct_adjust: false,
    enable_color_match_adjust: false,
    enable_smart_color_adjust: false,
    last_nonzero_volume: 1.0,
    reverse: false,
    track_attribute: 0,
    track_render_index: 0,
    visible: true,
    common_keyframes: [],
    keyframe_refs: [],
    is_tone_modify: false,
    render_index: 0,
  };
}

/** A picture or clip material (local_materials.py VideoMaterial). */
export function videoMaterial(id: string, m: HandoffMedia, path: string, duration: number): Json {
  return {
    id,
    material_id: id,
    local_material_id: '',
    material_name: m.originalName,
    path,
    media_path: '',
    duration,
    width: m.info.displayWidth,
    height: m.info.displayHeight,
    type: m.info.kind === 'image' ? 'photo' : 'video',
    category_id: '',
    category_name: 'local',
    check_flag: 63487,
    audio_fade: null,
    crop_ratio: 'free',
    crop_scale: 1.0,
    crop: {
      upper_left_x: 0,
      upper_left_y: 0,
      upper_right_x: 1,
      upper_right_y: 0,
      lower_left_x: 0,
      lower_left_y: 1,
      lower_right_x: 1,
      lower_right_y: 1,
    },
  };
}

/** A sound material (local_materials.py AudioMaterial). */
export function audioMaterial(id: string, m: HandoffMedia, path: string, duration: number): Json {
  return {
    id,
    local_material_id: id,
    music_id: id,
    name: m.originalName,
    path,
    duration,
    type: 'extract_music',
    app_id: 0,
    category_id: '',
    category_name: 'local',
    check_flag: 3,
    copyright_limit_type: 'none',
    effect_id: '',
    formula_id: '',
    source_platform: 0,
    wave_points: [],
  };
}
