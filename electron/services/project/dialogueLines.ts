/**
 * The dialogue_lines table (shared/model/dialogue.ts): row mapping, reading the lines of live
 * shots, the validated write of a shot's lines, and the voice-over items kept at their lines'
 * start frames. DialogueOps (dialogueOps.ts) makes each edit of them one undoable step.
 */
import { randomUUID } from 'node:crypto';
import { AppError, keyedError } from '../../../shared/errors.js';
import {
  DialogueLineSchema,
  guessLanguage,
  lineProblem,
  MAX_LINE_CHARS,
  MAX_LINES_PER_SHOT,
  type DialogueLine,
  type LineInput,
} from '../../../shared/model/dialogue.js';
import { dialogueIssueKey } from '../../../shared/model/dialogueSpecs.js';
import { dialogueTimeline } from '../../../shared/model/dialogueTiming.js';
import type { ProjectSnapshot } from '../../../shared/model/entities.js';
import type { ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import { parseEntity, type Row } from './rows.js';

export function lineFromRow(r: Row): DialogueLine {
  return parseEntity(
    DialogueLineSchema,
    {
      id: r.id,
      shotId: r.shot_id,
      position: r.position,
      speakerId: r.speaker_id,
      text: r.text,
      language: r.language,
      offsetFrames: r.offset_frames,
      translation: r.translation,
      voiceItemId: r.voice_item_id,
      voiceKey: r.voice_key,
    },
    `dialogue line "${String(r.id)}"`,
  );
}

export function lineToRow(l: DialogueLine): Record<string, string | number | null> {
  return {
    id: l.id,
    shot_id: l.shotId,
    position: l.position,
    speaker_id: l.speakerId,
    text: l.text,
    language: l.language,
    offset_frames: l.offsetFrames,
    translation: l.translation,
    voice_item_id: l.voiceItemId,
    voice_key: l.voiceKey,
  };
}

/** Lines of live shots, by shot order then position (the snapshot's dialogueLines). */
export function readDialogueLines(db: Db): DialogueLine[] {
  const rows = db
    .prepare(
      'SELECT d.* FROM dialogue_lines d JOIN shots s ON s.id = d.shot_id WHERE s.removed = 0 ORDER BY s.position, d.position',
    )
    .all() as Row[];
  return rows.map(lineFromRow);
}

/**
 * INVALID_INPUT; with an `issue`, translated in the renderer as dialogueErrors.<issue> (or
 * svc.dialogue.<issue>) with its `values` as parameters (shared/errors.ts keyedError).
 */
export const invalid = (
  message: string,
  details?: { issue: string; line?: number; values: Record<string, string | number> },
): AppError =>
  details
    ? keyedError('INVALID_INPUT', dialogueIssueKey(details.issue), details.values, message, {
        issue: details.issue,
        values: details.values,
        ...(details.line !== undefined ? { line: details.line } : {}),
      })
    : new AppError('INVALID_INPUT', message);

/**
 * Replaces a shot's lines with `inputs`, in order. A line keeping its id keeps its voice-over
 * (stale until voiced again when its words changed); a removed line's voice-over goes with it.
 * Refused whole (nothing written) for an empty or too long line, an unknown speaker or too many lines.
 */
export function writeLines(
  doc: ProjectSnapshot,
  r: ChangeRecorder,
  shotId: string,
  inputs: readonly LineInput[],
): DialogueLine[] {
  if (!doc.shots.some((s) => s.id === shotId))
    throw new AppError('NOT_FOUND', `Shot "${shotId}" not found in this project.`, { shotId });
  if (inputs.length > MAX_LINES_PER_SHOT)
    throw invalid(`A shot holds at most ${MAX_LINES_PER_SHOT} lines (got ${inputs.length}).`, {
      issue: 'tooMany',
      values: { max: MAX_LINES_PER_SHOT },
    });
  const current = (doc.dialogueLines ?? []).filter((l) => l.shotId === shotId);
  const byId = new Map(current.map((l) => [l.id, l]));
  const next: DialogueLine[] = inputs.map((input, i) => {
    const line = i + 1;
    const problem = lineProblem(input.text, line);
    if (problem) {
      const key = input.text.trim().length === 0 ? 'empty' : 'tooLong';
      throw invalid(problem, {
        issue: key,
        line,
        values: { line, length: [...input.text.trim()].length, max: MAX_LINE_CHARS },
      });
    }
    if (input.speakerId !== null) {
      const el = doc.elements.find((e) => e.id === input.speakerId);
      if (!el)
        throw invalid(`Line ${line}: the speaker "${input.speakerId}" is not an element of this project.`, {
          issue: 'unknownSpeaker',
          line,
          values: { line, name: input.speakerId },
        });
      if (el.kind !== 'character') {
        throw invalid(
          `Line ${line}: "${el.name}" is a ${el.kind}, not a character; only characters or the narrator speak.`,
          { issue: 'notCharacter', line, values: { line, name: el.name } },
        );
      }
    }
    const translation = (input.translation ?? '').trim();
    if ([...translation].length > MAX_LINE_CHARS) {
      throw invalid(`Line ${line}: the translation is longer than ${MAX_LINE_CHARS} characters.`, {
        issue: 'tooLong',
        line,
        values: { line, length: [...translation].length, max: MAX_LINE_CHARS },
      });
    }
    const prev = input.id ? byId.get(input.id) : undefined;
    const text = input.text.trim();
    return {
      id: prev?.id ?? randomUUID(),
      shotId,
      position: i,
      speakerId: input.speakerId,
      text,
      language: input.language ?? prev?.language ?? guessLanguage(text),
      offsetFrames: input.offsetFrames ?? null,
      translation,
      voiceItemId: prev?.voiceItemId ?? null,
      voiceKey: prev?.voiceKey ?? null,
    };
  });
  const keep = new Set(next.map((l) => l.id));
  for (const old of current) {
    if (keep.has(old.id)) continue;
    r.delete('dialogue_lines', { id: old.id });
    if (old.voiceItemId && doc.audioItems.some((a) => a.id === old.voiceItemId))
      r.delete('audio_items', { id: old.voiceItemId });
  }
  for (const line of next) {
    const row = lineToRow(line);
    if (byId.has(line.id)) {
      const { id: _id, ...values } = row;
      r.update('dialogue_lines', { id: line.id }, values);
    } else {
      r.insert('dialogue_lines', row);
    }
  }
  return next;
}

/** Writes the start frame each voiced line's item should have, where it differs. */
export function syncVoiceItems(doc: ProjectSnapshot, r: ChangeRecorder): void {
  const items = new Map(doc.audioItems.map((i) => [i.id, i]));
  for (const shot of dialogueTimeline(doc)) {
    for (const p of shot.placed) {
      const item = p.line.voiceItemId ? items.get(p.line.voiceItemId) : undefined;
      const start = shot.startFrame + p.startFrame;
      if (item && item.startFrame !== start) r.update('audio_items', { id: item.id }, { start_frame: start });
    }
  }
}
