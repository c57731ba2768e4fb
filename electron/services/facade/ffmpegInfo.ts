/** ffmpeg as the app found it, for app.info; resolved once per process. */
import { currentFfPaths, ffmpegVersion } from '../ffmpeg/binaries.js';

let cached: Promise<{ path: string; version: string } | null> | null = null;

export function resolveFfmpegInfo(): Promise<{ path: string; version: string } | null> {
  cached ??= (async () => {
    try {
      const paths = currentFfPaths();
      return { path: paths.ffmpeg, version: await ffmpegVersion(paths) };
    } catch {
      return null;
    }
  })();
  return cached;
}
