/**
 * Continuity (design.md §6): "start from the previous shot's last frame". The frame is the one
 * the previous shot ends on in the cut (trim-aware: the frame before its out point), grabbed
 * from its selected take as a lossless PNG and stored as a derived asset.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { Asset } from '../../../shared/model/entities.js';
import { MEDIA_DIR, TEMP_PREFIX } from '../../../shared/media/store.js';
import { cutList, lastShownFrameSeekSec, takeFrames } from '../../../shared/model/timeline.js';
import type { ProjectStore } from '../project/store.js';
import { grabFrame, type StillOptions } from './frames.js';
import { importFile } from './import.js';

/** Imports the last frame shown by the shot before `shotId` (origin 'derived') and returns it. */
export async function previousShotLastFrame(
  store: ProjectStore,
  shotId: string,
  opts: StillOptions = {},
): Promise<Asset> {
  const cut = cutList(store.snapshot());
  const index = cut.findIndex((c) => c.shot.id === shotId);
  if (index < 0) throw new AppError('NOT_FOUND', `Shot "${shotId}" not found in this project.`, { shotId });
  const prev = cut[index - 1];
  if (!prev)
    throw new AppError('INVALID_INPUT', 'The first shot has no previous shot to take a last frame from.', { shotId });
  if (!prev.asset || !prev.trim) {
    const name = prev.shot.title || `shot ${index}`;
    throw new AppError(
      'INVALID_INPUT',
      `The previous shot ("${name}") has no take yet, so it has no last frame to start from.`,
      { shotId: prev.shot.id },
    );
  }
  const fps = store.project().fps;
  const at =
    prev.asset.info.kind === 'image'
      ? 0
      : lastShownFrameSeekSec(prev.trim, takeFrames(prev.asset, fps), fps, prev.asset.info.fps);
  // A temp folder inside media/ (swept after a crash); the file name becomes the asset's name.
  const tmpDir = join(store.dir, MEDIA_DIR, `${TEMP_PREFIX}lastframe-${randomBytes(6).toString('hex')}`);
  await mkdir(tmpDir, { recursive: true });
  try {
    const still = join(tmpDir, 'last frame.png');
    await grabFrame(store.absPath(prev.asset.path), at, still, {
      ...opts,
      isStillImage: prev.asset.info.kind === 'image',
    });
    return await importFile(store, still, 'derived');
  } finally {
    await rm(tmpDir, { recursive: true, force: true }).catch(() => {});
  }
}
