/**
 * The Elements library (design.md §3, §6): characters, locations, props and styles with their
 * reference pictures, and which shots pick them. Each method is ONE undoable edit written
 * through the row-level change log (elements, element_refs and shot_elements are document
 * tables), so undo/redo and provenance come for free. Reached as
 * `store.elements`. Rows the schema would cascade (a deleted element's pictures and
 * shot links) are deleted through the recorder first, so undo puts them back.
 */
import { randomUUID } from 'node:crypto';
import type { ElementCreate, ElementPatch } from '../../../shared/api/elements.js';
import { AppError, keyedError } from '../../../shared/errors.js';
import { ElementSchema, type Element } from '../../../shared/model/entities.js';
import { newElement } from '../../../shared/model/factories.js';
import { deriveTag, normalizeTag, tagKey, uniqueTag } from '../../../shared/model/elements.js';
import type { ChangeRecorder } from './changes.js';
import type { Db } from './db.js';
import { getAsset } from './assets.js';
import { elementFromRow } from './projectRows.js';
import type { Row } from './rows.js';
import { requireShot } from './shotReads.js';
import type { ProjectStore } from './store.js';

/** Reference pictures per element: more than any provider takes (Vidu 7, Seedance 9). */
export const MAX_ELEMENT_REFS = 12;

export function elementNotFound(id: string): AppError {
  return keyedError(
    'NOT_FOUND',
    'svc.element.notFound',
    { elementId: id },
    `Element "${id}" not found in this project.`,
  );
}

