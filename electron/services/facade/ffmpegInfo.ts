/** ffmpeg as the app found it, for app.info; resolved once per process. */
import { ffmpegVersion, resolveFfmpegPaths } from '../ffmpeg/binaries.js';

let cached: Promise<{ path: string; version: string } | null> | null = null;

export function resolveFfmpegInfo(): Promise<{ path: string; version: string } | null> {
  cached ??= (async () => {
    try {
      const paths = resolveFfmpegPaths();
      return { path: paths.ffmpeg, version: await ffmpegVersion(paths) };
    } catch {
      return null;
    }
  })();
  return cached;
}
