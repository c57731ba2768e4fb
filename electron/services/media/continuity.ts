/**
 * Continuity (design.md §6): "start from the previous shot's last frame" and its mirror "end on
 * the next shot's first frame". Each frame is the one the neighbour shows in the cut (trim-
 * aware: the frame before its out point, the frame at its in point), grabbed from its selected
 * take as a lossless PNG and stored as a derived asset.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { Asset } from '../../../shared/model/entities.js';
import { MEDIA_DIR, TEMP_PREFIX } from '../../../shared/media/store.js';
import { firstShownFrameSeekSec } from '../../../shared/model/shotFrames.js';
import { cutList, lastShownFrameSeekSec, takeFrames, type CutShot } from '../../../shared/model/timeline.js';
import type { ProjectStore } from '../project/store.js';
import { grabFrame, type StillOptions } from './frames.js';
import { importFile } from './import.js';

/** The frame a shot of the cut shows first or last, imported (origin 'derived'). */
export async function shotEdgeFrame(
  store: ProjectStore,
  item: CutShot,
  position: number,
  edge: 'first' | 'last',
  opts: StillOptions = {},
): Promise<Asset> {
  if (!item.asset || !item.trim) {
    const name = item.shot.title || `shot ${position}`;
    const which = edge === 'last' ? 'last frame' : 'first frame';
    throw new AppError('INVALID_INPUT', `Shot "${name}" has no take yet, so it has no ${which} to use.`, {
      shotId: item.shot.id,
      issue: 'noTake',
    });
  }
  const fps = store.project().fps;
  const still = item.asset.info.kind === 'image';
  const at = still
    ? 0
    : edge === 'last'
      ? lastShownFrameSeekSec(item.trim, takeFrames(item.asset, fps), fps, item.asset.info.fps)
      : firstShownFrameSeekSec(item.trim, fps, item.asset.info.fps);
  // A temp folder inside media/ (swept after a crash); the file name becomes the asset's name.
  const tmpDir = join(store.dir, MEDIA_DIR, `${TEMP_PREFIX}${edge}frame-${randomBytes(6).toString('hex')}`);
  await mkdir(tmpDir, { recursive: true });
  try {
    const out = join(tmpDir, `${edge} frame.png`);
    await grabFrame(store.absPath(item.asset.path), at, out, { ...opts, isStillImage: still });
    return await importFile(store, out, 'derived');
  } finally {
    await rm(tmpDir, { recursive: true, force: true }).catch(() => {});
  }
}

function neighbour(store: ProjectStore, shotId: string, step: -1 | 1): { item: CutShot; position: number } {
  const cut = cutList(store.snapshot());
  const index = cut.findIndex((c) => c.shot.id === shotId);
  if (index < 0) throw new AppError('NOT_FOUND', `Shot "${shotId}" not found in this project.`, { shotId });
  const item = cut[index + step];
  if (!item)
    throw new AppError(
      'INVALID_INPUT',
      step < 0
        ? 'The first shot has no previous shot to take a last frame from.'
        : 'The last shot has no next shot to take a first frame from.',
      { shotId },
    );
  return { item, position: index + step + 1 };
}

/** Imports the last frame shown by the shot before `shotId` and returns it. */
export async function previousShotLastFrame(
  store: ProjectStore,
  shotId: string,
  opts: StillOptions = {},
): Promise<Asset> {
  const { item, position } = neighbour(store, shotId, -1);
  return shotEdgeFrame(store, item, position, 'last', opts);
}

/** Imports the first frame shown by the shot after `shotId` and returns it. */
export async function nextShotFirstFrame(store: ProjectStore, shotId: string, opts: StillOptions = {}): Promise<Asset> {
  const { item, position } = neighbour(store, shotId, 1);
  return shotEdgeFrame(store, item, position, 'first', opts);
}
