/**
 * The stream-copy export path (quality.md EXP-3, MEDIA-5, MEDIA-13) with the real runner and
 * ffmpeg: identical whole takes are joined without re-encoding the video and the result still
 * meets every export guarantee; anything not verified identical is re-encoded with a reason;
 * a copy that fails verification never reaches the target. Outputs are checked with the system
 * ffprobe/ffmpeg, independent of our code.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExport, type RunExportOptions, type RunExportResult } from '../../../electron/services/export/exportJob.js';
import { clearClipFactsCache } from '../../../electron/services/export/copyProbe.js';
import { sweepInterruptedExports } from '../../../electron/services/export/sweep.js';
import { runningFfmpegCount } from '../../../electron/services/ffmpeg/runner.js';
import { audioListPath, concatListPath, exportTempPath } from '../../../electron/services/export/tempPath.js';
import { countVideoFrames, decodeErrors, ffprobeJson } from '../../helpers/ffprobe.js';
import { REAL_CLIPS } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { FakeExportStore } from './fakeStore.js';
import { addClip } from './fixtures.js';
import { beepOnsets, flashFrames, markedClip } from './syncFixtures.js';

const FPS = 24;
const FRAME = 1 / FPS;
// Quotes, %, # and CJK in a stored media path. No backslash: a stored path with one is refused
// by resolveStoredPath (it is a separator on Windows, so such a project would not travel);
// concat.test.ts covers quoting a backslash in the concat list itself.
const ODD_NAME = `media/镜头 'a' "b" 100% x #1.mp4`;

interface Run {
  result: RunExportResult;
  file: string;
  store: FakeExportStore;
  logs: string[];
}

async function exportCut(
  dir: string,
  clips: ClipSpec[],
  name: string,
  extra: Partial<RunExportOptions> = {},
  size = { width: 320, height: 240, fps: FPS, den: 1 },
): Promise<Run> {
  const store = new FakeExportStore(
    dir,
    makeDoc(clips, { dir, width: size.width, height: size.height, fps: { num: size.fps, den: size.den } }),
  );
  const file = join(dir, 'out', name);
  mkdirSync(join(dir, 'out'), { recursive: true });
  const logs: string[] = [];
  const result = await runExport(store, { outPath: file, quality: 'draft', onLog: (m) => logs.push(m), ...extra });
  return { result, file, store, logs };
}

/** Every export guarantee (as conform.test.ts): streams, exact frames, lengths, clean decode. */
function expectGoodExport(file: string, frames: number, width = 320, height = 240, fps = FPS, den = 1): void {
  const probe = ffprobeJson(file);
  const video = probe.streams.filter((s) => s.codec_type === 'video');
  const audio = probe.streams.filter((s) => s.codec_type === 'audio');
  expect(video).toHaveLength(1);
  expect(audio).toHaveLength(1);
  expect(video[0]).toMatchObject({
    codec_name: 'h264',
    width,
    height,
    pix_fmt: 'yuv420p',
    r_frame_rate: `${fps}/${den}`,
  });
  expect(audio[0]).toMatchObject({ codec_name: 'aac', channels: 2, sample_rate: '48000' });
  const frame = den / fps;
  const seconds = frames * frame;
  expect(Math.abs(Number(video[0]?.duration) - seconds)).toBeLessThanOrEqual(frame);
  expect(Math.abs(Number(audio[0]?.duration) - seconds)).toBeLessThanOrEqual(frame);
  expect(Math.abs(Number(probe.format.duration) - seconds)).toBeLessThanOrEqual(frame);
  expect(countVideoFrames(file)).toBe(frames);
  expect(decodeErrors(file)).toBe('');
  // +faststart: the index (moov) comes before the media data (mdat).
  const head = readFileSync(file)
    .subarray(0, 64 * 1024)
    .toString('latin1');
  expect(head.indexOf('moov')).toBeGreaterThan(0);
  expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat'));
}

