/**
 * The stream-copy export path (quality.md EXP-3, MEDIA-5, MEDIA-13) with the real runner and
 * ffmpeg: identical whole takes are joined without re-encoding the video and the result still
 * meets every export guarantee; anything not verified identical is re-encoded with a reason.
 * Outputs are checked with the system ffprobe/ffmpeg, independent of our code. A copy that fails
 * verification, a cancel and the sweep: copyVerify.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearClipFactsCache } from '../../../electron/services/export/copyProbe.js';
import { concatInput, concatList } from '../../helpers/exportArgs.js';
import { REAL_CLIPS } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';
import type { ClipSpec } from '../../unit/export/doc.js';
import { exportCut, expectGoodExport, expectInSync, FPS, FRAME, sameClips } from './copyFixtures.js';
import { addClip, ffmpeg } from './fixtures.js';
import { beepOnsets, flashFrames, markedClip } from './syncFixtures.js';

describe('stream-copy export (real ffmpeg)', () => {
  const dir = tempDir();
  const src = join(dir, 'src');
  let same: ClipSpec[] = [];
  const clip = (rel: string, file: string): ClipSpec => addClip(dir, rel, file);

  beforeAll(() => {
    same = sameClips(dir);
  });

  it('joins identical whole takes by copy: exact frames, one AAC track, every beep on its frame', async () => {
    const { result, file, store, logs } = await exportCut(dir, same, `copy 'q' 100% 镜头.mp4`);
    expect(result.mode).toBe('copy');
    expect(logs.join('\n')).toMatch(/stream copy/);
    expectGoodExport(file, 4 * FPS);
    expectInSync(file, [0, 24, 48, 72]);
    // The video packets are the clips' own: the stream still carries x264's settings of the sources.
    expect(
      execFileSync(
        'ffprobe',
        ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=profile', '-of', 'csv=p=0', file],
        { encoding: 'utf8' },
      ).trim(),
    ).toBe('High');
    expect([...store.runs.values()].map((r) => r.history)).toEqual([['running', 'running', 'succeeded']]);
    // No temp file and no concat list left beside the output.
    expect(readdirSync(join(dir, 'out')).filter((n) => n.startsWith('.copy'))).toEqual([]);
  });

  it('20 joins: no drift (a plain -f concat -c copy drifts past a frame, which is why the audio is placed by audioCopy.ts)', async () => {
    const many = Array.from({ length: 21 }, (_, i) => same[i % 4] as ClipSpec);
    const { result, file } = await exportCut(dir, many, 'twenty joins.mp4');
    expect(result.mode).toBe('copy');
    expectGoodExport(file, 21 * FPS);
    expectInSync(
      file,
      many.map((_, i) => i * FPS),
    );

    // The naive command on the same files, for contrast (measured behaviour of ffmpeg 5.1).
    const list = join(dir, 'naive.txt');
    writeFileSync(list, concatList(many.map((c) => join(dir, c.path ?? ''))));
    const naive = join(dir, 'naive.mp4');
    ffmpeg([...concatInput(list), '-c', 'copy', naive]);
    const drift = (beepOnsets(naive).at(-1) ?? 0) - 20;
    expect(drift).toBeGreaterThan(FRAME);
  });

  it('29.97 fps: 12 clips of 31 frames (not whole microseconds) join exactly and stay in sync', async () => {
    const ntsc = clip('media/ntsc.mp4', markedClip(join(src, 'ntsc.mp4'), { fps: '30000/1001', seconds: 1.03 }));
    const cut = Array.from({ length: 12 }, () => ntsc);
    const ntscSize = { width: 320, height: 240, fps: { num: 30000, den: 1001 } };
    const { result, file } = await exportCut(dir, cut, 'ntsc.mp4', {}, ntscSize);
    expect(result.mode).toBe('copy');
    expectGoodExport(file, 12 * 31, ntscSize);
    expectInSync(
      file,
      cut.map((_, i) => i * 31),
      1001 / 30000,
    );
  });

  it('copies the real AI clips (same SPS/PPS, no audio) and adds a silent stereo track', async () => {
    const ai = [
      clip('media/horse.mp4', REAL_CLIPS.horse),
      clip('media/kitten.mp4', REAL_CLIPS.kitten),
      clip('media/horse2.mp4', REAL_CLIPS.horse),
    ];
    const aiSize = { width: 720, height: 480, fps: { num: 8, den: 1 } };
    const { result, file } = await exportCut(dir, ai, 'ai clips.mp4', {}, aiSize);
    expect(result.mode).toBe('copy');
    expectGoodExport(file, 3 * 49, aiSize);
    expect(beepOnsets(file)).toEqual([]);
  });

  it('a clip without audio is still copied; its span is silent and the beeps around it stay on their frames', async () => {
    const silent = clip('media/silent.mp4', markedClip(join(src, 'silent.mp4'), { audio: false }));
    const { result, file } = await exportCut(dir, [same[0]!, silent, same[1]!], 'with silent.mp4');
    expect(result.mode).toBe('copy');
    expectGoodExport(file, 3 * FPS);
    expect(flashFrames(file)).toEqual([0, 24, 48]);
    const onsets = beepOnsets(file);
    expect(onsets).toHaveLength(2);
    expect(Math.abs((onsets[0] ?? -1) - 0)).toBeLessThanOrEqual(FRAME);
    expect(Math.abs((onsets[1] ?? -1) - 2)).toBeLessThanOrEqual(FRAME);
  });

  it('clips whose video is the second track (audio first) are still copied: the join is redone with the probed track', async () => {
    // Cold: the join starts with track 1 (copyProbe.ts leadStreamIdGuess), which is the audio here.
    clearClipFactsCache();
    const audioFirst = join(src, 'audio first.mp4');
    ffmpeg(['-i', join(dir, same[0]?.path ?? ''), '-map', '0:a', '-map', '0:v', '-c', 'copy', audioFirst]);
    expect(
      execFileSync(
        'ffprobe',
        ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=id', '-of', 'csv=p=0', audioFirst],
        { encoding: 'utf8' },
      ).trim(),
    ).toBe('0x2');
    const a = clip('media/audio first a.mp4', audioFirst);
    const b = clip('media/audio first b.mp4', audioFirst);
    const { result, file } = await exportCut(dir, [a, b], 'audio first.mp4');
    expect(result.mode).toBe('copy');
    expectGoodExport(file, 2 * FPS);
    expectInSync(file, [0, 24]);
  });

  describe('near-identical clips are re-encoded, with the reason', () => {
    const cases: { name: string; make: () => ClipSpec; reason: RegExp }[] = [
      {
        name: 'another frame rate',
        make: () => clip('media/fps25.mp4', markedClip(join(src, 'fps25.mp4'), { fps: 25 })),
        reason: /runs at 25 fps, the project at 24 fps/,
      },
      {
        name: 'another size',
        make: () => clip('media/small.mp4', markedClip(join(src, 'small.mp4'), { size: '320x180' })),
        reason: /is 320x180, the output is 320x240/,
      },
      {
        name: 'another H.264 profile',
        make: () => clip('media/main.mp4', markedClip(join(src, 'main.mp4'), { x264: ['-profile:v', 'main'] })),
        reason: /profile Main, Shot 1 "prompt 1" High/,
      },
      {
        name: 'other x264 settings (same profile)',
        make: () => clip('media/crf30.mp4', markedClip(join(src, 'crf30.mp4'), { x264: ['-crf', '30'] })),
        reason: /different H\.264 settings \(SPS\/PPS\)/,
      },
      { name: 'a trim', make: () => ({ ...same[1]!, trimIn: 2 }), reason: /is trimmed \(frames 2 to 24 of 24\)/ },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const odd = c.make();
        const { result, file, logs } = await exportCut(dir, [same[0]!, odd, same[2]!], `${c.name}.mp4`);
        expect(result.mode).toBe('reencode');
        expect(result.reason).toMatch(c.reason);
        expect(result.reason).toMatch(/^Shot 2 /);
        expect(logs.join('\n')).toMatch(c.reason);
        const frames = c.name === 'a trim' ? 22 : 24;
        expectGoodExport(file, 48 + frames);
      });
    }
  });
});
