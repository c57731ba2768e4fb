/**
 * The project's template variables (shared/template/variables.ts), saved with the project in
 * template_variables (a document table, migration 0010). Every change (add or replace a
 * variable, remove one, set values) is ONE undoable edit through the row-level change log, like
 * StyleOps. The values of a variant project are its row's values (the variant matrix).
 */
import { AppError } from '../../../shared/errors.js';
import { MAX_VARIABLES, TemplateVariableSchema, type TemplateVariable } from '../../../shared/template/variables.js';
import type { Db } from './db.js';
import { getAsset } from './assets.js';
import type { ProjectStore } from './store.js';

interface VariableRow {
  name: string;
  position: number;
  kind: string;
  value: string;
  asset_id: string | null;
  first_frame_shot_ids: string;
}

function fromRow(r: VariableRow): TemplateVariable | null {
  let shotIds: unknown = [];
  try {
    shotIds = JSON.parse(r.first_frame_shot_ids);
  } catch {
    shotIds = [];
  }
  const parsed = TemplateVariableSchema.safeParse({
    name: r.name,
    kind: r.kind,
    value: r.value,
    assetId: r.asset_id,
    firstFrameShotIds: shotIds,
  });
  return parsed.success ? parsed.data : null;
}

export function readTemplateVariables(db: Db): TemplateVariable[] {
  const rows = db.prepare('SELECT * FROM template_variables ORDER BY position, name').all() as VariableRow[];
  return rows.flatMap((r) => {
    const v = fromRow(r);
    return v ? [v] : [];
  });
}

function requirePicture(db: Db, assetId: string, name: string): void {
  const asset = getAsset(db, assetId);
  if (!asset) throw new AppError('NOT_FOUND', `Asset "${assetId}" is not in this project's media.`, { assetId });
  if (asset.info.kind !== 'image') {
    throw new AppError(
      'MEDIA_UNSUPPORTED',
      `"${asset.originalName}" is not a picture: the picture slot {{${name}}} takes an image (PNG, JPEG, WebP).`,
      { assetId, name },
    );
  }
}

function requireShots(db: Db, shotIds: readonly string[]): void {
  const live = db.prepare('SELECT 1 FROM shots WHERE id = ? AND removed = 0').pluck();
  for (const id of shotIds) {
    if (!live.get(id)) throw new AppError('NOT_FOUND', `Shot "${id}" is not in this project.`, { shotId: id });
  }
}

const toColumns = (v: TemplateVariable): Record<string, string | null> => ({
  kind: v.kind,
  value: v.kind === 'text' ? v.value : '',
  asset_id: v.kind === 'picture' ? v.assetId : null,
  first_frame_shot_ids: JSON.stringify(v.kind === 'picture' ? [...new Set(v.firstFrameShotIds)] : []),
});

export class TemplateVariableOps {
  constructor(private readonly store: ProjectStore) {}

  list(): TemplateVariable[] {
    return this.store.runWrite((db) => readTemplateVariables(db));
  }

  /**
   * Adds the variable at the end or replaces the one of that name in place. A shot is the first
   * frame of at most one slot: binding it here unbinds it from any other slot in the same edit.
   */
  set(variable: TemplateVariable): TemplateVariable[] {
    const v = TemplateVariableSchema.parse(variable);
    return this.store.runEdit(
      { action: 'template.set', subjectType: 'project', subjectId: this.store.project().id, details: { name: v.name } },
      (db, r) => {
        if (v.kind === 'picture' && v.assetId) requirePicture(db, v.assetId, v.name);
        if (v.kind === 'picture') requireShots(db, v.firstFrameShotIds);
        const current = readTemplateVariables(db);
        const existing = current.find((c) => c.name === v.name);
        if (!existing && current.length >= MAX_VARIABLES) {
          throw new AppError('INVALID_INPUT', `A project keeps at most ${MAX_VARIABLES} template variables.`);
        }
        for (const other of current) {
          if (other.name === v.name || other.kind !== 'picture') continue;
          const kept = other.firstFrameShotIds.filter((id) => !v.firstFrameShotIds.includes(id));
          if (kept.length !== other.firstFrameShotIds.length)
            r.update('template_variables', { name: other.name }, { first_frame_shot_ids: JSON.stringify(kept) });
        }
        if (existing) r.update('template_variables', { name: v.name }, toColumns(v));
        else {
          const next =
            (db.prepare('SELECT MAX(position) FROM template_variables').pluck().get() as number | null) ?? -1;
          r.insert('template_variables', { name: v.name, position: next + 1, ...toColumns(v) });
        }
        return readTemplateVariables(db);
      },
    );
  }

  remove(name: string): TemplateVariable[] {
    return this.store.runEdit(
      { action: 'template.remove', subjectType: 'project', subjectId: this.store.project().id, details: { name } },
      (db, r) => {
        if (!db.prepare('SELECT 1 FROM template_variables WHERE name = ?').get(name))
          throw new AppError('NOT_FOUND', `The project has no template variable {{${name}}}.`, { name });
        r.delete('template_variables', { name });
        return readTemplateVariables(db);
      },
    );
  }

  /**
   * Sets several values at once (a variant's row): text values by name, pictures by name to an
   * image asset. Every name must be a variable of the matching kind; nothing changes otherwise.
   */
  setValues(values: { text?: Record<string, string>; pictures?: Record<string, string> }): TemplateVariable[] {
    return this.store.runEdit(
      {
        action: 'template.setValues',
        subjectType: 'project',
        subjectId: this.store.project().id,
        details: { names: [...Object.keys(values.text ?? {}), ...Object.keys(values.pictures ?? {})] },
      },
      (db, r) => {
        const byName = new Map(readTemplateVariables(db).map((v) => [v.name, v]));
        const need = (name: string, kind: TemplateVariable['kind']): void => {
          const v = byName.get(name);
          if (!v) throw new AppError('NOT_FOUND', `The project has no template variable {{${name}}}.`, { name });
          if (v.kind !== kind)
            throw new AppError('INVALID_INPUT', `{{${name}}} is a ${v.kind} variable, not a ${kind}.`, { name });
        };
        for (const [name, value] of Object.entries(values.text ?? {})) {
          need(name, 'text');
          TemplateVariableSchema.shape.value.parse(value);
          if (byName.get(name)?.value !== value) r.update('template_variables', { name }, { value });
        }
        for (const [name, assetId] of Object.entries(values.pictures ?? {})) {
          need(name, 'picture');
          requirePicture(db, assetId, name);
          if (byName.get(name)?.assetId !== assetId) r.update('template_variables', { name }, { asset_id: assetId });
        }
        return readTemplateVariables(db);
      },
    );
  }
}
