/**
 * The editing operations of issue 3 over an open ProjectStore. Each method is ONE undoable
 * edit (one transaction, one history entry, one provenance row) whose label is the contract
 * method's name; garbage collection is a service operation and is not undoable.
 */
import { randomUUID } from 'node:crypto';
import type { Shot } from '../../../shared/model/entities.js';
import { GC_GRACE_MS, purgeUnreferenced, type Collectable } from './garbage.js';
import { addScene, removeScene, setShotsScene, updateScene, type ScenePatch } from './sceneOps.js';
import { duplicateShots, moveShots, removeShots, setShotFrame, splitShot } from './shotOps.js';
import type { ProjectStore } from './store.js';
import { rateTake, removeTake } from './takeOps.js';

export type { Collectable, ScenePatch };

/** What an undoable edit records in provenance: the action (also the undo label) and its subject. */
export interface EditInfo {
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
}

export class Editor {
  constructor(private readonly store: ProjectStore) {}

  /** Splits at `atFrame` frames after the shot's start; returns [first, second]. */
  split(shotId: string, atFrame: number): [Shot, Shot] {
    const second = this.store.runEdit(
      { action: 'shots.split', subjectType: 'shot', subjectId: shotId, details: { atFrame } },
      (db, r) => splitShot(db, r, shotId, atFrame),
    );
    return [this.store.getShot(shotId), this.store.getShot(second)];
  }

  /** Copies the shots as a block after the last of them (or at `toIndex`); returns the new ids. */
  duplicate(shotIds: readonly string[], toIndex?: number): string[] {
    return this.store.runEdit(
      { action: 'shots.duplicate', subjectType: 'shot', subjectId: shotIds[0] ?? '', details: { shotIds, toIndex: toIndex ?? null } },
      (db, r) => duplicateShots(db, r, shotIds, toIndex),
    );
  }

  removeMany(shotIds: readonly string[]): void {
    this.store.runEdit(
      { action: 'shots.removeMany', subjectType: 'shot', subjectId: shotIds[0] ?? '', details: { shotIds } },
      (db, r) => removeShots(db, r, shotIds),
    );
  }

  moveMany(shotIds: readonly string[], toIndex: number): void {
    this.store.runEdit(
      { action: 'shots.moveMany', subjectType: 'shot', subjectId: shotIds[0] ?? '', details: { shotIds, toIndex } },
      (db, r) => moveShots(db, r, shotIds, toIndex),
    );
  }

  /** Sets or clears (null) the first or last frame to a stored image asset. */
  setFrame(shotId: string, which: 'first' | 'last', assetId: string | null): Shot {
    this.store.runEdit(
      { action: 'shots.setFrame', subjectType: 'shot', subjectId: shotId, details: { which, assetId } },
      (db, r) => setShotFrame(db, r, shotId, which, assetId),
    );
    return this.store.getShot(shotId);
  }

  rateTake(takeId: string, rating: number | null): void {
    this.store.runEdit(
      { action: 'takes.rate', subjectType: 'take', subjectId: takeId, details: { rating } },
      (db, r) => rateTake(db, r, takeId, rating),
    );
  }

  /** Removes a take; a selected one is replaced by the shot's newest other take (or none). */
  removeTake(takeId: string): { shotId: string; selectedTakeId: string | null } {
    return this.store.runEdit(
      { action: 'takes.remove', subjectType: 'take', subjectId: takeId, details: {} },
      (db, r) => removeTake(db, r, takeId),
    );
  }

  addScene(heading: string, index?: number): string {
    const id = randomUUID();
    return this.store.runEdit(
      { action: 'scenes.add', subjectType: 'scene', subjectId: id, details: { heading, index: index ?? null } },
      (db, r) => addScene(db, r, id, heading, index),
    );
  }

  updateScene(sceneId: string, patch: ScenePatch): void {
    this.store.runEdit(
      { action: 'scenes.update', subjectType: 'scene', subjectId: sceneId, details: { patch } },
      (db, r) => updateScene(db, r, sceneId, patch),
    );
  }

  removeScene(sceneId: string): void {
    this.store.runEdit(
      { action: 'scenes.remove', subjectType: 'scene', subjectId: sceneId, details: {} },
      (db, r) => removeScene(db, r, sceneId),
    );
  }

  setScene(shotIds: readonly string[], sceneId: string | null): void {
    this.store.runEdit(
      { action: 'shots.setScene', subjectType: 'shot', subjectId: shotIds[0] ?? '', details: { shotIds, sceneId } },
      (db, r) => setShotsScene(db, r, shotIds, sceneId),
    );
  }

  /**
   * Purges dead takes and unreferenced asset rows (see garbage.ts for the rule) and returns
   * the files to delete; call the media service's collectGarbage, which deletes them.
   */
  purgeUnreferenced(opts: { graceMs?: number } = {}): Collectable[] {
    return this.store.runWrite((db) => purgeUnreferenced(db, Date.now(), opts.graceMs ?? GC_GRACE_MS));
  }
}
