/**
 * The exports table: one row per export run, so a crash mid-export can be swept on the next
 * open (its temp file removed, its ffmpeg stopped). Not in the undo history.
 */
import { z } from 'zod';
import { IdSchema } from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from './db.js';
import { parseInput } from './input.js';

// 'interrupted': the process died mid-export; the sweep on the next open removed its temp.
export const ExportStateSchema = z.enum(['running', 'succeeded', 'failed', 'canceled', 'interrupted']);
export type ExportState = z.infer<typeof ExportStateSchema>;

const ExportStartSchema = z.object({
  id: IdSchema,
  outPath: z.string().min(1),
  tempPath: z.string().min(1),
  pid: z.number().int().positive().nullable(),
});
export type ExportRun = z.infer<typeof ExportStartSchema>;

export function recordExportStart(db: Db, run: ExportRun, now: string): void {
  const r = parseInput(ExportStartSchema, run, `Export run "${String(run?.id)}"`);
  db.prepare(
    "INSERT INTO exports (id, out_path, temp_path, pid, state, started_at) VALUES (?, ?, ?, ?, 'running', ?)",
  ).run(r.id, r.outPath, r.tempPath, r.pid, now);
}

export function updateExport(
  db: Db,
  id: string,
  update: { state: ExportState; pid?: number | null },
  now: string,
): void {
  const state = parseInput(ExportStateSchema, update.state, `Export state for "${id}"`);
  const finished = state === 'running' ? null : now;
  const res =
    update.pid === undefined
      ? db.prepare('UPDATE exports SET state = ?, finished_at = ? WHERE id = ?').run(state, finished, id)
      : db
          .prepare('UPDATE exports SET state = ?, finished_at = ?, pid = ? WHERE id = ?')
          .run(state, finished, update.pid, id);
  if (res.changes !== 1) throw new AppError('NOT_FOUND', `Export run "${id}" not found in this project.`);
}

/** Runs still marked running: after a crash these are the temp files and ffmpeg pids to sweep. */
export function unfinishedExports(db: Db): ExportRun[] {
  const rows = db
    .prepare("SELECT id, out_path, temp_path, pid FROM exports WHERE state = 'running' ORDER BY started_at, id")
    .all() as {
    id: string;
    out_path: string;
    temp_path: string;
    pid: number | null;
  }[];
  return rows.map((r) => ({ id: r.id, outPath: r.out_path, tempPath: r.temp_path, pid: r.pid }));
}
