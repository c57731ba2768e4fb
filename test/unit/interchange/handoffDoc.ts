/**
 * A snapshot for the hand-off writers: three shots (a trimmed 8 fps clip, a clip with sound and
 * an alternate take, a clip after a dip to black), a crossfade, and a music item, at 24 fps.
 */
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { newTake } from '../../../shared/model/factories.js';
import { makeDoc, mediaInfo } from '../export/doc.js';

export function handoffDoc(): ProjectSnapshot {
  const doc = makeDoc(
    [
      { trimIn: 8, trimOut: 104, prompt: 'A horse gallops' },
      {
        title: '测试卡',
        prompt: '夜晚的营地，篝火旁的笑声',
        info: { durationSec: 3, fps: { num: 24, den: 1 }, hasAudio: true, audioChannels: 2, audioSampleRate: 48000 },
      },
      { trimIn: 0, trimOut: 120, prompt: 'A kitten walks' },
    ],
    { fps: { num: 24, den: 1 }, dir: '/projects/camp 营地' },
  );
  const [a, b, c] = doc.shots;
  if (!a || !b || !c) throw new Error('three shots');
  b.transitionIn = { kind: 'crossfade', frames: 12 };
  c.transitionIn = { kind: 'dip_to_black', frames: 8 };
  b.dialogue = '我们明天出发。';
  a.notes = 'Muybridge';
  const alt = `99${'cd'.repeat(31)}`;
  doc.assets.push({
    id: alt,
    path: 'media/alt.mp4',
    originalName: 'alt take.mp4',
    bytes: 10,
    origin: 'generated',
    info: mediaInfo({ durationSec: 2, fps: { num: 24, den: 1 } }),
    createdAt: '2025-01-01T00:00:00.000Z',
  });
  doc.takes.push(
    newTake({
      id: 'take-alt',
      shotId: b.id,
      assetId: alt,
      jobId: 'job-1',
      provider: 'animatic',
      model: 'animatic',
      seed: 42,
      createdAt: '2025-01-02T00:00:00.000Z',
    }),
  );
  const music = `98${'ef'.repeat(31)}`;
  doc.assets.push({
    id: music,
    path: 'media/music.m4a',
    originalName: 'music 音乐.m4a',
    bytes: 10,
    origin: 'imported',
    info: mediaInfo({
      kind: 'audio',
      width: 0,
      height: 0,
      displayWidth: 0,
      displayHeight: 0,
      fps: null,
      videoCodec: null,
      pixelFormat: null,
      durationSec: 5,
      hasAudio: true,
      audioCodec: 'aac',
      audioChannels: 2,
      audioSampleRate: 48000,
    }),
    createdAt: '2025-01-01T00:00:00.000Z',
  });
  doc.audioItems.push({
    id: 'music-1',
    lane: 'music',
    assetId: music,
    startFrame: 24,
    inFrame: 0,
    outFrame: null,
    gainDb: -6,
    fadeInFrames: 12,
    fadeOutFrames: 0,
    duck: false,
  });
  return doc;
}
