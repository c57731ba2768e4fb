/**
 * A project that exercises every hand-off feature with real media: the two real AI clips
 * (picture only, 8 fps, 720x480) and a generated clip with sound, trims, a crossfade and a dip to
 * black, an alternate take, a titled shot in a scene with a Chinese prompt, and a music item with
 * gain and a fade. 720p at 24 fps (the clips' 8 fps is not the project's rate on purpose).
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { lavfiClip } from '../../helpers/lavfiClip.js';
import { realMedia } from '../../helpers/realMedia.js';
import { newTake } from '../../../shared/model/factories.js';

/** `video` for `seconds` with a tone (x264 and AAC at their defaults). */
function lavfi(out: string, video: string, seconds: number, audio = 'sine=frequency=440:sample_rate=48000'): string {
  return lavfiClip(out, { video, audio, seconds, shortest: true });
}

export interface HandoffFixture {
  store: ProjectStore;
  shots: string[];
  alternateTakeId: string;
}

export async function handoffProject(root: string, name = 'hand off 交接'): Promise<HandoffFixture> {
  const store = ProjectStore.create(join(root, name), {
    name: '营地 Camping',
    aspect: '16:9',
    resolution: '720p',
    fps: { num: 24, den: 1 },
  });
  const horse = await importFile(store, realMedia('ai-clip-horse-720x480-8fps.mp4'), 'imported');
  const bars = await importFile(store, lavfi(join(root, 'bars 测试.mp4'), 'testsrc2=s=640x360:r=24', 3), 'imported');
  const alt = await importFile(store, lavfi(join(root, 'alt take.mp4'), 'smptebars=s=640x360:r=24', 2), 'imported');
  const kitten = await importFile(store, realMedia('ai-clip-kitten-720x480-8fps.mp4'), 'imported');
  const musicFile = join(root, 'music 音乐.m4a');
  lavfiClip(musicFile, { audio: 'sine=frequency=220:sample_rate=48000', seconds: 5 });
  const music = await importFile(store, musicFile, 'imported');

  const a = store.shots.add({ durationFrames: 48, importedTake: { assetId: horse.id } });
  store.shots.setTrim(a.id, 8, 104);
  store.shots.update(a.id, {
    prompt: 'A horse gallops across the frame',
    notes: 'Muybridge homage',
    camera: 'pan_right',
  });
  const b = store.shots.add({ durationFrames: 72, importedTake: { assetId: bars.id } });
  store.shots.update(b.id, {
    title: '测试卡',
    prompt: '夜晚的营地，篝火旁的笑声',
    dialogue: '“我们明天出发。”',
    transitionIn: { kind: 'crossfade', frames: 12 },
  });
  const takeId = randomUUID();
  store.addTake(
    newTake({
      id: takeId,
      shotId: b.id,
      assetId: alt.id,
      provider: 'animatic',
      model: 'animatic',
      request: { prompt: 'bars' },
      seed: 42,
      createdAt: new Date().toISOString(),
    }),
    { selectIfNone: false },
  );
  const c = store.shots.add({ durationFrames: 48, importedTake: { assetId: kitten.id } });
  store.shots.setTrim(c.id, 0, 120);
  store.shots.update(c.id, { prompt: 'A kitten walks on grass', transitionIn: { kind: 'dip_to_black', frames: 8 } });
  const ops = store.audio;
  const item = ops.add(music.id, 'music', 24);
  ops.update(item, { gainDb: -6, fadeInFrames: 12 });
  return { store, shots: [a.id, b.id, c.id], alternateTakeId: takeId };
}
