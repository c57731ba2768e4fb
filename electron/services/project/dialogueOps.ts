/**
 * Dialogue edits (shared/model/dialogue.ts): a shot's lines, the voices of characters and the
 * narrator, the gain and mute of a take's own sound, a voiced line's voice-over item, and
 * "fit shot to dialogue". Each method is ONE undoable edit through the row-level change log
 * (dialogue_lines, elements, project, takes and audio_items are document tables). Reached like
 * `store.dialogue`.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { DialogueLine, LineInput } from '../../../shared/model/dialogue.js';
import { dialogueTimeline } from '../../../shared/model/dialogueTiming.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import { floorFrames } from '../../../shared/model/time.js';
import type { Db } from './db.js';
import { invalid, lineFromRow, syncVoiceItems, writeLines } from './dialogueLines.js';
import type { Row } from './rows.js';
import { readSnapshot } from './snapshot.js';
import { addShot, type AddShotInit } from './newShots.js';
import type { ProjectStore } from './store.js';

export class DialogueOps {
  constructor(private readonly store: ProjectStore) {}

  private fresh(db: Db): ProjectSnapshot {
    return readSnapshot(db, this.store.dir, this.store.file);
  }

  /**
   * Replaces a shot's lines with `inputs`, in order. A line keeping its id keeps its voice-over
   * (stale until voiced again when its words changed); a removed line's voice-over goes with it.
   * Refused whole (nothing written) for an empty or too long line, an unknown speaker or too many lines.
   */
  setLines(shotId: string, inputs: readonly LineInput[]): DialogueLine[] {
    return this.store.runEdit(
      { action: 'dialogue.setLines', subjectType: 'shot', subjectId: shotId, details: { lines: inputs.length } },
      (db, r) => {
        const next = writeLines(this.fresh(db), r, shotId, inputs);
        syncVoiceItems(this.fresh(db), r);
        return next;
      },
    );
  }

  /** A new shot with its lines: ONE undo step (`storyboard add-shot --dialogue`). Returns the shot id. */
  addShotWithLines(init: AddShotInit, inputs: readonly LineInput[]): string {
    const id = randomUUID();
    this.store.runEdit(
      { action: 'shot.add', subjectType: 'shot', subjectId: id, details: { lines: inputs.length } },
      (db, r) => {
        addShot(db, r, init, id, randomUUID());
        writeLines(this.fresh(db), r, id, inputs);
      },
    );
    return id;
  }

  /** A character's voice (JSON of VoiceSchema, null: none); checked by the caller against its provider. */
  setElementVoice(elementId: string, voice: string | null): void {
    this.store.runEdit(
      { action: 'dialogue.setVoice', subjectType: 'element', subjectId: elementId, details: { voice } },
      (db, r) => {
        const found = db.prepare('SELECT id FROM elements WHERE id = ?').get(elementId);
        if (!found) throw new AppError('NOT_FOUND', `Element "${elementId}" not found in this project.`, { elementId });
        r.update('elements', { id: elementId }, { voice });
      },
    );
  }

  setNarratorVoice(voice: string | null): void {
    this.store.runEdit(
      { action: 'dialogue.setVoice', subjectType: 'project', subjectId: 'narrator', details: { voice } },
      (db, r) => {
        const id = db.prepare('SELECT id FROM project').pluck().get() as string;
        r.update('project', { id }, { narrator_voice: voice });
      },
    );
  }

  /** The take's own sound: gain (dB, -60..+12) and mute. */
  setTakeAudio(takeId: string, patch: { gainDb?: number; muted?: boolean }): void {
    this.store.runEdit(
      { action: 'takes.setAudio', subjectType: 'take', subjectId: takeId, details: patch },
      (db, r) => {
        if (!db.prepare('SELECT id FROM takes WHERE id = ?').get(takeId))
          throw new AppError('NOT_FOUND', `Take "${takeId}" not found in this project.`, { takeId });
        if (patch.gainDb !== undefined && !(patch.gainDb >= -60 && patch.gainDb <= 12))
          throw invalid(`Gain ${patch.gainDb} dB is out of range (-60 to +12 dB).`, {
            issue: 'gainRange',
            values: { gain: patch.gainDb },
          });
        r.update(
          'takes',
          { id: takeId },
          {
            ...(patch.gainDb !== undefined ? { audio_gain_db: patch.gainDb } : {}),
            ...(patch.muted !== undefined ? { audio_muted: patch.muted ? 1 : 0 } : {}),
          },
        );
      },
    );
  }

  /**
   * Puts a line's voiced audio on the voice-over lane at the line's time, replacing the item it
   * had: ONE undo step (undo brings the previous voice back). Returns the new item id.
   */
  placeVoice(lineId: string, assetId: string, voiceKey: string): string {
    return this.store.runEdit(
      { action: 'dialogue.voice', subjectType: 'dialogue_line', subjectId: lineId, details: { assetId } },
      (db, r) => {
        const row = db.prepare('SELECT * FROM dialogue_lines WHERE id = ?').get(lineId) as Row | undefined;
        if (!row)
          throw new AppError('NOT_FOUND', `Dialogue line "${lineId}" is no longer in this project.`, { lineId });
        const line = lineFromRow(row);
        const doc = this.fresh(db);
        if (line.voiceItemId && doc.audioItems.some((a) => a.id === line.voiceItemId))
          r.delete('audio_items', { id: line.voiceItemId });
        const id = randomUUID();
        r.insert('audio_items', {
          id,
          lane: 'voiceover',
          asset_id: assetId,
          start_frame: 0,
          in_frame: 0,
          out_frame: null,
          gain_db: 0,
          fade_in_frames: 0,
          fade_out_frames: 0,
          duck: 0,
        });
        r.update('dialogue_lines', { id: lineId }, { voice_item_id: id, voice_key: voiceKey });
        syncVoiceItems(this.fresh(db), r);
        return id;
      },
    );
  }

  /**
   * "Fit shot to dialogue": each shot's length becomes its lines' voiced (else estimated) length
   * plus padding, and every voice-over follows its line: ONE undo step for all the shots. A shot
   * with a take is trimmed to that length within its media (longer needs a longer take).
   */
  fit(shotIds: readonly string[]): { shotId: string; frames: number }[] {
    return this.store.runEdit(
      { action: 'dialogue.fit', subjectType: 'shot', subjectId: shotIds[0] ?? '', details: { shotIds } },
      (db, r) => {
        const doc = this.fresh(db);
        const timing = new Map(dialogueTimeline(doc).map((t) => [t.shotId, t]));
        const out: { shotId: string; frames: number }[] = [];
        for (const shotId of shotIds) {
          const shot = doc.shots.find((s) => s.id === shotId);
          if (!shot) throw new AppError('NOT_FOUND', `Shot "${shotId}" not found in this project.`, { shotId });
          const t = timing.get(shotId);
          if (!t) continue; // no lines: nothing to fit
          const take = shot.selectedTakeId ? doc.takes.find((k) => k.id === shot.selectedTakeId) : undefined;
          const asset = take ? doc.assets.find((a) => a.id === take.assetId) : undefined;
          const values: Record<string, number | null> = { duration_frames: t.needed };
          if (asset && asset.info.kind === 'video') {
            const media = Math.max(1, floorFrames(asset.info.durationSec, doc.project.fps));
            const out = Math.min(media, shot.trimInFrames + t.needed);
            values.trim_out_frames = out >= media ? null : out;
          }
          r.update('shots', { id: shotId }, values);
          out.push({ shotId, frames: t.needed });
        }
        syncVoiceItems(this.fresh(db), r);
        return out;
      },
    );
  }

  /** Moves every voiced line's item to its line's time (after shots moved or changed length). */
  sync(): void {
    this.store.runEdit(
      { action: 'dialogue.sync', subjectType: 'project', subjectId: 'dialogue', details: {} },
      (db, r) => {
        syncVoiceItems(this.fresh(db), r);
      },
    );
  }
}
