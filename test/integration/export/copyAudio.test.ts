/**
 * The stream-copy export copying the AAC packets too (shared/export/audioCopy.ts) with the
 * real runner and ffmpeg: clips whose audio is identical AAC are joined as a pure remux, the
 * copied audio stays on the picture at every join (decoded as a player does, independent of
 * our code), and any clip that breaks the rule sends the audio back to the encoder.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearClipFactsCache } from '../../../electron/services/export/copyProbe.js';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { decodeErrors, ffprobeJson } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { FakeExportStore } from './fakeStore.js';
import { exportCut, FPS, FRAME } from './copyFixtures.js';
import { addClip, ffmpeg } from './fixtures.js';
import { beepOnsets, flashFrames, markedClip } from './syncFixtures.js';

/** One AAC packet: the most a join may be off (the brief's bound; the layout keeps half). */
const AAC_FRAME_S = 1024 / 48000;

function audioPacketSizes(file: string): number[] {
  const csv = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'packet=size', '-of', 'csv=p=0', file],
    { encoding: 'utf8' },
  );
  return csv
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(Number);
}

/** One AAC stereo 48 kHz track, as long as the picture within an AAC frame; clean decode. */
function expectOneTrack(file: string, frames: number): void {
  const probe = ffprobeJson(file);
  const audio = probe.streams.filter((s) => s.codec_type === 'audio');
  expect(probe.streams.filter((s) => s.codec_type === 'video')).toHaveLength(1);
  expect(audio).toHaveLength(1);
  expect(audio[0]).toMatchObject({ codec_name: 'aac', channels: 2, sample_rate: '48000', start_time: '0.000000' });
  expect(Math.abs(Number(audio[0]?.duration) - frames * FRAME)).toBeLessThanOrEqual(AAC_FRAME_S + 1e-6);
  expect(decodeErrors(file)).toBe('');
}

/** Every clip's beep (decoded sample after sample) within one AAC frame of its first frame. */
function joinOffsets(file: string, starts: number[]): number[] {
  expect(flashFrames(file)).toEqual(starts);
  const onsets = beepOnsets(file);
  expect(onsets).toHaveLength(starts.length);
  return onsets.map((t, i) => t - (starts[i] ?? 0) * FRAME);
}

