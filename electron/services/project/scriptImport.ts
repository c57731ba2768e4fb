/**
 * Applies an accepted script proposal (shared/script/proposal.ts) as ONE undoable edit:
 * new character elements (or the existing ones the proposal merged into), the scenes, the
 * shots after the project's last shot, the shots' characters and their dialogue lines. Refused
 * whole, with nothing written, when the proposal still has errors, names a character it does
 * not list, or merges into an element that is gone or is not a character. Reached as
 * `store.script`.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { Shot } from '../../../shared/model/entities.js';
import { newShot } from '../../../shared/model/factories.js';
import { deriveTag, uniqueTag } from '../../../shared/model/elements.js';
import { guessLanguage, placeLines, type DialogueLine } from '../../../shared/model/dialogue.js';
import { secondsToFrames, type Fps } from '../../../shared/model/time.js';
import { ScriptProposalSchema, type ScriptProposal } from '../../../shared/script/proposal.js';
import { prepared, type ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import { lineToRow } from './dialogueLines.js';
import { invalid } from './input.js';
import { insertSql } from './rows.js';
import { shotToRow } from './shotRows.js';
import { readProject } from './snapshot.js';
import { liveShotIds } from './shotReads.js';
import type { ProjectStore } from './store.js';

export interface ScriptApplied {
  sceneIds: string[];
  shotIds: string[];
  /** Character elements made by this import (merged ones are not listed). */
  elementIds: string[];
  lines: number;
}

function characterIds(db: Db, r: ChangeRecorder, p: ScriptProposal): { byKey: Map<string, string>; created: string[] } {
  const byKey = new Map<string, string>();
  const created: string[] = [];
  const tags = db.prepare('SELECT tag FROM elements').pluck().all() as string[];
  for (const c of p.characters) {
    if (c.existingId) {
      const kind = db.prepare('SELECT kind FROM elements WHERE id = ?').pluck().get(c.existingId) as string | undefined;
      if (kind !== 'character') {
        throw new AppError(
          'NOT_FOUND',
          `"${c.name}" was to join the character ${c.existingId}, which is ${kind ? `a ${kind}` : 'no longer in this project'}; review the import again.`,
          { elementId: c.existingId },
        );
      }
      byKey.set(c.key, c.existingId);
      continue;
    }
    const id = randomUUID();
    const tag = uniqueTag(deriveTag(c.name, 'character'), tags);
    tags.push(tag);
    r.insert('elements', { id, kind: 'character', name: c.name, tag, description: '', voice: null });
    byKey.set(c.key, id);
    created.push(id);
  }
  return { byKey, created };
}

/** The shot's lines as stored; a dual line starts with the line before it. */
function linesOf(
  shotId: string,
  dialogue: ScriptProposal['scenes'][number]['shots'][number]['dialogue'],
  byKey: ReadonlyMap<string, string>,
  fps: Fps,
): DialogueLine[] {
  const out: DialogueLine[] = [];
  for (const [position, l] of dialogue.entries()) {
    const speakerId = l.speaker === null ? null : (byKey.get(l.speaker) ?? null);
    if (l.speaker !== null && speakerId === null)
      throw invalid(`Line ${l.line}: the speaker "${l.speaker}" is not among the import's characters.`);
    const line: DialogueLine = {
      id: randomUUID(),
      shotId,
      position,
      speakerId,
      text: l.text.trim(),
      language: guessLanguage(l.text),
      offsetFrames: null,
      translation: '',
      voiceItemId: null,
      voiceKey: null,
    };
    if (l.dual && out.length > 0) {
      const placed = placeLines(out, fps, () => undefined);
      line.offsetFrames = placed[placed.length - 1]?.startFrame ?? null;
    }
    out.push(line);
  }
  return out;
}

export class ScriptOps {
  constructor(private readonly store: ProjectStore) {}

  apply(input: ScriptProposal): ScriptApplied {
    const parsed = ScriptProposalSchema.safeParse(input);
    if (!parsed.success) throw invalid('The script import is not valid', parsed.error);
    const p = parsed.data;
    const errors = p.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `The script has errors; fix them first: ${errors.map((e) => e.message).join(' ')}`,
        {
          issues: errors.map((e) => ({ key: e.key, line: e.line })),
        },
      );
    }
    return this.store.runEdit(
      {
        action: 'script.apply',
        subjectType: 'project',
        subjectId: p.fileName || 'script',
        details: { fileName: p.fileName, format: p.format, scenes: p.scenes.length },
      },
      (db, r) => {
        const fps = readProject(db, this.store.file).fps;
        const { byKey, created } = characterIds(db, r, p);
        let scenePos = (db.prepare('SELECT COUNT(*) FROM scenes').pluck().get() as number) ?? 0;
        let shotPos = liveShotIds(db).length;
        const result: ScriptApplied = { sceneIds: [], shotIds: [], elementIds: created, lines: 0 };
        for (const scene of p.scenes) {
          let sceneId: string | null = null;
          if (scene.heading !== null) {
            sceneId = randomUUID();
            r.insert('scenes', { id: sceneId, position: scenePos++, heading: scene.heading, notes: scene.notes });
            result.sceneIds.push(sceneId);
          }
          for (const s of scene.shots) {
            const id = randomUUID();
            // The proposal was validated whole above; each field here is in the range ShotSchema allows.
            const shot: Shot = newShot({
              id,
              sceneId,
              position: shotPos++,
              title: s.title,
              prompt: s.prompt,
              durationFrames: Math.max(1, secondsToFrames(s.durationSec, fps)),
              notes: s.notes,
              ...(s.shotSize ? { shotSize: s.shotSize } : {}),
              ...(s.camera ? { camera: s.camera } : {}),
            });
            // As ShotOps.add does: the row is made removed outside the log and made live through
            // it, so undo hides the shot rather than deleting a row other records may point at.
            const row = { ...shotToRow(shot), removed: 1 };
            prepared(db, insertSql('shots', row)).run(...Object.values(row));
            r.update('shots', { id }, { removed: 0 });
            const elementIds = [...new Set(s.characters.map((k) => byKey.get(k)).filter((e): e is string => !!e))];
            elementIds.forEach((elementId, position) =>
              r.insert('shot_elements', { shot_id: id, element_id: elementId, position }),
            );
            for (const line of linesOf(id, s.dialogue, byKey, fps)) r.insert('dialogue_lines', lineToRow(line));
            result.lines += s.dialogue.length;
            result.shotIds.push(id);
          }
        }
        return result;
      },
    );
  }
}
