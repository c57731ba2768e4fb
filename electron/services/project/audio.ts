/**
 * Audio items: music, voice-over and sound on lanes under the picture (design.md §3). Each
 * method is ONE undoable edit written through the row-level change log (audio_items is one of
 * its document tables), so undo/redo and provenance come for free. Reached as
 * `store.audio`.
 */
import { randomUUID } from 'node:crypto';
import type { AudioLane, AudioPatch } from '../../../shared/api/contract.js';
import { AUDIO_GAIN_MAX_DB, AUDIO_GAIN_MIN_DB } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import type { Asset, AudioItem } from '../../../shared/model/entities.js';
import { newAudioItem } from '../../../shared/model/factories.js';
import { floorFrames, type Fps } from '../../../shared/model/time.js';
import type { Db } from './db.js';
import { audioItemFromRow } from './projectRows.js';
import type { Row } from './rows.js';
import type { ProjectStore } from './store.js';

/** Whole project frames of sound in an asset (at least 1, so a very short sound can be placed). */
export function mediaFrames(asset: Asset, fps: Fps): number {
  return Math.max(1, floorFrames(asset.info.durationSec, fps));
}

/** Can this asset be an audio item? A sound file, or a video with a sound track. */
export function hasSound(asset: Pick<Asset, 'info'>): boolean {
  return asset.info.kind === 'audio' || (asset.info.kind === 'video' && asset.info.hasAudio);
}

const invalid = (message: string, details?: Record<string, unknown>): AppError =>
  new AppError('INVALID_INPUT', message, details);

/** Checks an item's numbers against its media; throws INVALID_INPUT with the first problem. */
export function checkAudioItem(item: AudioItem, asset: Asset, fps: Fps): void {
  const total = mediaFrames(asset, fps);
  const name = `"${asset.originalName}"`;
  if (item.inFrame >= total)
    throw invalid(`The in point (frame ${item.inFrame}) is past the end of ${name}, which lasts ${total} frames.`);
  if (item.outFrame !== null) {
    if (item.outFrame <= item.inFrame)
      throw invalid(`The out point (frame ${item.outFrame}) must come after the in point (frame ${item.inFrame}).`);
    if (item.outFrame > total)
      throw invalid(`The out point (frame ${item.outFrame}) is past the end of ${name}, which lasts ${total} frames.`);
  }
  if (!(item.gainDb >= AUDIO_GAIN_MIN_DB && item.gainDb <= AUDIO_GAIN_MAX_DB)) {
    throw invalid(`Gain ${item.gainDb} dB is out of range (${AUDIO_GAIN_MIN_DB} to +${AUDIO_GAIN_MAX_DB} dB).`);
  }
  const length = (item.outFrame ?? total) - item.inFrame;
  if (item.fadeInFrames > length)
    throw invalid(`The fade-in (${item.fadeInFrames} frames) is longer than the item (${length} frames).`);
  if (item.fadeOutFrames > length)
    throw invalid(`The fade-out (${item.fadeOutFrames} frames) is longer than the item (${length} frames).`);
}

function toRow(item: AudioItem): Record<string, string | number | null> {
  return {
    id: item.id,
    lane: item.lane,
    asset_id: item.assetId,
    start_frame: item.startFrame,
    in_frame: item.inFrame,
    out_frame: item.outFrame,
    gain_db: item.gainDb,
    fade_in_frames: item.fadeInFrames,
    fade_out_frames: item.fadeOutFrames,
    duck: item.duck ? 1 : 0,
  };
}

function readItem(db: Db, id: string): AudioItem {
  const row = db.prepare('SELECT * FROM audio_items WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Audio item "${id}" not found in this project.`, { audioItemId: id });
  return audioItemFromRow(row);
}

export class AudioOps {
  constructor(private readonly store: ProjectStore) {}

  private get fps(): Fps {
    return this.store.project().fps;
  }

  /** Puts a stored asset with sound on a lane at `startFrame`: whole media, 0 dB, no fades. Returns the item id. */
  add(assetId: string, lane: AudioLane, startFrame = 0): string {
    const asset = this.store.getAsset(assetId);
    if (!hasSound(asset)) {
      throw new AppError(
        'MEDIA_UNSUPPORTED',
        `"${asset.originalName}" has no sound: an audio item needs an audio file or a video with an audio track.`,
      );
    }
    const item: AudioItem = newAudioItem({ id: randomUUID(), lane, assetId, startFrame });
    checkAudioItem(item, asset, this.fps);
    return this.store.runEdit(
      { action: 'audio.add', subjectType: 'audio_item', subjectId: item.id, details: { assetId, lane, startFrame } },
      (_db, r) => {
        r.insert('audio_items', toRow(item));
        return item.id;
      },
    );
  }

  /** Changes the given fields (outFrame null: to the media's end); validated against the media. */
  update(id: string, patch: AudioPatch): AudioItem {
    const fps = this.fps;
    return this.store.runEdit(
      { action: 'audio.update', subjectType: 'audio_item', subjectId: id, details: { patch } },
      (db, r) => {
        const current = readItem(db, id);
        const next: AudioItem = { ...current };
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
        // Ducking lowers music and sound under the voice-over lane; a voice-over never ducks itself.
        if (patch.duck === true && next.lane === 'voiceover')
          throw invalid(
            'A voice-over item cannot duck under voice-over; ducking lowers music and sound items while voice-over plays.',
          );
        checkAudioItem(next, this.store.getAsset(current.assetId), fps);
        const { id: _id, ...values } = toRow(next);
        r.update('audio_items', { id }, values);
        return next;
      },
    );
  }

  remove(id: string): void {
    this.store.runEdit({ action: 'audio.remove', subjectType: 'audio_item', subjectId: id, details: {} }, (db, r) => {
      readItem(db, id); // NOT_FOUND with the id, before the recorder's generic error
      r.delete('audio_items', { id });
    });
  }
}
