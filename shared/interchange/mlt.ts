/**
 * MLT XML (https://www.mltframework.org/docs/mltxml/): Shotcut opens it as a project, Kdenlive
 * imports it, and `melt` renders it (the integration test renders it and compares its frames
 * with our MP4's). Written with xmlbuilder2.
 * - <profile> is the project's size and rate, so in/out points are project frames (inclusive out).
 * - playlist "v1" holds the shots; a transition is Shotcut's form: a small <tractor> entry
 *   (property shotcut:transition) whose two tracks are the outgoing clip's tail and the incoming
 *   clip's head over the overlap, with a `luma` (dissolve) and a `mix` (audio crossfade) between
 *   them; a dip to black adds a `brightness` filter that falls to 0 at the middle and rises again.
 *   Both clips play in full, exactly like the MP4 export (no handles needed).
 * - Each take's own sound comes with its producer; music, voice-over and sound are playlists
 *   with their video hidden, mixed in by `mix` transitions (always_active, sum). Gain and fades
 *   are a `volume` filter on the entry (level in dB, keyframed). Ducking is not written.
 * - The shot's prompt, provider, model and seed ride along as producer properties
 *   (storyboard:*) and Shotcut's caption/comment properties.
 * `root` is the project folder: resources stay relative to it ('' = the XML file's folder).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { notesText, type HandoffAudio, type HandoffCut, type HandoffMedia } from './handoffCut.js';
import { transitionLook } from '../model/transitionKinds.js';

export interface MltOptions {
  root: string;
}

function props(el: XMLBuilder, values: Record<string, string | number>): XMLBuilder {
  for (const [name, value] of Object.entries(values)) el.ele('property', { name }).txt(String(value));
  return el;
}

export function writeMlt(cut: HandoffCut, opts: MltOptions): string {
  const { fps, width, height } = cut;
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const mlt = doc.ele('mlt', {
    LC_NUMERIC: 'C',
    version: '7.0.0',
    title: cut.name,
    producer: 'main',
    ...(opts.root ? { root: opts.root } : {}),
  });
  const g = gcd(width, height);
  mlt.ele('profile', {
    description: `${width}x${height} ${fps.num}/${fps.den}`,
    width,
    height,
    progressive: 1,
    sample_aspect_num: 1,
    sample_aspect_den: 1,
    display_aspect_num: width / g,
    display_aspect_den: height / g,
    frame_rate_num: fps.num,
    frame_rate_den: fps.den,
    colorspace: 709,
  });
  let nextId = 0;
  const producer = (m: HandoffMedia, extra: Record<string, string | number> = {}): string => {
    const id = `producer${nextId++}`;
    props(mlt.ele('producer', { id }), { resource: m.path, ...extra });
    return id;
  };

  // Producers for the shots (one per use, as Shotcut writes them).
  const shotProducers = cut.clips.map((c) =>
    producer(c.take, {
      'shotcut:caption': c.name,
      'shotcut:comment': notesText(c.notes),
      'storyboard:shotId': c.shotId,
      'storyboard:takeId': c.take.takeId,
      'storyboard:prompt': c.notes.prompt,
      'storyboard:provider': c.notes.provider ?? '',
      'storyboard:model': c.notes.model ?? '',
      'storyboard:seed': c.notes.seed ?? '',
    }),
  );
  // Transition tractors, before the playlist that uses them.
  const transitionIds = cut.clips.map((c, i) => {
    const prev = cut.clips[i - 1];
    const prevId = shotProducers[i - 1];
    const id = shotProducers[i];
    const look = transitionLook(c.transition);
    if (c.overlap < 1 || !prev || !prevId || !id || !look) return null;
    const tid = `transition${i}`;
    const last = c.overlap - 1;
    const tractor = mlt.ele('tractor', { id: tid, in: 0, out: last });
    props(tractor, { 'shotcut:transition': look.shotcut });
    tractor.ele('track', { producer: prevId, in: prev.outFrames - c.overlap, out: prev.outFrames - 1 });
    tractor.ele('track', { producer: id, in: c.inFrames, out: c.inFrames + last });
    props(tractor.ele('transition', { id: `${tid}_luma`, out: last }), {
      a_track: 0,
      b_track: 1,
      mlt_service: 'luma',
      factory: 'loader',
    });
    props(tractor.ele('transition', { id: `${tid}_mix`, out: last }), {
      a_track: 0,
      b_track: 1,
      start: 0,
      end: 1,
      mlt_service: 'mix',
    });
    if (look.shotcut === 'dipToBlack') {
      props(tractor.ele('filter', { id: `${tid}_dip` }), {
        mlt_service: 'brightness',
        level: `0=1;${Math.floor(last / 2)}=0;${last}=1`,
      });
    }
    return tid;
  });
  const v1 = mlt.ele('playlist', { id: 'v1' });
  props(v1, { 'shotcut:video': 1, 'shotcut:name': 'V1' });
  cut.clips.forEach((c, i) => {
    const id = shotProducers[i];
    if (!id) return;
    const tid = transitionIds[i];
    if (tid) v1.ele('entry', { producer: tid, in: 0, out: c.overlap - 1 });
    const head = tid ? c.overlap : 0;
    const tail = cut.clips[i + 1]?.overlap ?? 0;
    const frames = c.frames - head - tail;
    if (frames > 0) v1.ele('entry', { producer: id, in: c.inFrames + head, out: c.inFrames + head + frames - 1 });
  });

  const lanes: [HandoffAudio['lane'], string][] = [
    ['music', 'Music'],
    ['voiceover', 'Voice-over'],
    ['sfx', 'Sound'],
  ];
  const laneIds = lanes.map(([lane, name]) => {
    const items = cut.audio.filter((a) => a.lane === lane);
    const ids = items.map((a) => producer(a, { 'storyboard:audioItemId': a.id }));
    const pl = mlt.ele('playlist', { id: `audio_${lane}` });
    props(pl, { 'shotcut:audio': 1, 'shotcut:name': name });
    let at = 0;
    items.forEach((a, k) => {
      const start = Math.max(a.startFrame, at);
      const frames = a.frames - (start - a.startFrame);
      const pid = ids[k];
      if (frames < 1 || !pid) return;
      if (start > at) pl.ele('blank', { length: start - at });
      const entry = pl.ele('entry', {
        producer: pid,
        in: a.inFrame + (start - a.startFrame),
        out: a.inFrame + (start - a.startFrame) + frames - 1,
      });
      const level = volumeLevel(a, frames);
      if (level) props(entry.ele('filter'), { mlt_service: 'volume', level });
      at = start + frames;
    });
    return `audio_${lane}`;
  });

  const main = mlt.ele('tractor', { id: 'main', in: 0, out: cut.totalFrames - 1 });
  props(main, { 'shotcut:projectAudioChannels': 2 });
  main.ele('track', { producer: 'v1' });
  for (const id of laneIds) main.ele('track', { producer: id, hide: 'video' });
  laneIds.forEach((_, k) => {
    props(main.ele('transition', { id: `mix${k + 1}` }), {
      a_track: 0,
      b_track: k + 1,
      mlt_service: 'mix',
      always_active: 1,
      sum: 1,
    });
  });
  return doc.end({ prettyPrint: true });
}

/** The volume filter's level (dB) as MLT keyframes: gain, with fades from -60 dB; '' when flat 0 dB. */
function volumeLevel(a: HandoffAudio, frames: number): string {
  const fin = Math.min(a.fadeInFrames, frames);
  const fout = Math.min(a.fadeOutFrames, frames - fin);
  if (fin === 0 && fout === 0) return a.gainDb === 0 ? '' : String(a.gainDb);
  const keys: string[] = [];
  if (fin > 0) keys.push('0=-60', `${fin}=${a.gainDb}`);
  else keys.push(`0=${a.gainDb}`);
  if (fout > 0) keys.push(`${frames - 1 - fout}=${a.gainDb}`, `${frames - 1}=-60`);
  return keys.join(';');
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x || 1;
}
