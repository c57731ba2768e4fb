/**
 * FCPXML 1.10 (Final Cut Pro 10.6+; also read by DaVinci Resolve and Premiere Pro through its
 * FCPXML import). Element order and attributes follow Apple's DTD for 1.10 (vendored as
 * test/fixtures/fcpxml/FCPXMLv1_10.dtd, from CommandPost's copy; the integration test validates
 * every file with `xmllint --dtdvalid`). Written with xmlbuilder2, never by concatenation.
 *
 * - The primary storyline (spine) holds the shots end to end with transitions centred on the
 *   edit point (handoffCut.ts editPoints): "the transition element overlaps the last … of the
 *   previous video and the first … of the next" (DTD comment on <transition>).
 * - A shot with alternate takes is an <audition> whose first child is the take in the cut
 *   ("one active story element followed by alternative story elements", DTD).
 * - The shot's prompt, provider, model and seed are its <note> and a <marker> at its start.
 * - Audio items are connected clips below the storyline (lane -1 music, -2 voice-over,
 *   -3 sound) with the roles Final Cut names music, dialogue and effects; each take's own sound
 *   comes with its asset-clip.
 * - Times are rational seconds on the project's frame grid: frames × den / num "s".
 * Effect uids: Cross Dissolve FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265 and Fade To Color
 * FxPlug:F779C565-486D-4633-8035-0374B4DB8F5C, as Final Cut and Resolve write them.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Fps } from '../model/time.js';
import {
  editPoints,
  notesText,
  type EditPoint,
  type HandoffAudio,
  type HandoffCut,
  type HandoffMedia,
  type HandoffTake,
} from './handoffCut.js';
import { fileUrl, mediaPath } from './paths.js';
import { OVERLAP_KINDS, TRANSITION_LOOKS, type OverlapKind } from '../model/transitionKinds.js';

export const FCPXML_VERSION = '1.10';

const LANE: Record<HandoffAudio['lane'], { lane: number; role: string }> = {
  music: { lane: -1, role: 'music' },
  voiceover: { lane: -2, role: 'dialogue' },
  sfx: { lane: -3, role: 'effects' },
};

/** The distinct `<effect>` resources of the table (kinds without their own share the dissolve): fx1, fx2, … */
const EFFECT_UIDS = [...new Set(OVERLAP_KINDS.map((k) => TRANSITION_LOOKS[k].fcpxml.uid))];

/** The `<effect>` resource a kind's transition refers to. */
function transitionEffect(kind: OverlapKind): { id: string; name: string; uid: string } {
  const fx = TRANSITION_LOOKS[kind].fcpxml;
  return { id: `fx${EFFECT_UIDS.indexOf(fx.uid) + 1}`, ...fx };
}

