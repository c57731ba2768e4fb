/** Small documents for the timeline driver and unit tests (24 fps; shots with and without takes). */
import type { Asset, AudioItem, ProjectSnapshot, Shot, Take } from '../../shared/model/entities.js';
import { newAudioItem, newShot, newTake } from '../../shared/model/factories.js';
import { audioAsset, videoAsset } from '../helpers/mediaInfo.js';
import { projectSnapshot } from '../helpers/projectSnapshot.js';

export function makeShot(id: string, over: Partial<Shot> = {}): Shot {
  return newShot({ id, title: `Shot ${id}`, prompt: `prompt ${id}`, ...over });
}

export function makeAsset(id: string, durationSec: number): Asset {
  const info = { container: 'mp4', durationSec, fps: { num: 24, den: 1 } };
  return videoAsset(id, info, { bytes: 1000, origin: 'generated' });
}

export function makeTake(id: string, shotId: string, assetId: string, provider = 'animatic'): Take {
  return newTake({
    id,
    shotId,
    assetId,
    provider,
  });
}

/**
 * `spec` per shot: a number = seconds of a take's media (the shot gets a take), or
 * { frames } = a shot without a take, of that target duration.
 */
export function makeDoc(spec: readonly (number | { frames: number })[]): ProjectSnapshot {
  const shots: Shot[] = [];
  const takes: Take[] = [];
  const assets: Asset[] = [];
  spec.forEach((s, i) => {
    const id = `s${i + 1}`;
    if (typeof s === 'number') {
      assets.push(makeAsset(`a${i + 1}`, s));
      takes.push(makeTake(`t${i + 1}`, id, `a${i + 1}`));
      shots.push(makeShot(id, { position: i, selectedTakeId: `t${i + 1}`, durationFrames: Math.round(s * 24) }));
    } else {
      shots.push(makeShot(id, { position: i, durationFrames: s.frames }));
    }
  });
  return projectSnapshot({ shots, takes, assets });
}

/** An audio file asset of `durationSec` (no picture). */
export function makeAudioAsset(id: string, durationSec: number): Asset {
  return audioAsset(
    id,
    { durationSec },
    { originalName: `${id} 配乐.wav`, bytes: 1000, origin: 'generated', createdAt: '' },
  );
}

/** `doc` plus one audio item per spec, each with its own file asset. */
export function withAudio(
  doc: ProjectSnapshot,
  items: readonly (Partial<AudioItem> & { id: string; seconds: number })[],
): ProjectSnapshot {
  const assets = items.map((i) => makeAudioAsset(`aud-${i.id}`, i.seconds));
  const audioItems: AudioItem[] = items.map(({ seconds: _s, ...i }) =>
    newAudioItem({
      lane: 'music',
      assetId: `aud-${i.id}`,
      ...i,
    }),
  );
  return { ...doc, assets: [...doc.assets, ...assets], audioItems };
}
