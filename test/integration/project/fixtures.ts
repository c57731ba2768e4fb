/** Small builders for records the media and generation services would normally make. */
import { createHash, randomUUID } from 'node:crypto';
import type { Asset, Job, MediaInfo, Take } from '../../../shared/model/entities.js';
import { newTake } from '../../../shared/model/factories.js';
import { mediaInfo } from '../../helpers/mediaInfo.js';

export function videoInfo(durationSec = 2): MediaInfo {
  return mediaInfo({
    container: 'mp4',
    width: 320,
    height: 240,
    displayWidth: 320,
    displayHeight: 240,
    durationSec,
    fps: { num: 24, den: 1 },
  });
}

/** An asset record as the media store would write it (the file itself is not needed here). */
export function fakeAsset(seed: string = randomUUID(), over: Partial<Asset> = {}): Asset {
  const id = createHash('sha256').update(seed).digest('hex');
  return {
    id,
    path: `media/${id.slice(0, 2)}/${id}.mp4`,
    originalName: `clip ${seed} 镜头 "q" 100%.mp4`,
    bytes: 1234,
    origin: 'generated',
    info: videoInfo(),
    createdAt: new Date().toISOString(),
    ...over,
  };
}

export function fakeTake(shotId: string, assetId: string, over: Partial<Take> = {}): Take {
  return newTake({
    id: randomUUID(),
    shotId,
    assetId,
    provider: 'animatic',
    request: { prompt: 'x' },
    seed: 7,
    cost: 0,
    createdAt: new Date().toISOString(),
    ...over,
  });
}

export function fakeJob(shotId: string, over: Partial<Job> = {}): Job {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    shotId,
    provider: 'animatic',
    model: null,
    state: 'queued',
    request: { prompt: 'x' },
    taskId: null,
    progress: 0,
    error: null,
    costEstimate: 0.5,
    costActual: null,
    resultAssetId: null,
    takeId: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

export const INIT = {
  name: 'Film «测试» "q" 100%',
  aspect: '16:9',
  resolution: '720p',
  fps: { num: 24, den: 1 },
} as const;
