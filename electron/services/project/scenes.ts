/**
 * The scenes table and its undoable edits (`store.scenes`): add, rename/annotate, remove.
 * Assigning shots to a scene is a shot edit (`store.shots.setScene`). Scene positions stay
 * dense 0..n-1. Removing a scene first unassigns its shots through the change log (the
 * foreign key's ON DELETE SET NULL would do it silently, and undo could not put it back).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import { invalid } from './input.js';
import { liveShotIds } from './shotReads.js';
import type { ProjectStore } from './store.js';

export interface ScenePatch {
  heading?: string | undefined;
  notes?: string | undefined;
}

function sceneIds(db: Db): string[] {
  return db.prepare('SELECT id FROM scenes ORDER BY position, id').pluck().all() as string[];
}

function requireScene(db: Db, id: string): void {
  if (!db.prepare('SELECT 1 FROM scenes WHERE id = ?').get(id))
    throw new AppError('NOT_FOUND', `Scene "${id}" not found in this project.`, { sceneId: id });
}

function setScenePositions(r: ChangeRecorder, ids: readonly string[]): void {
  ids.forEach((id, position) => r.update('scenes', { id }, { position }));
}

function addScene(db: Db, r: ChangeRecorder, id: string, heading: string, index?: number): string {
  const ids = sceneIds(db);
  const at = Math.min(Math.max(0, index ?? ids.length), ids.length);
  // Make room first: positions are not unique in the schema, but keeping them dense keeps the
  // order unambiguous at every step.
  ids.slice(at).forEach((sid, i) => r.update('scenes', { id: sid }, { position: at + i + 1 }));
  r.insert('scenes', { id, position: at, heading, notes: '' });
  return id;
}

function updateScene(db: Db, r: ChangeRecorder, sceneId: string, patch: ScenePatch): void {
  requireScene(db, sceneId);
  r.update(
    'scenes',
    { id: sceneId },
    {
      ...(patch.heading !== undefined && { heading: patch.heading }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
    },
  );
}

function removeScene(db: Db, r: ChangeRecorder, sceneId: string): void {
  requireScene(db, sceneId);
  // Removed shots too: undoing their removal must not bring back a dangling scene id.
  const members = db.prepare('SELECT id FROM shots WHERE scene_id = ?').pluck().all(sceneId) as string[];
  for (const id of members) r.update('shots', { id }, { scene_id: null });
  r.delete('scenes', { id: sceneId });
  setScenePositions(r, sceneIds(db));
}

export function setShotsScene(db: Db, r: ChangeRecorder, shotIds: readonly string[], sceneId: string | null): void {
  if (shotIds.length === 0) throw invalid('No shots were given.');
  if (sceneId !== null) requireScene(db, sceneId);
  const live = new Set(liveShotIds(db));
  for (const id of shotIds) {
    if (!live.has(id)) throw new AppError('NOT_FOUND', `Shot "${id}" not found in this project.`, { shotId: id });
    r.update('shots', { id }, { scene_id: sceneId });
  }
}

/** The undoable scene edits: `store.scenes`. */
export class SceneOps {
  constructor(private readonly store: ProjectStore) {}

  add(heading: string, index?: number): string {
    const id = randomUUID();
    return this.store.runEdit(
      { action: 'scenes.add', subjectType: 'scene', subjectId: id, details: { heading, index: index ?? null } },
      (db, r) => addScene(db, r, id, heading, index),
    );
  }

  update(sceneId: string, patch: ScenePatch): void {
    this.store.runEdit(
      { action: 'scenes.update', subjectType: 'scene', subjectId: sceneId, details: { patch } },
      (db, r) => updateScene(db, r, sceneId, patch),
    );
  }

  remove(sceneId: string): void {
    this.store.runEdit({ action: 'scenes.remove', subjectType: 'scene', subjectId: sceneId, details: {} }, (db, r) =>
      removeScene(db, r, sceneId),
    );
  }
}
