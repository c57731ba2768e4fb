/**
 * A JianYing (剪映专业版) / CapCut desktop draft folder: draft_content.json (the timeline) and
 * draft_meta_info.json (what the draft list shows). The format is not published; it follows the
 * open-source pyJianYingDraft (GuanYixuan/pyJianYingDraft, 2026-03: assets/
 * draft_content_template.json, draft_meta_info.json, segment.py, local_materials.py,
 * video_segment.py, track.py), whose README says drafts it writes open in JianYing 5 and every
 * later version (6+ encrypts the drafts it saves itself, but still opens plain ones), tested on
 * 5.9. Every time is an integer of microseconds: target_timerange (on the track) and
 * source_timerange (in the media), {start, duration}.
 * - Track "video" holds the shots end to end (edit points centred, handoffCut.ts); a transition
 *   (叠化 dissolve / 闪黑 flash-black, ids from pyJianYingDraft's transition_meta.py) is a
 *   material referenced by the segment before it, as JianYing stores them.
 * - Each take's own sound plays with its video segment (volume 1.0); music, voice-over and
 *   sound are "audio" tracks. JianYing has no notes or alternates on a segment: the shots'
 *   prompts and alternate takes are not in the draft (the FCPXML/OTIO files carry them).
 * Pure; ids are derived from our ids (stable across exports). Paths must be absolute. The
 * records themselves: jianyingRecords.ts.
 */
import { editPoints, type HandoffAudio, type HandoffCut, type HandoffMedia } from './handoffCut.js';
import { audioMaterial, draftId, frameToUs, range, segmentBase, videoMaterial, type Json } from './jianyingRecords.js';
import { mediaPath } from './paths.js';
import { transitionLook } from '../model/transitionKinds.js';

export interface JianyingOptions {
  /** Absolute project folder (JianYing needs absolute media paths). */
  root: string;
  /** The draft folder's absolute path and name (draft_meta_info.json). */
  draftPath: string;
  draftName: string;
  /** Seconds since the epoch (the caller's clock; keeps the writer pure). */
  nowSec: number;
}

export interface JianyingDraft {
  content: Json;
  meta: Json;
}

