/**
 * The project's style (design.md §6): a prompt added to every shot's prompt and pictures sent
 * after each shot's element pictures. One `set` is ONE undoable edit written through the
 * row-level change log (project and project_style_refs are document tables), like the elements:
 * `store.style.set({ stylePrompt, refAssetIds })`.
 */
import { MAX_STYLE_PICTURES, type StyleUpdate } from '../../../shared/api/style.js';
import { AppError } from '../../../shared/errors.js';
import type { Project } from '../../../shared/model/entities.js';
import type { Db } from './db.js';
import { getAsset } from './assets.js';
import { readProject } from './snapshot.js';
import type { ProjectStore } from './store.js';

function styleRefIds(db: Db): string[] {
  return db.prepare('SELECT asset_id FROM project_style_refs ORDER BY position').pluck().all() as string[];
}

function requireImage(db: Db, assetId: string): void {
  const asset = getAsset(db, assetId);
  if (!asset) throw new AppError('NOT_FOUND', `Asset "${assetId}" is not in this project's media.`, { assetId });
  if (asset.info.kind !== 'image') {
    throw new AppError(
      'MEDIA_UNSUPPORTED',
      `"${asset.originalName}" is ${asset.info.kind === 'video' ? 'a video' : 'an audio file'}: a style picture must be an image (PNG, JPEG, WebP).`,
      { assetId },
    );
  }
}

export class StyleOps {
  constructor(private readonly store: ProjectStore) {}

  /**
   * Sets the style prompt and/or the whole list of style pictures (in order; repeats dropped).
   * Nothing is recorded when nothing changes. Returns the project.
   */
  set(update: StyleUpdate): Project {
    const wanted = update.refAssetIds === undefined ? undefined : [...new Set(update.refAssetIds)];
    if (wanted && wanted.length > MAX_STYLE_PICTURES) {
      throw new AppError(
        'INVALID_INPUT',
        `A project keeps at most ${MAX_STYLE_PICTURES} style pictures (got ${wanted.length}); remove one first.`,
      );
    }
    return this.store.runEdit(
      {
        action: 'project.setStyle',
        subjectType: 'project',
        subjectId: this.store.project().id,
        details: { ...update },
      },
      (db, r) => {
        const project = readProject(db, this.store.file);
        if (update.stylePrompt !== undefined)
          r.update('project', { id: project.id }, { style_prompt: update.stylePrompt });
        if (wanted) {
          for (const assetId of wanted) requireImage(db, assetId);
          const current = styleRefIds(db);
          // Positions are the key: keep the common head, rewrite from the first difference on.
          let from = 0;
          while (from < current.length && current[from] === wanted[from]) from++;
          for (let p = current.length - 1; p >= from; p--) r.delete('project_style_refs', { position: p });
          wanted
            .slice(from)
            .forEach((assetId, i) => r.insert('project_style_refs', { position: from + i, asset_id: assetId }));
        }
        return readProject(db, this.store.file);
      },
    );
  }
}
