/**
 * Where ffmpeg and ffprobe are. Order (first hit wins), as LosslessCut's getFfPath does
 * (codebases.md §A "ffmpeg invocation"): an explicit setting -> FFMPEG_PATH / FFPROBE_PATH ->
 * the packaged app's resources folder -> the optional `ffmpeg-static` package -> PATH.
 * Nothing here starts a process: checking a candidate is a file-system test. `ffmpegVersion` is
 * re-exported from runner.ts, the one place that spawns ffmpeg (the import cycle is harmless:
 * neither module uses the other while loading).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { keyedError } from '../../../shared/errors.js';

export { ffmpegVersion } from './runner.js';

export type FfSource = 'setting' | 'env' | 'resources' | 'ffmpeg-static' | 'path';

export interface FfPaths {
  ffmpeg: string;
  ffprobe: string;
  /** Where ffmpeg was found (ffprobe comes from the same place when it is there). */
  source: FfSource;
}

export interface ResolveFfOptions {
  /** The user's setting: a path to the ffmpeg binary (ffprobe is looked for beside it). */
  ffmpegPath?: string | null;
  /** The user's setting for ffprobe, when it is not beside ffmpeg. */
  ffprobePath?: string | null;
  /** Packaged app: process.resourcesPath + '/ffmpeg' (electron-builder extraResources). */
  resourcesDir?: string | null;
  /** Environment to read FFMPEG_PATH / FFPROBE_PATH / PATH from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Whether to try the `ffmpeg-static` package (default true; tests turn it off). */
  useFfmpegStatic?: boolean;
}

const EXE = process.platform === 'win32' ? '.exe' : '';
const HOW_TO_FIX =
  'Install ffmpeg (Debian/Ubuntu: `sudo apt install ffmpeg`; macOS: `brew install ffmpeg`; Windows: ' +
  'https://ffmpeg.org/download.html), or set its location in Settings, or set FFMPEG_PATH and FFPROBE_PATH.';

export function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    const file = join(dir, name + EXE);
    if (isExecutable(file)) return file;
  }
  return null;
}

/** The binary `ffmpeg-static` ships, when that optional package and its download are present. */
function fromFfmpegStatic(): string | null {
  try {
    // Optional dependency: absent in some installs, and its postinstall download may have
    // failed (no network), so both the require and the file are checked.
    const require = createRequire(import.meta.url);
    const file: unknown = require('ffmpeg-static');
    return typeof file === 'string' && isExecutable(file) ? file : null;
  } catch {
    return null;
  }
}

/** Where an explicit location came from: the Settings field, or the environment variable. */
type Origin = 'ffmpegSetting' | 'ffprobeSetting' | 'FFMPEG_PATH' | 'FFPROBE_PATH';
const ORIGIN_TEXT: Record<Origin, string> = {
  ffmpegSetting: 'The ffmpeg location in Settings',
  ffprobeSetting: 'The ffprobe location in Settings',
  FFMPEG_PATH: 'FFMPEG_PATH',
  FFPROBE_PATH: 'FFPROBE_PATH',
};

function explicit(file: string, origin: Origin): string {
  if (!isExecutable(file)) {
    // Keyed (pathErrors.json): the renderer says it in the user's language, the path as typed.
    throw keyedError(
      'FFMPEG_MISSING',
      origin.endsWith('Setting') ? `pathErrors.ffmpeg.${origin}` : 'pathErrors.ffmpeg.envPath',
      { path: file, variable: origin },
      `${ORIGIN_TEXT[origin]} points to "${file}", which is not an executable file. ${HOW_TO_FIX}`,
    );
  }
  return file;
}

function findFfmpeg(opts: ResolveFfOptions, env: NodeJS.ProcessEnv): { file: string; source: FfSource } | null {
  // A path the user typed that is wrong is an error, not a reason to silently use another build.
  if (opts.ffmpegPath) return { file: explicit(opts.ffmpegPath, 'ffmpegSetting'), source: 'setting' };
  if (env.FFMPEG_PATH) return { file: explicit(env.FFMPEG_PATH, 'FFMPEG_PATH'), source: 'env' };
  if (opts.resourcesDir) {
    const file = join(opts.resourcesDir, 'ffmpeg' + EXE);
    if (isExecutable(file)) return { file, source: 'resources' };
  }
  if (opts.useFfmpegStatic !== false) {
    const file = fromFfmpegStatic();
    if (file) return { file, source: 'ffmpeg-static' };
  }
  const file = onPath('ffmpeg', env);
  return file ? { file, source: 'path' } : null;
}

function findFfprobe(opts: ResolveFfOptions, env: NodeJS.ProcessEnv, ffmpeg: string): string | null {
  if (opts.ffprobePath) return explicit(opts.ffprobePath, 'ffprobeSetting');
  if (env.FFPROBE_PATH) return explicit(env.FFPROBE_PATH, 'FFPROBE_PATH');
  // The same build as ffmpeg when it is there (ffmpeg-static ships no ffprobe, so its folder
  // usually misses; then PATH).
  const beside = join(dirname(ffmpeg), 'ffprobe' + EXE);
  if (isExecutable(beside)) return beside;
  if (opts.resourcesDir) {
    const file = join(opts.resourcesDir, 'ffprobe' + EXE);
    if (isExecutable(file)) return file;
  }
  return onPath('ffprobe', env);
}

/** Finds both binaries or throws AppError('FFMPEG_MISSING') saying how to fix it. */
export function resolveFfmpegPaths(opts: ResolveFfOptions = {}): FfPaths {
  const env = opts.env ?? process.env;
  const ffmpeg = findFfmpeg(opts, env);
  if (!ffmpeg)
    throw keyedError('FFMPEG_MISSING', 'pathErrors.ffmpeg.notFound', {}, `ffmpeg was not found. ${HOW_TO_FIX}`);
  const ffprobe = findFfprobe(opts, env, ffmpeg.file);
  if (!ffprobe) {
    throw keyedError(
      'FFMPEG_MISSING',
      'pathErrors.ffmpeg.noFfprobe',
      { ffmpeg: ffmpeg.file },
      `ffprobe was not found (ffmpeg is at ${ffmpeg.file}). ${HOW_TO_FIX}`,
    );
  }
  return { ffmpeg: ffmpeg.file, ffprobe, source: ffmpeg.source };
}

let configured: FfPaths | null = null;

/**
 * Sets the binaries every later run uses when it is not given `paths` (main and the CLI call
 * this once at start with resolveFfmpegPaths({ ffmpegPath: setting, resourcesDir })). null resets
 * to lazy resolution from the environment.
 */
export function setFfPaths(paths: FfPaths | null): void {
  configured = paths;
}

/** The configured binaries, resolved from the environment on first use. */
export function currentFfPaths(): FfPaths {
  configured ??= resolveFfmpegPaths();
  return configured;
}
