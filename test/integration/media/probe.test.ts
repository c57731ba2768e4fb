/**
 * probeFile on real files made at test time and on the real AI clips: every odd kind is read
 * correctly, every bad kind is refused with its own code, and nothing hangs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../helpers/errors.js';
import { probeFile } from '../../../electron/services/media/probe.js';
import { MediaInfoSchema } from '../../../shared/model/entities.js';
import { ffprobeJson } from '../../helpers/ffprobe.js';
import * as fx from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';

const dir = tempDir();
const opts = { timeoutMs: 10_000 };

/** Width x height of the first frame as ffmpeg decodes it for display (autorotate, SAR applied). */
function displayedSize(file: string): string {
  const out = join(dir, `shown-${Math.random().toString(36).slice(2)}.png`);
  execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-frames:v', '1', '-vf', "scale='round(iw*sar)':ih", '-y', out]);
  const s = ffprobeJson(out).streams[0];
  return `${s?.width}x${s?.height}`;
}

describe('probeFile reads odd media', () => {
  it('a CFR clip with stereo audio matches an independent ffprobe', async () => {
    const info = MediaInfoSchema.parse(await probeFile(fx.cfrClip(), opts));
    const raw = ffprobeJson(fx.cfrClip());
    expect(info).toMatchObject({
      kind: 'video',
      width: 320,
      height: 240,
      fps: { num: 25, den: 1 },
      vfr: false,
      hasAudio: true,
      audioChannels: 2,
      audioSampleRate: 48000,
    });
    expect(info.durationSec).toBeCloseTo(Number(raw.format.duration), 6);
  });

  it('the real AI clips: 720x480, 8 fps, no audio, ~6.125 s; the first frame is a 720x480 image', async () => {
    for (const clip of [fx.REAL_CLIPS.horse, fx.REAL_CLIPS.kitten]) {
      const info = await probeFile(clip, opts);
      expect(info).toMatchObject({
        kind: 'video',
        width: 720,
        height: 480,
        fps: { num: 8, den: 1 },
        hasAudio: false,
        videoCodec: 'h264',
      });
      expect(info.durationSec).toBeCloseTo(6.125, 2);
    }
    expect(await probeFile(fx.REAL_CLIPS.firstFrame, opts)).toMatchObject({
      kind: 'image',
      width: 720,
      height: 480,
      durationSec: 0,
    });
  });

  it('VFR is flagged', async () => {
    expect((await probeFile(fx.vfrClip(), opts)).vfr).toBe(true);
    expect((await probeFile(fx.noAudioClip(), opts)).vfr).toBe(false);
  });

  it.each([90, 180, 270] as const)('rotation %i: display size equals what ffmpeg shows', async (cw) => {
    const file = fx.rotatedClip(cw);
    const info = await probeFile(file, opts);
    expect(info.rotation).toBe(cw);
    expect(`${info.displayWidth}x${info.displayHeight}`).toBe(displayedSize(file));
  });

  it('non-square pixels and odd sizes: display size equals what ffmpeg shows', async () => {
    const sar = await probeFile(fx.sarClip(), opts);
    expect(sar.sar).toEqual({ num: 2, den: 1 });
    expect(`${sar.displayWidth}x${sar.displayHeight}`).toBe(displayedSize(fx.sarClip()));
    const odd = await probeFile(fx.oddSizeClip(), opts);
    expect(`${odd.width}x${odd.height}`).toBe('321x241');
    expect(odd.pixelFormat).toBe('yuv444p');
  });

  it('mono 44.1 kHz, no audio, HEVC, audio only, GIF, JPEG', async () => {
    expect(await probeFile(fx.monoClip(), opts)).toMatchObject({
      audioChannels: 1,
      audioSampleRate: 44100,
      hasAudio: true,
    });
    expect(await probeFile(fx.noAudioClip(), opts)).toMatchObject({ hasAudio: false, audioCodec: null });
    const hevc = fx.hevcClip();
    if (hevc) expect(await probeFile(hevc, opts)).toMatchObject({ kind: 'video', videoCodec: 'hevc' });
    expect(await probeFile(fx.audioOnly(), opts)).toMatchObject({ kind: 'audio', audioChannels: 2, width: 0 });
    expect(await probeFile(fx.gifAnimation(), opts)).toMatchObject({ kind: 'video' });
    expect(await probeFile(fx.jpegImage(), opts)).toMatchObject({ kind: 'image', videoCodec: 'mjpeg' });
  });

  it('Unicode, quotes, % and spaces in the name; %d in an image name is not a pattern', async () => {
    expect(await probeFile(fx.unicodeNameClip(), opts)).toMatchObject({ kind: 'video', width: 320 });
    const sub = join(dir, 'frames %d 镜头');
    mkdirSync(sub, { recursive: true });
    const patterned = join(sub, 'shot%03d.jpg');
    writeFileSync(patterned, execFileSync('cat', [fx.jpegImage()]));
    expect(await probeFile(patterned, opts)).toMatchObject({ kind: 'image', width: 320 });
  });
});

describe('probeFile refuses bad files with a specific code, naming the file', () => {
  it.each([
    ['zero-byte', fx.zeroByteFile, 'MEDIA_EMPTY', 'empty.mp4'],
    ['truncated', fx.truncatedClip, 'MEDIA_CORRUPT', 'truncated-30pct.mp4'],
    ['random bytes', fx.corruptFile, 'MEDIA_CORRUPT', 'corrupt-random.mp4'],
    ['text named .mp4', fx.textFileAsMp4, 'MEDIA_UNSUPPORTED', 'notes.mp4'],
  ] as const)('%s -> %s', async (_what, make, code, name) => {
    const err = await rejectionOf(probeFile(make(), opts));
    expect(err.code).toBe(code);
    expect(err.message).toContain(`"${name}"`);
  });

  it('carries a message key and parameters for the renderer (the English message stays for the CLI)', async () => {
    const empty = await rejectionOf(probeFile(fx.zeroByteFile(), opts));
    expect(empty.details).toMatchObject({ messageKey: 'svc.media.empty', name: 'empty.mp4' });
    const text = await rejectionOf(probeFile(fx.textFileAsMp4(), opts));
    expect(text.details).toMatchObject({ messageKey: 'svc.media.textFile', name: 'notes.mp4' });
  });

  it('a missing file is MEDIA_MISSING; a folder or a FIFO is MEDIA_UNSUPPORTED (no hang)', async () => {
    expect((await rejectionOf(probeFile(join(dir, 'moved away.mp4'), opts))).code).toBe('MEDIA_MISSING');
    expect((await rejectionOf(probeFile(dir, opts))).code).toBe('MEDIA_UNSUPPORTED');
    const fifo = join(dir, 'pipe.mp4');
    spawnSync('mkfifo', [fifo]);
    expect((await rejectionOf(probeFile(fifo, opts))).code).toBe('MEDIA_UNSUPPORTED');
  });

  it('a hanging ffprobe is killed after the timeout: MEDIA_TIMEOUT naming the file', async () => {
    const slow = join(dir, 'slow ffprobe.sh');
    writeFileSync(slow, '#!/bin/sh\nexec sleep 30\n');
    chmodSync(slow, 0o755);
    const err = await rejectionOf(
      probeFile(fx.cfrClip(), { timeoutMs: 500, paths: { ffmpeg: 'ffmpeg', ffprobe: slow, source: 'setting' } }),
    );
    expect(err.code).toBe('MEDIA_TIMEOUT');
    expect(err.message).toContain('"cfr-320x240-25fps-stereo.mp4"');
  });
});
