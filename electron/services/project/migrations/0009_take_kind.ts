/**
 * 0009: image takes. A take is a clip ('video', every take before) or a still made by an image
 * model ('image': a keyframe candidate the user picks as the shot's first or last frame). The
 * vocabulary is shared/model/entities.ts TAKE_KINDS; the CHECK keeps the file to it.
 */
import type { Migration } from './runner.js';

export const m0009: Migration = {
  version: 9,
  name: 'take_kind',
  up(db) {
    db.exec("ALTER TABLE takes ADD COLUMN kind TEXT NOT NULL DEFAULT 'video' CHECK (kind IN ('video', 'image'));");
  },
};
