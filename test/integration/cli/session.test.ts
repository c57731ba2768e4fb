/**
 * The acceptance session through the real CLI: two real AI clips, a first frame and a
 * text shot, generated with the animatic provider and exported; the MP4 is checked with
 * ffprobe/ffmpeg directly (not through our own probing code).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeErrors, ffprobeJson } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';
import { ensureBuilt, storyboard } from '../../helpers/cli.js';
import { realMedia } from '../../helpers/realMedia.js';

const horse = realMedia('ai-clip-horse-720x480-8fps.mp4');
const kitten = realMedia('ai-clip-kitten-720x480-8fps.mp4');
const still = realMedia('first-frame-camping.png');

function ok(args: string[]): string {
  const r = storyboard(args);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('storyboard CLI session', () => {
  const root = tempDir();
  const dir = join(root, '我的 project');
  beforeAll(() => ensureBuilt());

  it('makes a 9:16 project, four kinds of shot, generates and exports a conformed MP4', () => {
    ok(['new', dir, '--name', '短片 test', '--aspect', '9:16', '--resolution', '720p', '--fps', '24']);
    const ids = [
      ok(['add-shot', dir, '--video', horse]),
      ok([
        'add-shot',
        dir,
        '--first-frame',
        still,
        '--camera',
        'push_in',
        '--duration',
        '2',
        '--prompt',
        'campfire at dusk',
      ]),
      ok(['add-shot', dir, '--prompt', '一个女孩在雨夜的东京街头奔跑', '--duration', '1.5']),
      ok(['add-shot', dir, '--video', kitten, '--duration', '3']),
    ];
    expect(new Set(ids).size).toBe(4);
    ok(['generate', dir]);
    const info = JSON.parse(ok(['info', dir, '--json'])) as {
      project: { width: number; height: number; fps: string };
      durationSec: number;
      shots: {
        id: string;
        durationFrames: number;
        selectedTake: { mediaPath: string; media: { fps: unknown } } | null;
      }[];
    };
    expect(info.project).toMatchObject({ width: 720, height: 1280, fps: '24' });
    expect(info.shots.map((s) => s.id)).toEqual(ids);
    // 6.125 s at 24 fps = 147 frames; 2 s = 48; 1.5 s = 36; the kitten trimmed to 3 s = 72.
    expect(info.shots.map((s) => s.durationFrames)).toEqual([147, 48, 36, 72]);
    for (const s of info.shots) expect(existsSync(s.selectedTake?.mediaPath ?? '')).toBe(true);

    const out = join(root, 'out 100% "final".mp4');
    expect(ok(['export', dir, '--out', out, '--quality', 'draft'])).toBe(out);
    const probe = ffprobeJson(out);
    const video = probe.streams.filter((s) => s.codec_type === 'video');
    const audio = probe.streams.filter((s) => s.codec_type === 'audio');
    expect(video).toHaveLength(1);
    expect(video[0]).toMatchObject({
      codec_name: 'h264',
      width: 720,
      height: 1280,
      r_frame_rate: '24/1',
      pix_fmt: 'yuv420p',
    });
    expect(audio).toHaveLength(1);
    expect(audio[0]).toMatchObject({ codec_name: 'aac', channels: 2, sample_rate: '48000' });
    const expected = (147 + 48 + 36 + 72) / 24;
    expect(Math.abs(Number(probe.format.duration) - expected)).toBeLessThanOrEqual(1 / 24 + 0.03);
    expect(Math.abs(Number(video[0]?.duration) - expected)).toBeLessThanOrEqual(1 / 24);
    expect(decodeErrors(out)).toBe('');
    // Nothing but the target is left beside it (the temp was renamed, not copied).
    expect(readdirSync(root).filter((f) => f.includes('sbtmp'))).toEqual([]);
  });
});

describe('storyboard CLI rejects bad input with one clear line and writes nothing', () => {
  const root = tempDir();
  const dir = join(root, 'p');
  beforeAll(() => {
    ensureBuilt();
    ok(['new', dir, '--name', 'bad input']);
  });

  it.each([
    ['--aspect', '3:2', /--aspect must be one of/],
    ['--resolution', '8k', /--resolution must be one of/],
    ['--fps', 'fast', /Invalid frame rate "fast"/],
  ])('new %s %s', (flag, value, message) => {
    const target = join(root, `x${value.replace(/\W/g, '')}`);
    const r = storyboard(['new', target, '--name', 'x', flag, value]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')[0]).toMatch(message);
    expect(existsSync(join(target, 'project.db'))).toBe(false);
  });

  it('refuses to create a project over an existing one', () => {
    const r = storyboard(['new', dir, '--name', 'again']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/already|exists/i);
  });

  it('unknown commands and flags exit 2 with usage', () => {
    expect(storyboard(['frobnicate', dir]).status).toBe(2);
    const r = storyboard(['add-shot', dir, '--colour', 'red']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/colour/);
  });

  it('a missing project is named', () => {
    const r = storyboard(['info', join(root, 'nope'), '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nope/);
  });

  it('a first frame that is a video, and a clip that is an image, are refused', () => {
    const a = storyboard(['add-shot', dir, '--first-frame', horse]);
    expect(a.status).toBe(1);
    expect(a.stderr).toMatch(/first frame must be an image/);
    const b = storyboard(['add-shot', dir, '--video', still]);
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/clip must be a video/);
    const info = JSON.parse(ok(['info', dir, '--json'])) as { shots: unknown[] };
    expect(info.shots).toEqual([]);
  });

  it.each([
    ['zero-byte', () => Buffer.alloc(0), /empty|zero/i],
    ['truncated', () => readFileSync(horse).subarray(0, 40_000), /corrupt|truncated|invalid|damaged/i],
    [
      'corrupt',
      () => Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 251)),
      /corrupt|not a|unsupported|invalid/i,
    ],
  ])('a %s clip is rejected quickly with a specific message (MEDIA-12)', (name, bytes, message) => {
    const file = join(root, `${name} clip.mp4`);
    writeFileSync(file, bytes());
    const r = storyboard(['add-shot', dir, '--video', file], { timeoutMs: 30_000 });
    expect(r.error).toBeUndefined(); // no timeout: the CLI never hangs on it
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`${name} clip.mp4`);
    const info = JSON.parse(ok(['info', dir, '--json'])) as { shots: unknown[] };
    expect(info.shots).toEqual([]);
  });
});
