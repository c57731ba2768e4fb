/**
 * Scene edits: add, rename/annotate, remove, and assigning shots to a scene. Scene positions
 * stay dense 0..n-1. Removing a scene first unassigns its shots through the change log (the
 * foreign key's ON DELETE SET NULL would do it silently, and undo could not put it back).
 */
import { AppError } from '../../../shared/errors.js';
import type { ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import { invalid, liveShotIds } from './shots.js';

export interface ScenePatch {
  heading?: string | undefined;
  notes?: string | undefined;
}

function sceneIds(db: Db): string[] {
  return db.prepare('SELECT id FROM scenes ORDER BY position, id').pluck().all() as string[];
}

function requireScene(db: Db, id: string): void {
  if (!db.prepare('SELECT 1 FROM scenes WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', `Scene "${id}" not found in this project.`, { sceneId: id });
}

function setScenePositions(r: ChangeRecorder, ids: readonly string[]): void {
  ids.forEach((id, position) => r.update('scenes', { id }, { position }));
}

export function addScene(db: Db, r: ChangeRecorder, id: string, heading: string, index?: number): string {
  const ids = sceneIds(db);
  const at = Math.min(Math.max(0, index ?? ids.length), ids.length);
  // Make room first: positions are not unique in the schema, but keeping them dense keeps the
  // order unambiguous at every step.
  ids.slice(at).forEach((sid, i) => r.update('scenes', { id: sid }, { position: at + i + 1 }));
  r.insert('scenes', { id, position: at, heading, notes: '' });
  return id;
}

export function updateScene(db: Db, r: ChangeRecorder, sceneId: string, patch: ScenePatch): void {
  requireScene(db, sceneId);
  r.update('scenes', { id: sceneId }, {
    ...(patch.heading !== undefined && { heading: patch.heading }),
    ...(patch.notes !== undefined && { notes: patch.notes }),
  });
}

export function removeScene(db: Db, r: ChangeRecorder, sceneId: string): void {
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
