/**
 * The project's own delivery presets: saved with the project (delivery_presets, a document
 * table), each save or removal ONE undoable edit through the row-level change log, like
 * StyleOps. A row that no longer parses (a preset written by a newer version) is skipped, not
 * fatal: the built-in presets still work.
 */
import { DeliverableSchema, type Deliverable } from '../../../shared/export/deliverable.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from './db.js';
import type { ProjectStore } from './store.js';

/** Presets a project keeps (the UI lists them beside the built-ins). */
export const MAX_PROJECT_PRESETS = 50;

function readPresets(db: Db): Deliverable[] {
  const rows = db.prepare('SELECT json FROM delivery_presets ORDER BY position, id').pluck().all() as string[];
  return rows.flatMap((json) => {
    try {
      const parsed = DeliverableSchema.safeParse(JSON.parse(json));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

export class DeliveryPresetOps {
  constructor(private readonly store: ProjectStore) {}

  list(): Deliverable[] {
    return this.store.runWrite((db) => readPresets(db));
  }

  /** Adds the preset at the end, or replaces the one with its id in place. */
  save(preset: Deliverable): Deliverable[] {
    const valid = DeliverableSchema.parse(preset);
    return this.store.runEdit(
      {
        action: 'delivery.savePreset',
        subjectType: 'project',
        subjectId: this.store.project().id,
        details: { id: valid.id },
      },
      (db, r) => {
        const existing = db.prepare('SELECT position FROM delivery_presets WHERE id = ?').pluck().get(valid.id) as
          number | undefined;
        if (existing === undefined) {
          const count = db.prepare('SELECT COUNT(*) FROM delivery_presets').pluck().get() as number;
          if (count >= MAX_PROJECT_PRESETS) {
            throw new AppError(
              'INVALID_INPUT',
              `A project keeps at most ${MAX_PROJECT_PRESETS} delivery presets: remove one first.`,
            );
          }
          const next = (db.prepare('SELECT MAX(position) FROM delivery_presets').pluck().get() as number | null) ?? -1;
          r.insert('delivery_presets', { id: valid.id, position: next + 1, json: JSON.stringify(valid) });
        } else {
          r.update('delivery_presets', { id: valid.id }, { json: JSON.stringify(valid) });
        }
        return readPresets(db);
      },
    );
  }

  remove(id: string): Deliverable[] {
    return this.store.runEdit(
      { action: 'delivery.removePreset', subjectType: 'project', subjectId: this.store.project().id, details: { id } },
      (db, r) => {
        const found = db.prepare('SELECT 1 FROM delivery_presets WHERE id = ?').get(id);
        if (!found) throw new AppError('NOT_FOUND', `The project has no delivery preset "${id}".`, { id });
        r.delete('delivery_presets', { id });
        return readPresets(db);
      },
    );
  }
}
