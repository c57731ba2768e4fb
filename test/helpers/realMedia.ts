/**
 * Where the tests find the real AI clips and the first frame (720x480, 8 fps, 6.125 s, no audio):
 * the ONE place that knows. STORYBOARD_TEST_MEDIA wins; else the first `shared/media` folder
 * beside the repository or one of its parents (a checkout at /work/main and a worktree at
 * /work/wt/<name> both find /work/shared/media). A missing file fails the test that asks for
 * it with the way to fix it, never a skip.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function findMediaDir(): string {
  if (process.env.STORYBOARD_TEST_MEDIA) return resolve(process.env.STORYBOARD_TEST_MEDIA);
  for (let dir = resolve(REPO, '..'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'media');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return resolve(REPO, '../shared/media');
  }
}

export const REAL_MEDIA_DIR = findMediaDir();

/** The absolute path of a real media file by name; throws (failing the test) when it is absent. */
export function realMedia(name: string): string {
  const path = join(REAL_MEDIA_DIR, name);
  if (!existsSync(path)) {
    throw new Error(
      `Test media "${name}" is not in ${REAL_MEDIA_DIR}: set STORYBOARD_TEST_MEDIA to the folder with the real clips.`,
    );
  }
  return path;
}

export const REAL_CLIPS = {
  horse: join(REAL_MEDIA_DIR, 'ai-clip-horse-720x480-8fps.mp4'),
  kitten: join(REAL_MEDIA_DIR, 'ai-clip-kitten-720x480-8fps.mp4'),
  firstFrame: join(REAL_MEDIA_DIR, 'first-frame-camping.png'),
} as const;
