/** Builds a project file as version 1 of the schema wrote it, with a little data in it. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../../../electron/services/project/migrations/index.js';
import { migrate } from '../../../electron/services/project/migrations/runner.js';

export const V1_SHOT = { id: 'shot-1', title: 'Opening «镜头»', prompt: 'a "quoted" 100% prompt' };

export function makeV1Project(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'project.db');
  const db = new Database(file);
  try {
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare(
      `INSERT INTO project (id, name, aspect, width, height, fps_num, fps_den, created_at)
      VALUES ('p1', 'Old project', '16:9', 1280, 720, 24, 1, '2024-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare('INSERT INTO shots (id, position, title, prompt, duration_frames) VALUES (?, 0, ?, ?, 48)').run(
      V1_SHOT.id,
      V1_SHOT.title,
      V1_SHOT.prompt,
    );
  } finally {
    db.close();
  }
  return file;
}

/** Schema facts read with a plain connection (not the store, which would migrate). */
export function inspect(file: string): {
  version: number;
  indexes: string[];
  tables: string[];
  shots: number;
  integrity: string;
} {
  const db = new Database(file, { fileMustExist: true });
  try {
    const names = (type: string) =>
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .pluck()
        .all(type) as string[];
    return {
      version: Number(db.pragma('user_version', { simple: true })),
      indexes: names('index'),
      tables: names('table'),
      shots: Number(db.prepare('SELECT count(*) FROM shots').pluck().get()),
      integrity: String(db.pragma('integrity_check', { simple: true })),
    };
  } finally {
    db.close();
  }
}