/** Frames as FCPXML time: a rational number of seconds ("0s", "1001/30000s", "5/24s"). */
export function fcpTime(frames: number, fps: Fps): string {
  if (frames === 0) return '0s';
  const num = frames * fps.den;
  const g = gcd(num, fps.num);
  const d = fps.num / g;
  return d === 1 ? `${num / g}s` : `${num / g}/${d}s`;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

export interface FcpxmlOptions {
  /** Absolute project folder: media-rep src is a file URL under it ('' keeps relative URLs). */
  root: string;
}

export function writeFcpxml(cut: HandoffCut, opts: FcpxmlOptions): string {
  const { fps } = cut;
  const t = (frames: number): string => fcpTime(frames, fps);
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).dtd({ name: 'fcpxml' });
  const root = doc.ele('fcpxml', { version: FCPXML_VERSION });
  const resources = root.ele('resources');
  resources.ele('format', {
    id: 'r0',
    name: `Storyboard ${cut.width}x${cut.height}`,
    frameDuration: t(1),
    width: cut.width,
    height: cut.height,
  });
  const used = new Set(cut.clips.filter((c) => c.overlap > 0).map((c) => c.transition));
  const effects = new Map<string, ReturnType<typeof transitionEffect>>();
  for (const kind of OVERLAP_KINDS) if (used.has(kind)) effects.set(transitionEffect(kind).id, transitionEffect(kind));
  for (const fx of [...effects.values()].sort((a, b) => a.id.localeCompare(b.id))) resources.ele('effect', fx);
  const assetIds = new Map<string, string>();
  const formatIds = new Map<string, string>();
  const assetRef = (m: HandoffMedia): string => {
    const known = assetIds.get(m.assetId);
    if (known) return known;
    const id = `a${assetIds.size + 1}`;
    assetIds.set(m.assetId, id);
    const info = m.info;
    const hasVideo = info.kind !== 'audio';
    let format: string | undefined;
    if (hasVideo) {
      const key = `${info.displayWidth}x${info.displayHeight}@${info.fps ? `${info.fps.num}/${info.fps.den}` : 'still'}`;
      format = formatIds.get(key);
      if (!format) {
        format = `f${formatIds.size + 1}`;
        formatIds.set(key, format);
        resources.ele('format', {
          id: format,
          width: info.displayWidth,
          height: info.displayHeight,
          ...(info.fps ? { frameDuration: fcpTime(1, info.fps) } : {}),
        });
      }
    }
    const hasAudio = info.kind === 'audio' || info.hasAudio;
    const asset = resources.ele('asset', {
      id,
      name: m.originalName,
      start: '0s',
      duration: info.kind === 'image' ? '0s' : t(m.mediaFrames),
      hasVideo: hasVideo ? '1' : '0',
      ...(format ? { format } : {}),
      hasAudio: hasAudio ? '1' : '0',
      ...(hasAudio
        ? {
            audioSources: '1',
            audioChannels: Math.max(1, info.audioChannels),
            audioRate: info.audioSampleRate || 48000,
          }
        : {}),
    });
    asset.ele('media-rep', { kind: 'original-media', src: fileUrl(mediaPath(opts.root, m.path)) });
    return id;
  };

  // Resources in cut order: the shots' takes, their alternates, then the audio items.
  for (const c of cut.clips) [c.take, ...c.alternates].forEach(assetRef);
  cut.audio.forEach(assetRef);

  const event = root.ele('library').ele('event', { name: cut.name });
  const sequence = event.ele('project', { name: cut.name }).ele('sequence', {
    format: 'r0',
    duration: t(cut.totalFrames),
    tcStart: '0s',
    tcFormat: 'NDF',
    audioLayout: 'stereo',
    audioRate: '48k',
  });
  const spine = sequence.ele('spine');
  const points = editPoints(cut, 'center');
  const anchors = anchorPlan(points, cut.audio);
  points.forEach((p, i) => {
    if (p.before + p.after > 0 && p.clip.transition !== 'cut') {
      const fx = transitionEffect(p.clip.transition);
      const tr = spine.ele('transition', {
        name: fx.name,
        offset: t(p.recordIn - p.before),
        duration: t(p.before + p.after),
      });
      tr.ele('filter-video', { ref: fx.id, name: fx.name });
    }
    const parent = p.clip.alternates.length > 0 ? spine.ele('audition', { offset: t(p.recordIn) }) : spine;
    const active = clipElement(
      parent,
      p.clip.take,
      {
        name: p.clip.name,
        offset: t(p.recordIn),
        start: t(p.sourceIn),
        duration: t(p.frames),
      },
      assetRef,
    );
    active.ele('note').txt(notesText(p.clip.notes));
    for (const a of anchors.get(i) ?? []) {
      audioElement(active, a.item, t(p.sourceIn + (a.item.startFrame - p.recordIn)), t, assetRef);
    }
    active.ele('marker', {
      start: t(p.sourceIn),
      duration: t(1),
      value: `Shot ${p.clip.number}: ${firstLine(p.clip.notes.prompt)}`,
      note: notesText(p.clip.notes).replace(/\n/g, ' · '),
    });
    for (const alt of p.clip.alternates) {
      const frames = Math.max(1, Math.min(p.frames, alt.mediaFrames));
      const el = clipElement(
        parent,
        alt,
        {
          name: `${p.clip.name} (take ${alt.takeId.slice(0, 8)})`,
          offset: t(p.recordIn),
          start: '0s',
          duration: t(frames),
        },
        assetRef,
      );
      el.ele('note').txt(takeNote(alt));
    }
  });
  return doc.end({ prettyPrint: true });
}

function firstLine(s: string): string {
  const line = s.split('\n')[0]?.trim() ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function takeNote(t: HandoffTake): string {
  return [
    `Provider: ${t.provider}`,
    ...(t.model ? [`Model: ${t.model}`] : []),
    ...(t.seed !== null ? [`Seed: ${t.seed}`] : []),
  ].join('\n');
}

function clipElement(
  parent: XMLBuilder,
  take: HandoffTake,
  attrs: Record<string, string>,
  assetRef: (m: HandoffMedia) => string,
): XMLBuilder {
  return parent.ele('asset-clip', { ref: assetRef(take), ...attrs, tcFormat: 'NDF' });
}

/** Which spine clip each audio item hangs from: the one on screen at the item's start. */
function anchorPlan(points: EditPoint[], audio: HandoffAudio[]): Map<number, { item: HandoffAudio }[]> {
  const plan = new Map<number, { item: HandoffAudio }[]>();
  for (const item of audio) {
    let idx = points.findIndex((p) => item.startFrame >= p.recordIn && item.startFrame < p.recordIn + p.frames);
    if (idx < 0) idx = points.length - 1;
    plan.set(idx, [...(plan.get(idx) ?? []), { item }]);
  }
  return plan;
}

function audioElement(
  parent: XMLBuilder,
  item: HandoffAudio,
  offset: string,
  t: (f: number) => string,
  assetRef: (m: HandoffMedia) => string,
): void {
  const { lane, role } = LANE[item.lane];
  const el = parent.ele('asset-clip', {
    ref: assetRef(item),
    lane,
    offset,
    name: item.originalName,
    start: t(item.inFrame),
    duration: t(item.frames),
    ...(item.info.kind === 'audio' ? {} : { srcEnable: 'audio' }),
    audioRole: role,
  });
  if (item.gainDb !== 0 || item.fadeInFrames > 0 || item.fadeOutFrames > 0) {
    const volume = el.ele('adjust-volume', { amount: `${item.gainDb}dB` });
    if (item.fadeInFrames > 0 || item.fadeOutFrames > 0) {
      const param = volume.ele('param', { name: 'amount' });
      if (item.fadeInFrames > 0) param.ele('fadeIn', { type: 'easeIn', duration: t(item.fadeInFrames) });
      if (item.fadeOutFrames > 0) param.ele('fadeOut', { type: 'easeOut', duration: t(item.fadeOutFrames) });
    }
  }
}