/** Each clip's beep starts within one frame of its white first frame, for `clipStarts` (frames). */
function expectInSync(file: string, clipStarts: number[], frame = FRAME): void {
  expect(flashFrames(file)).toEqual(clipStarts);
  const onsets = beepOnsets(file);
  expect(onsets).toHaveLength(clipStarts.length);
  onsets.forEach((t, i) => expect(Math.abs(t - (clipStarts[i] ?? 0) * frame)).toBeLessThanOrEqual(frame));
}

describe('stream-copy export (real ffmpeg)', () => {
  const dir = tempDir();
  const src = join(dir, 'src');
  let same: ClipSpec[] = [];
  const clip = (rel: string, file: string, extra: Omit<ClipSpec, 'path' | 'info'> = {}): ClipSpec =>
    addClip(dir, rel, file, extra);

  beforeAll(() => {
    const base = markedClip(join(src, 'base.mp4'));
    // Other pictures, same encoder settings; audio 30 ms longer than the video, so the file is
    // longer than its 24 frames and the joins must follow the video, not the file.
    const hue = markedClip(join(src, 'hue.mp4'), { x264: ['-vf', 'hue=h=90'], audioSeconds: 1.03 });
    same = [clip('media/c0.mp4', base), clip('media/c1.mp4', hue), clip(ODD_NAME, base), clip('media/c3.mp4', hue)];
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
    writeFileSync(list, many.map((c) => `file '${join(dir, c.path ?? '').replace(/'/g, `'\\''`)}'\n`).join(''));
    const naive = join(dir, 'naive.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-nostdin',
      '-y',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      '-c',
      'copy',
      naive,
    ]);
    const drift = (beepOnsets(naive).at(-1) ?? 0) - 20;
    expect(drift).toBeGreaterThan(FRAME);
  });

  it('29.97 fps: 12 clips of 31 frames (not whole microseconds) join exactly and stay in sync', async () => {
    const ntsc = clip('media/ntsc.mp4', markedClip(join(src, 'ntsc.mp4'), { fps: '30000/1001', seconds: 1.03 }));
    const cut = Array.from({ length: 12 }, () => ntsc);
    const { result, file } = await exportCut(
      dir,
      cut,
      'ntsc.mp4',
      {},
      { width: 320, height: 240, fps: 30000, den: 1001 },
    );
    expect(result.mode).toBe('copy');
    expectGoodExport(file, 12 * 31, 320, 240, 30000, 1001);
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
    const { result, file } = await exportCut(dir, ai, 'ai clips.mp4', {}, { width: 720, height: 480, fps: 8, den: 1 });
    expect(result.mode).toBe('copy');
    expectGoodExport(file, 3 * 49, 720, 480, 8);
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
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-nostdin',
      '-y',
      '-i',
      join(dir, same[0]?.path ?? ''),
      '-map',
      '0:a',
      '-map',
      '0:v',
      '-c',
      'copy',
      audioFirst,
    ]);
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

  it('a copy that fails verification is deleted and re-encoded; the target only ever gets a verified file', async () => {
    const outDir = join(dir, 'out');
    mkdirSync(outDir, { recursive: true });
    const outPath = join(outDir, 'verified.mp4');
    writeFileSync(outPath, 'previous export');
    const shorter = join(dir, 'shorter.mp4');
    // A plausible but wrong file: the same clips, one fewer.
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-nostdin',
      '-y',
      '-i',
      join(dir, 'media/c0.mp4'),
      '-i',
      join(dir, 'media/c1.mp4'),
      '-i',
      join(dir, 'media/c3.mp4'),
      '-filter_complex',
      '[0:v][0:a][1:v][1:a][2:v][2:a]concat=n=3:v=1:a=1[v][a]',
      '-map',
      '[v]',
      '-map',
      '[a]',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-c:a',
      'aac',
      shorter,
    ]);
    const store = new FakeExportStore(dir, makeDoc(same, { dir, width: 320, height: 240, fps: { num: FPS, den: 1 } }));
    const seen: string[] = [];
    const result = await runExport(store, {
      outPath,
      quality: 'draft',
      exportId: 'run-verify',
      onProgress: (p) => {
        if (p.state === 'running') seen.push(readFileSync(outPath, 'utf8').slice(0, 15));
      },
      testHooks: {
        afterCopy: (temp) => {
          seen.push(readFileSync(outPath, 'utf8').slice(0, 15));
          copyFileSync(shorter, temp);
        },
      },
    });
    expect(result.mode).toBe('reencode');
    expect(result.reason).toMatch(
      /^the copied file failed verification: it has 7\d video frames, 96 expected; re-encoded instead$/,
    );
    expect(new Set(seen)).toEqual(new Set(['previous export']));
    expectGoodExport(outPath, 4 * FPS);
    expectInSync(outPath, [0, 24, 48, 72]);
    // Two ffmpeg runs recorded (copy, then re-encode), then success; nothing left beside the target.
    expect(store.runs.get('run-verify')?.history).toEqual(['running', 'running', 'running', 'succeeded']);
    expect(readdirSync(outDir).filter((n) => n.includes('verified'))).toEqual(['verified.mp4']);
  });

  it('a copy that ffprobe cannot read back (truncated) is re-encoded too', async () => {
    const { result, file } = await exportCut(dir, same, 'truncated copy.mp4', {
      testHooks: { afterCopy: (temp) => truncateSync(temp, 4096) },
    });
    expect(result.mode).toBe('reencode');
    expect(result.reason).toMatch(
      /^the copied file (could not be verified|failed verification): .*; re-encoded instead$/,
    );
    expectGoodExport(file, 4 * FPS);
  });

  it('a cancel once the copy is decided stops it: CANCELED, run recorded canceled, no ffmpeg, temp or list left', async () => {
    const outDir = join(dir, 'out');
    mkdirSync(outDir, { recursive: true });
    const store = new FakeExportStore(dir, makeDoc(same, { dir, width: 320, height: 240, fps: { num: FPS, den: 1 } }));
    const controller = new AbortController();
    const run = runExport(store, {
      outPath: join(outDir, 'canceled copy.mp4'),
      quality: 'draft',
      exportId: 'run-cancel-copy',
      signal: controller.signal,
      onLog: (m) => {
        if (m.includes('stream copy')) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELED' });
    // The join starts before the decision is logged (copyExport.ts speculativeCopy), so its
    // pid may or may not have been recorded by then; either way the run ends canceled and
    // every process we started is gone.
    const history = store.runs.get('run-cancel-copy')?.history ?? [];
    expect(history[0]).toBe('running');
    expect(history.at(-1)).toBe('canceled');
    expect(history).not.toContain('succeeded');
    expect(runningFfmpegCount()).toBe(0);
    expect(readdirSync(outDir).filter((n) => n.includes('canceled copy'))).toEqual([]);
  });

  it('the sweep after a crash removes the concat lists as well as the temp file', async () => {
    const outPath = join(dir, 'out', 'crashed copy.mp4');
    const temp = exportTempPath(outPath, 'dead');
    writeFileSync(temp, 'half');
    writeFileSync(concatListPath(temp), 'ffconcat version 1.0\n');
    writeFileSync(audioListPath(temp), 'ffconcat version 1.0\n');
    const store = new FakeExportStore(dir, makeDoc([], { dir }));
    store.recordExportStart({ id: 'dead', outPath, tempPath: temp, pid: null });
    expect(await sweepInterruptedExports(store)).toEqual({ interrupted: ['dead'], killed: [], problems: [] });
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(concatListPath(temp))).toBe(false);
    expect(existsSync(audioListPath(temp))).toBe(false);
    expect(audioListPath(temp)).toMatch(/\.dead\.alist\.sbtmp$/);
  });
});