function refIds(db: Db, id: string): string[] {
  return db
    .prepare('SELECT asset_id FROM element_refs WHERE element_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[];
}

export function readElement(db: Db, id: string): Element {
  const row = db.prepare('SELECT * FROM elements WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw elementNotFound(id);
  return elementFromRow(row, refIds(db, id));
}

function otherTags(db: Db, exceptId: string | null): string[] {
  return db.prepare('SELECT tag FROM elements WHERE id IS NOT ?').pluck().all(exceptId) as string[];
}

/** A tag the user typed: valid and not another element's (compared without case). */
function checkedTag(db: Db, typed: string, exceptId: string | null): string {
  const tag = normalizeTag(typed);
  if (!tag) {
    throw keyedError(
      'INVALID_INPUT',
      'svc.element.badTag',
      { typed },
      `"${typed}" cannot be a tag: use letters (any language), digits, _ or -, without spaces (e.g. @Mara_Lee, @小明).`,
    );
  }
  const owner = db.prepare('SELECT name, tag FROM elements WHERE id IS NOT ?').all(exceptId) as {
    name: string;
    tag: string;
  }[];
  const clash = owner.find((o) => tagKey(o.tag) === tagKey(tag));
  if (clash)
    throw keyedError(
      'INVALID_INPUT',
      'svc.element.tagTaken',
      { tag, name: clash.name, owner: clash.tag },
      `The tag ${tag} is already used by "${clash.name}" (${clash.tag}); tags are unique in a project.`,
    );
  return tag;
}

function toRow(e: Element): Record<string, string | null> {
  return { id: e.id, kind: e.kind, name: e.name, tag: e.tag, description: e.description, voice: e.voice };
}

function requireImage(db: Db, assetId: string): void {
  const asset = getAsset(db, assetId);
  if (!asset) throw new AppError('NOT_FOUND', `Asset "${assetId}" is not in this project's media.`, { assetId });
  if (asset.info.kind !== 'image') {
    throw keyedError(
      'MEDIA_UNSUPPORTED',
      'svc.element.pictureNotImage',
      { name: asset.originalName },
      `"${asset.originalName}" is ${asset.info.kind === 'video' ? 'a video' : 'an audio file'}: a reference picture must be an image (PNG, JPEG, WebP).`,
      { assetId },
    );
  }
}

/** Rewrites the element's pictures from position `from` on as `assetIds` (delete + insert: position is the key). */
function rewriteRefs(db: Db, r: ChangeRecorder, id: string, from: number, assetIds: readonly string[]): void {
  const current = refIds(db, id);
  for (let p = current.length - 1; p >= from; p--) r.delete('element_refs', { element_id: id, position: p });
  assetIds.forEach((assetId, i) => r.insert('element_refs', { element_id: id, position: from + i, asset_id: assetId }));
}

export class ElementOps {
  constructor(private readonly store: ProjectStore) {}

  /** A new element; its tag comes from the name unless given, made unique with _2, _3. Returns it. */
  create(input: ElementCreate): Element {
    const id = randomUUID();
    return this.store.runEdit(
      {
        action: 'elements.create',
        subjectType: 'element',
        subjectId: id,
        details: { kind: input.kind, name: input.name },
      },
      (db, r) => {
        const name = input.name.trim();
        if (!name) throw keyedError('INVALID_INPUT', 'svc.element.noName', {}, 'An element needs a name.');
        const tag =
          input.tag !== undefined
            ? checkedTag(db, input.tag, null)
            : uniqueTag(deriveTag(name, input.kind), otherTags(db, null));
        const element = ElementSchema.parse(
          newElement({
            id,
            kind: input.kind,
            name,
            tag,
            description: input.description ?? '',
            voice: input.voice ?? null,
          }),
        );
        r.insert('elements', toRow(element));
        for (const assetId of input.refAssetIds ?? []) this.appendRef(db, r, id, assetId);
        return readElement(db, id);
      },
    );
  }

  update(id: string, patch: ElementPatch): Element {
    return this.store.runEdit(
      { action: 'elements.update', subjectType: 'element', subjectId: id, details: { patch } },
      (db, r) => {
        const current = readElement(db, id);
        const name = patch.name !== undefined ? patch.name.trim() : current.name;
        if (!name) throw keyedError('INVALID_INPUT', 'svc.element.noName', {}, 'An element needs a name.');
        const tag = patch.tag !== undefined ? checkedTag(db, patch.tag, id) : current.tag;
        const { id: _id, ...values } = toRow({
          ...current,
          name,
          tag,
          kind: patch.kind ?? current.kind,
          description: patch.description ?? current.description,
          voice: patch.voice !== undefined ? patch.voice : current.voice,
        });
        r.update('elements', { id }, values);
        return readElement(db, id);
      },
    );
  }

  /** Deletes the element and takes it off every shot (removed shots too), as one undo step. */
  remove(id: string): void {
    this.store.runEdit({ action: 'elements.remove', subjectType: 'element', subjectId: id, details: {} }, (db, r) => {
      readElement(db, id);
      const links = db.prepare('SELECT shot_id FROM shot_elements WHERE element_id = ?').pluck().all(id) as string[];
      for (const shotId of links) {
        r.delete('shot_elements', { shot_id: shotId, element_id: id });
        this.repackLinks(db, r, shotId);
      }
      rewriteRefs(db, r, id, 0, []);
      r.delete('elements', { id });
    });
  }

  /** Adds stored image assets to the element's pictures (ones it has already are skipped). */
  addRefs(id: string, assetIds: readonly string[]): Element {
    return this.store.runEdit(
      { action: 'elements.addRefs', subjectType: 'element', subjectId: id, details: { assetIds } },
      (db, r) => {
        readElement(db, id);
        for (const assetId of assetIds) this.appendRef(db, r, id, assetId);
        return readElement(db, id);
      },
    );
  }

  removeRef(id: string, assetId: string): Element {
    return this.store.runEdit(
      { action: 'elements.removeRef', subjectType: 'element', subjectId: id, details: { assetId } },
      (db, r) => {
        const refs = readElement(db, id).refAssetIds;
        const at = refs.indexOf(assetId);
        if (at < 0)
          throw new AppError('NOT_FOUND', `Element "${id}" has no reference picture "${assetId}".`, {
            elementId: id,
            assetId,
          });
        rewriteRefs(db, r, id, at, refs.slice(at + 1));
        return readElement(db, id);
      },
    );
  }

  /** The shot's picked elements, in this order (an empty list detaches all). */
  setShotElements(shotId: string, elementIds: readonly string[]): void {
    const wanted = [...new Set(elementIds)];
    this.store.runEdit(
      { action: 'shots.setElements', subjectType: 'shot', subjectId: shotId, details: { elementIds: wanted } },
      (db, r) => {
        requireShot(db, shotId);
        for (const id of wanted) readElement(db, id);
        const current = db
          .prepare('SELECT element_id FROM shot_elements WHERE shot_id = ?')
          .pluck()
          .all(shotId) as string[];
        for (const id of current)
          if (!wanted.includes(id)) r.delete('shot_elements', { shot_id: shotId, element_id: id });
        wanted.forEach((id, position) => {
          if (current.includes(id)) r.update('shot_elements', { shot_id: shotId, element_id: id }, { position });
          else r.insert('shot_elements', { shot_id: shotId, element_id: id, position });
        });
      },
    );
  }

  private appendRef(db: Db, r: ChangeRecorder, id: string, assetId: string): void {
    requireImage(db, assetId);
    const refs = refIds(db, id);
    if (refs.includes(assetId)) return;
    if (refs.length >= MAX_ELEMENT_REFS) {
      throw keyedError(
        'INVALID_INPUT',
        'svc.element.tooManyPictures',
        { max: MAX_ELEMENT_REFS },
        `An element keeps at most ${MAX_ELEMENT_REFS} reference pictures; remove one first.`,
        { elementId: id },
      );
    }
    r.insert('element_refs', { element_id: id, position: refs.length, asset_id: assetId });
  }

  /** Keeps a shot's link positions dense 0..n-1 after one was removed. */
  private repackLinks(db: Db, r: ChangeRecorder, shotId: string): void {
    const ids = db
      .prepare('SELECT element_id FROM shot_elements WHERE shot_id = ? ORDER BY position')
      .pluck()
      .all(shotId) as string[];
    ids.forEach((id, position) => r.update('shot_elements', { shot_id: shotId, element_id: id }, { position }));
  }
}
