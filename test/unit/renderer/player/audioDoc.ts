/** The audio documents the player's tests build: a sound asset and an item on a lane (music unless `over` says). */
import type { Asset, AudioItem } from '../../../../shared/model/entities';
import { newAudioItem } from '../../../../shared/model/factories';
import { audioAsset } from '../../../helpers/mediaInfo';

/** An imported sound (or a clip's sound: `kind` 'video') of `durationSec`. */
export function sound(id: string, durationSec: number, kind: 'audio' | 'video' = 'audio', hasAudio = true): Asset {
  return audioAsset(id, { kind, durationSec, hasAudio }, { bytes: 1, createdAt: '' });
}

/** An audio item of `assetId` on the music lane from frame 0; `over` changes any field. */
export function item(id: string, assetId: string, over: Partial<AudioItem> = {}): AudioItem {
  return newAudioItem({ id, lane: 'music', assetId, ...over });
}