export function writeJianyingDraft(cut: HandoffCut, opts: JianyingOptions): JianyingDraft {
  const { fps } = cut;
  const videos: Json[] = [];
  const audios: Json[] = [];
  const speeds: Json[] = [];
  const transitions: Json[] = [];
  const seen = new Set<string>();
  const material = (m: HandoffMedia, list: Json[], kind: 'video' | 'audio'): string => {
    const id = draftId(`material:${m.assetId}`);
    if (seen.has(id)) return id;
    seen.add(id);
    const path = mediaPath(opts.root, m.path);
    const duration = frameToUs(m.mediaFrames, fps);
    list.push((kind === 'video' ? videoMaterial : audioMaterial)(id, m, path, duration));
    return id;
  };
  const speed = (key: string): string => {
    const id = draftId(`speed:${key}`);
    speeds.push({ id, curve_speed: null, mode: 0, speed: 1.0, type: 'speed' });
    return id;
  };

  const points = editPoints(cut, 'center');
  const videoSegments = points.map((p, i) => {
    const next = points[i + 1];
    const extra: string[] = [];
    const look = next && next.before + next.after > 0 ? transitionLook(next.clip.transition) : null;
    if (next && look) {
      const kind = look.jianying;
      const id = draftId(`transition:${next.clip.shotId}`);
      transitions.push({
        id,
        ...kind,
        duration: frameToUs(next.before + next.after, fps),
        category_id: '',
        category_name: '',
        platform: 'all',
        type: 'transition',
      });
      extra.push(id);
    }
    const target = range(p.recordIn, p.recordIn + p.frames, fps);
    const sourceStart = frameToUs(p.sourceIn, fps);
    const seg = segmentBase(
      draftId(`segment:${p.clip.shotId}`),
      material(p.clip.take, videos, 'video'),
      speed(p.clip.shotId),
      target,
      { start: sourceStart, duration: target.duration },
      extra,
    );
    return {
      ...seg,
      clip: {
        alpha: 1.0,
        flip: { horizontal: false, vertical: false },
        rotation: 0.0,
        scale: { x: 1.0, y: 1.0 },
        transform: { x: 0.0, y: 0.0 },
      },
      uniform_scale: { on: true, value: 1.0 },
      hdr_settings: { intensity: 1.0, mode: 1, nits: 1000 },
    };
  });
  const lanes: [HandoffAudio['lane'], string][] = [
    ['music', 'Music'],
    ['voiceover', 'Voice-over'],
    ['sfx', 'Sound'],
  ];
  const audioTracks = lanes.flatMap(([lane, name]) => {
    const items = cut.audio.filter((a) => a.lane === lane);
    if (items.length === 0) return [];
    let at = 0;
    const segments = items.flatMap((a) => {
      const start = Math.max(a.startFrame, at);
      const frames = a.frames - (start - a.startFrame);
      if (frames < 1) return [];
      at = start + frames;
      const target = range(start, start + frames, fps);
      const seg = segmentBase(
        draftId(`audio:${a.id}`),
        material(a, audios, 'audio'),
        speed(a.id),
        target,
        { start: frameToUs(a.inFrame + (start - a.startFrame), fps), duration: target.duration },
        [],
      );
      return [{ ...seg, volume: Math.pow(10, a.gainDb / 20), clip: null, hdr_settings: null }];
    });
    return [
      { id: draftId(`track:${lane}`), type: 'audio', name, attribute: 0, flag: 0, is_default_name: false, segments },
    ];
  });
  const duration = frameToUs(cut.totalFrames, fps);
  const content: Json = {
    id: draftId(`draft:${opts.draftName}`).toUpperCase(),
    name: opts.draftName,
    fps: fps.num / fps.den,
    duration,
    canvas_config: { width: cut.width, height: cut.height, ratio: 'original' },
    color_space: 0,
    config: {
      maintrack_adsorb: true,
      video_mute: false,
      record_audio_last_index: 1,
      extract_audio_last_index: 1,
      original_sound_last_index: 1,
    },
    create_time: opts.nowSec,
    update_time: opts.nowSec,
    keyframes: {
      adjusts: [],
      audios: [],
      effects: [],
      filters: [],
      handwrites: [],
      stickers: [],
      texts: [],
      videos: [],
    },
    last_modified_platform: { app_id: 3704, app_source: 'lv', app_version: '5.9.0', os: 'windows' },
    materials: {
      videos,
      audios,
      speeds,
      transitions,
      audio_fades: [],
      audio_effects: [],
      canvases: [],
      effects: [],
      material_animations: [],
      texts: [],
      stickers: [],
      masks: [],
      beats: [],
      drafts: [],
      placeholders: [],
      sound_channel_mappings: [],
      time_marks: [],
    },
    new_version: '110.0.0',
    platform: { app_id: 3704, app_source: 'lv', app_version: '5.9.0', os: 'windows' },
    relationships: [],
    source: 'default',
    tracks: [
      {
        id: draftId('track:video'),
        type: 'video',
        name: 'Storyboard',
        attribute: 0,
        flag: 0,
        is_default_name: false,
        segments: videoSegments,
      },
      ...audioTracks,
    ],
    version: 360000,
  };
  const meta: Json = {
    draft_id: draftId(`meta:${opts.draftName}`).toUpperCase(),
    draft_name: opts.draftName,
    draft_fold_path: opts.draftPath,
    draft_root_path: opts.draftPath.replace(/[\\/][^\\/]*$/, ''),
    draft_cover: '',
    draft_materials: [0, 1, 2, 3, 6, 7, 8].map((type) => ({
      type,
      value: type === 0 ? [...videos, ...audios].map((m) => ({ file_Path: m.path, id: m.id })) : [],
    })),
    draft_timeline_materials_size_: 0,
    tm_draft_create: opts.nowSec * 1_000_000,
    tm_draft_modified: opts.nowSec * 1_000_000,
    tm_duration: duration,
    draft_is_invisible: false,
    draft_type: '',
  };
  return { content, meta };
}
