import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../helpers/errors.js';
import { resolveFfmpegPaths } from '../../../electron/services/ffmpeg/binaries.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();

/** A folder with executable stand-ins named after `tools`. */
function binDir(name: string, tools: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const t of tools) {
    writeFileSync(join(dir, t), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, t), 0o755);
  }
  return dir;
}

const setting = binDir('setting dir', ['ffmpeg', 'ffprobe']);
const envDir = binDir('env dir', ['ffmpeg', 'ffprobe']);
const resources = binDir('resources', ['ffmpeg', 'ffprobe']);
const pathOnly = binDir('path dir', ['ffmpeg', 'ffprobe']);
const ffmpegOnly = binDir('ffmpeg only', ['ffmpeg']);
const notExecutable = join(binDir('plain', []), 'ffmpeg');
writeFileSync(notExecutable, 'not a program');

const base = { useFfmpegStatic: false };

describe('resolveFfmpegPaths', () => {
  it('prefers the setting, then env, then resources, then PATH', () => {
    const env = { FFMPEG_PATH: join(envDir, 'ffmpeg'), FFPROBE_PATH: join(envDir, 'ffprobe'), PATH: pathOnly };
    expect(resolveFfmpegPaths({ ...base, env, resourcesDir: resources, ffmpegPath: join(setting, 'ffmpeg') })).toEqual({
      ffmpeg: join(setting, 'ffmpeg'),
      ffprobe: join(envDir, 'ffprobe'),
      source: 'setting',
    });
    expect(resolveFfmpegPaths({ ...base, env, resourcesDir: resources })).toEqual({
      ffmpeg: join(envDir, 'ffmpeg'),
      ffprobe: join(envDir, 'ffprobe'),
      source: 'env',
    });
    expect(resolveFfmpegPaths({ ...base, env: { PATH: pathOnly }, resourcesDir: resources })).toEqual({
      ffmpeg: join(resources, 'ffmpeg'),
      ffprobe: join(resources, 'ffprobe'),
      source: 'resources',
    });
    expect(resolveFfmpegPaths({ ...base, env: { PATH: `${join(root, 'nothing')}:${pathOnly}` } })).toEqual({
      ffmpeg: join(pathOnly, 'ffmpeg'),
      ffprobe: join(pathOnly, 'ffprobe'),
      source: 'path',
    });
  });

  it('takes ffprobe from beside the setting, else from PATH', () => {
    expect(resolveFfmpegPaths({ ...base, env: { PATH: pathOnly }, ffmpegPath: join(setting, 'ffmpeg') }).ffprobe).toBe(
      join(setting, 'ffprobe'),
    );
    expect(
      resolveFfmpegPaths({ ...base, env: { PATH: pathOnly }, ffmpegPath: join(ffmpegOnly, 'ffmpeg') }).ffprobe,
    ).toBe(join(pathOnly, 'ffprobe'));
  });

  it('refuses a setting or FFMPEG_PATH that is not an executable, naming it', () => {
    const err = rejection(() => resolveFfmpegPaths({ ...base, env: { PATH: pathOnly }, ffmpegPath: notExecutable }));
    expect(err.code).toBe('FFMPEG_MISSING');
    expect(err.message).toContain(notExecutable);
    expect(
      rejection(() => resolveFfmpegPaths({ ...base, env: { FFMPEG_PATH: join(root, 'gone'), PATH: pathOnly } }))
        .message,
    ).toContain('FFMPEG_PATH');
  });

  it('says how to fix a missing ffmpeg or ffprobe', () => {
    const none = rejection(() => resolveFfmpegPaths({ ...base, env: { PATH: join(root, 'nothing') } }));
    expect(none.code).toBe('FFMPEG_MISSING');
    expect(none.message).toMatch(/install ffmpeg/i);
    expect(none.message).toContain('FFMPEG_PATH');
    const noProbe = rejection(() => resolveFfmpegPaths({ ...base, env: { PATH: ffmpegOnly } }));
    expect(noProbe.message).toMatch(/^ffprobe was not found/);
  });

  it('uses ffmpeg-static only when its binary really exists', () => {
    // The optional package may be installed without its binary (its postinstall download needs
    // the network); then resolution must fall through to PATH, not return a missing file.
    let staticBin: unknown = null;
    try {
      staticBin = createRequire(import.meta.url)('ffmpeg-static');
    } catch {
      // not installed
    }
    const downloaded = typeof staticBin === 'string' && existsSync(staticBin);
    const found = resolveFfmpegPaths({ env: { PATH: pathOnly } });
    expect(found.source).toBe(downloaded ? 'ffmpeg-static' : 'path');
    if (!downloaded) expect(found.ffmpeg).toBe(join(pathOnly, 'ffmpeg'));
  });
});
