/**
 * Track header switches in a real export: a muted music track is silent in the output (ffmpeg
 * volumedetect over the stretch where only music plays: max_volume at the -91 dB floor) while
 * the sound track still plays; the mute is one undo step, and undoing it brings the music back.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { tempDir } from '../../helpers/tmp.js';
import { sineWav } from '../../helpers/sineWav.js';
import { silentCut } from './audioFixtures.js';

/** volumedetect's max_volume (dB) of the output's audio between two times (seconds). */
function maxVolume(file: string, fromSec: number, toSec: number): number {
  const run = spawnSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostats',
      '-i',
      file,
      '-map',
      '0:a:0',
      '-af',
      `atrim=${fromSec}:${toSec},volumedetect`,
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  );
  const m = /max_volume:\s*(-?[\d.]+|-inf) dB/.exec(run.stderr);
  if (!m) throw new Error(`no volumedetect output: ${run.stderr.slice(-500)}`);
  return m[1] === '-inf' ? -Infinity : Number(m[1]);
}

describe('export honours the track header switches', () => {
  const root = tempDir();
  let store: ProjectStore;

  beforeAll(async () => {
    store = await silentCut(join(root, 'tracks'), 'Tracks'); // the cut is 4 s of silent picture
    sineWav(join(root, 'music.wav'), 440, 6);
    sineWav(join(root, 'sfx.wav'), 880, 1);
    const music = (await importFile(store, join(root, 'music.wav'), 'imported')).id;
    const sfx = (await importFile(store, join(root, 'sfx.wav'), 'imported')).id;
    store.audio.add(music, 'music', 12); // from 1.5 s: the only sound there
    store.audio.add(sfx, 'sfx', 0); // 0 .. 1 s
  });

  afterAll(() => store.close());

  it('a muted music track is silent where only it played; the sound track still plays; undo brings it back', async () => {
    const open = join(root, 'open.mp4');
    await runExport(store, { outPath: open, quality: 'draft' });
    expect(maxVolume(open, 2, 3.8)).toBeGreaterThan(-30);

    store.tracks.set('music', 'muted', true);
    expect(store.project().trackStates).toEqual({ music: { muted: true } });
    const muted = join(root, 'muted.mp4');
    await runExport(store, { outPath: muted, quality: 'draft' });
    expect(maxVolume(muted, 2, 3.8)).toBeLessThan(-80);
    expect(maxVolume(muted, 0.1, 0.9)).toBeGreaterThan(-30);

    // One undo step: the switch goes back and the music is heard again.
    expect(store.undo()).toBe(true);
    expect(store.project().trackStates).toBeUndefined();
    const again = join(root, 'again.mp4');
    await runExport(store, { outPath: again, quality: 'draft' });
    expect(maxVolume(again, 2, 3.8)).toBeGreaterThan(-30);
  });

  it('solo keeps only the soloed track; the switches survive reopening the project', async () => {
    store.tracks.set('sfx', 'solo', true);
    const dir = store.dir;
    store.close();
    store = ProjectStore.open(dir);
    expect(store.project().trackStates).toEqual({ sfx: { solo: true } });
    const solo = join(root, 'solo.mp4');
    await runExport(store, { outPath: solo, quality: 'draft' });
    expect(maxVolume(solo, 2, 3.8)).toBeLessThan(-80);
    expect(maxVolume(solo, 0.1, 0.9)).toBeGreaterThan(-30);
  });
});