describe('stream copy with the audio copied (real ffmpeg)', () => {
  const dir = tempDir();
  const src = join(dir, 'src');
  let same: ClipSpec[] = [];
  const clip = (rel: string, file: string): ClipSpec => addClip(dir, rel, file);

  beforeAll(() => {
    // Same encoder settings; audio as long as, 30 ms longer and 15 ms shorter than the video
    // (AI clips often run a little long), so the kept packets differ from clip to clip.
    same = [
      clip('media/a.mp4', markedClip(join(src, 'a.mp4'))),
      clip('media/b.mp4', markedClip(join(src, 'b.mp4'), { x264: ['-vf', 'hue=h=90'], audioSeconds: 1.03 })),
      clip('media/c.mp4', markedClip(join(src, 'c.mp4'), { audioSeconds: 0.985 })),
    ];
  });

  it('identical AAC in every clip: the packets are copied, 20 joins stay within one AAC frame, no drift', async () => {
    clearClipFactsCache();
    const cut = Array.from({ length: 21 }, (_, i) => same[i % 3] as ClipSpec);
    const { result, file, logs } = await exportCut(dir, cut, 'copied audio.mp4');
    expect(result.mode).toBe('copy');
    expect(result.reason).toMatch(/audio copied: identical AAC in every clip$/);
    expect(logs.join('\n')).toMatch(/stream copy: .*audio copied: identical AAC in every clip/);
    expectOneTrack(file, 21 * FPS);
    // A copy, not an encode: the first clip's packets (priming included) are in the output byte
    // for byte; an encode at 192k would give other sizes.
    const first = audioPacketSizes(join(dir, 'media/a.mp4'));
    expect(audioPacketSizes(file).slice(0, 40)).toEqual(first.slice(0, 40));
    const offsets = joinOffsets(
      file,
      cut.map((_, i) => i * FPS),
    );
    for (const o of offsets) expect(Math.abs(o)).toBeLessThanOrEqual(AAC_FRAME_S);
    // Not accumulating: the last join is no further off than the bound either.
    expect(Math.abs(offsets.at(-1) ?? 1)).toBeLessThanOrEqual(AAC_FRAME_S);
    expect(readdirSync(join(dir, 'out')).filter((n) => n.startsWith('.copied'))).toEqual([]);
  });

  it('a clip without audio: the video is still copied, the audio encoded, and the reason names the clip', async () => {
    const silent = clip('media/silent.mp4', markedClip(join(src, 'silent.mp4'), { audio: false }));
    const { result, file } = await exportCut(dir, [same[0]!, same[1]!, silent], 'one silent.mp4');
    expect(result.mode).toBe('copy');
    expect(result.reason).toMatch(
      /audio encoded: Shot 3 .*audio is not 48 kHz stereo AAC|audio encoded: Shot 3 .* has no audio/,
    );
    expectOneTrack(file, 3 * FPS);
    expect(audioPacketSizes(file).slice(0, 20)).not.toEqual(audioPacketSizes(join(dir, 'media/a.mp4')).slice(0, 20));
  });

  it('AAC that only the probe tells apart (audio far shorter than the picture): the guessed copy is redone with encoded audio', async () => {
    clearClipFactsCache();
    const short = clip('media/short audio.mp4', markedClip(join(src, 'short audio.mp4'), { audioSeconds: 0.5 }));
    const { result, file } = await exportCut(dir, [same[0]!, short, same[1]!], 'short audio.mp4');
    expect(result.mode).toBe('copy');
    expect(result.reason).toMatch(/audio encoded: Shot 2 .*audio is shorter than its picture/);
    expectOneTrack(file, 3 * FPS);
    const offsets = joinOffsets(file, [0, 24, 48]);
    for (const o of offsets) expect(Math.abs(o)).toBeLessThanOrEqual(FRAME);
  });

  it("5 s at 30 fps: the last video packet (4.967 s) is past the first clip's audio cut point (4.960 s) but stored after that audio: copied", async () => {
    // No B-frames, so the video's dts run to its last frame. The concat demuxer ends a file at the
    // first packet of any stream past the outpoint; interleaved by time, that packet comes later.
    const five = markedClip(join(src, 'five.mp4'), { fps: 30, seconds: 5, x264: ['-bf', '0'] });
    const c = [clip('media/five 1.mp4', five), clip('media/five 2.mp4', five)];
    const store = new FakeExportStore(dir, makeDoc(c, { dir, width: 320, height: 240, fps: { num: 30, den: 1 } }));
    const out = join(dir, 'out', 'five.mp4');
    const result = await runExport(store, { outPath: out, quality: 'draft' });
    expect(result.reason).toMatch(/audio copied: identical AAC in every clip$/);
    const offsets = beepOnsets(out).map((t, i) => Math.abs(t - 5 * i));
    expect(offsets).toHaveLength(2);
    for (const d of offsets) expect(d).toBeLessThanOrEqual(AAC_FRAME_S);
    expect(decodeErrors(out)).toBe('');
  });

  it('mono audio in one clip: encoded (upmixed), the rest of the cut copied', async () => {
    const monoFile = join(src, 'mono.mp4');
    ffmpeg(['-i', join(dir, 'media/a.mp4'), '-c:v', 'copy', '-c:a', 'aac', '-ac', '1', monoFile]);
    const mono = clip('media/mono.mp4', monoFile);
    const { result, file } = await exportCut(dir, [same[0]!, mono], 'mono.mp4');
    expect(result.mode).toBe('copy');
    expect(result.reason).toMatch(/audio encoded: Shot 2 /);
    expectOneTrack(file, 2 * FPS);
  });
});
