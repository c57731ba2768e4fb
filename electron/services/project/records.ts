/**
 * Service records: media assets, takes, jobs, export runs, provenance and settings. These are
 * facts about the world (a file was imported, a provider was paid), not document edits, so
 * they are not in the undo history. Each call commits at once.
 */
import { z } from 'zod';
import {
  AssetSchema, IdSchema, JobSchema, JobStateSchema, TakeSchema, type Asset, type Job, type JobState, type Provenance, type Take,
} from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import { prepared } from './changes.js';
import type { Db } from './db.js';
import { bumpRevision } from './history.js';
import { isSafeRelPath } from './paths.js';
import {
  assetFromRow, assetToRow, insertSql, jobFromRow, jobToRow, provenanceFromRow, takeFromRow, takeToRow, type Row,
} from './rows.js';
import { invalid } from './shots.js';

function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(`${what} is not valid`, parsed.error);
  return parsed.data;
}

function exists(db: Db, table: 'shots' | 'assets' | 'jobs' | 'takes', id: string): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

// ---- assets ----

/**
 * Inserts the asset unless one with the same sha256 id exists; returns the stored one.
 * `copyFacts` (the import's clip facts, shared/export/storedFacts.ts) go to their own table
 * (migration 0005: never part of a snapshot); facts already stored for the asset are kept.
 */
export function upsertAsset(db: Db, asset: Asset, copyFacts?: object | null): Asset {
  const a = parseInput(AssetSchema, asset, `Asset "${String(asset?.id)}"`);
  if (!isSafeRelPath(a.path)) {
    throw new AppError('INVALID_INPUT', `Asset path "${a.path}" must be relative to the project folder, with forward slashes.`);
  }
  const row = assetToRow(a);
  db.prepare(insertSql('assets', row, 'OR IGNORE')).run(...Object.values(row));
  if (copyFacts) db.prepare('INSERT OR IGNORE INTO asset_copy_facts (asset_id, facts) VALUES (?, ?)').run(a.id, JSON.stringify(copyFacts));
  return getAsset(db, a.id) as Asset;
}

/**
 * The stored clip facts of these assets (parsed JSON, validated on use by storedFacts.ts);
 * assets without any are absent. Read by the export for the clips of its cut only.
 */
export function copyFactsOf(db: Db, assetIds: readonly string[]): Map<string, unknown> {
  const get = db.prepare('SELECT facts FROM asset_copy_facts WHERE asset_id = ?').pluck();
  const out = new Map<string, unknown>();
  for (const id of new Set(assetIds)) {
    const text = get.get(id) as string | undefined;
    if (text !== undefined) out.set(id, JSON.parse(text) as unknown);
  }
  return out;
}

export function getAsset(db: Db, id: string): Asset | null {
  const row = db.prepare('SELECT * FROM assets WHERE id = ?').get(id) as Row | undefined;
  return row ? assetFromRow(row) : null;
}

export function listAssets(db: Db): Asset[] {
  return (db.prepare('SELECT * FROM assets ORDER BY created_at, id').all() as Row[]).map(assetFromRow);
}

// ---- takes ----

/** Stores a take of a shot (even a removed one: paid work is kept); optionally selects it. */
export function addTake(db: Db, take: Take, selectIfNone: boolean): Take {
  const t = parseInput(TakeSchema, take, `Take "${String(take?.id)}"`);
  if (!exists(db, 'shots', t.shotId)) throw new AppError('NOT_FOUND', `Shot "${t.shotId}" not found for take "${t.id}".`);
  if (!exists(db, 'assets', t.assetId)) throw new AppError('NOT_FOUND', `Asset "${t.assetId}" of take "${t.id}" is not in the project.`);
  if (t.jobId !== null && !exists(db, 'jobs', t.jobId)) throw new AppError('NOT_FOUND', `Job "${t.jobId}" of take "${t.id}" not found.`);
  if (exists(db, 'takes', t.id)) throw new AppError('INVALID_INPUT', `Take "${t.id}" already exists.`);
  const row = takeToRow(t);
  db.prepare(insertSql('takes', row)).run(...Object.values(row));
  if (selectIfNone) {
    db.prepare('UPDATE shots SET selected_take_id = ? WHERE id = ? AND selected_take_id IS NULL').run(t.id, t.shotId);
  }
  bumpRevision(db);
  return t;
}

export function getTake(db: Db, id: string): Take | null {
  const row = db.prepare('SELECT * FROM takes WHERE id = ?').get(id) as Row | undefined;
  return row ? takeFromRow(row) : null;
}

/** Live takes of live shots, oldest first. */
export function listTakes(db: Db): Take[] {
  const rows = db.prepare(
    'SELECT t.* FROM takes t JOIN shots s ON s.id = t.shot_id WHERE s.removed = 0 AND t.removed = 0 ORDER BY t.created_at, t.id',
  ).all() as Row[];
  return rows.map(takeFromRow);
}

// ---- jobs ----

export function createJob(db: Db, job: Job): Job {
  const j = parseInput(JobSchema, job, `Job "${String(job?.id)}"`);
  if (!exists(db, 'shots', j.shotId)) throw new AppError('NOT_FOUND', `Shot "${j.shotId}" not found for job "${j.id}".`);
  if (exists(db, 'jobs', j.id)) throw new AppError('INVALID_INPUT', `Job "${j.id}" already exists.`);
  const row = jobToRow(j);
  db.prepare(insertSql('jobs', row)).run(...Object.values(row));
  return j;
}

export function getJob(db: Db, id: string): Job | null {
  const row = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Row | undefined;
  return row ? jobFromRow(row) : null;
}

/** Merges `patch` into the job (id and createdAt are kept); updatedAt is now unless given. */
export function updateJob(db: Db, id: string, patch: Partial<Job>, now: string): Job {
  const current = getJob(db, id);
  if (!current) throw new AppError('NOT_FOUND', `Job "${id}" not found in this project.`, { jobId: id });
  const next = parseInput(JobSchema, { ...current, ...patch, id, createdAt: current.createdAt, updatedAt: patch.updatedAt ?? now }, `Update of job "${id}"`);
  if (next.resultAssetId !== null && !exists(db, 'assets', next.resultAssetId)) {
    throw new AppError('NOT_FOUND', `Result asset "${next.resultAssetId}" of job "${id}" is not in the project.`);
  }
  if (next.takeId !== null && !exists(db, 'takes', next.takeId)) throw new AppError('NOT_FOUND', `Take "${next.takeId}" of job "${id}" not found.`);
  const { id: _id, ...cols } = jobToRow(next);
  const names = Object.keys(cols);
  db.prepare(`UPDATE jobs SET ${names.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`).run(...Object.values(cols), id);
  return next;
}

export interface JobFilter {
  states?: JobState[];
  shotId?: string;
}

export function listJobs(db: Db, filter: JobFilter = {}): Job[] {
  const states = filter.states ? parseInput(z.array(JobStateSchema), filter.states, 'Job state filter') : null;
  const clauses: string[] = [];
  const params: string[] = [];
  if (states) {
    if (states.length === 0) return [];
    clauses.push(`state IN (${states.map(() => '?').join(', ')})`);
    params.push(...states);
  }
  if (filter.shotId !== undefined) {
    clauses.push('shot_id = ?');
    params.push(filter.shotId);
  }
  const whereSql = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  return (db.prepare(`SELECT * FROM jobs ${whereSql} ORDER BY created_at, rowid`).all(...params) as Row[]).map(jobFromRow);
}

// ---- exports ----

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
  db.prepare("INSERT INTO exports (id, out_path, temp_path, pid, state, started_at) VALUES (?, ?, ?, ?, 'running', ?)")
    .run(r.id, r.outPath, r.tempPath, r.pid, now);
}

export function updateExport(db: Db, id: string, update: { state: ExportState; pid?: number | null }, now: string): void {
  const state = parseInput(ExportStateSchema, update.state, `Export state for "${id}"`);
  const finished = state === 'running' ? null : now;
  const res = update.pid === undefined
    ? db.prepare('UPDATE exports SET state = ?, finished_at = ? WHERE id = ?').run(state, finished, id)
    : db.prepare('UPDATE exports SET state = ?, finished_at = ?, pid = ? WHERE id = ?').run(state, finished, update.pid, id);
  if (res.changes !== 1) throw new AppError('NOT_FOUND', `Export run "${id}" not found in this project.`);
}

/** Runs still marked running: after a crash these are the temp files and ffmpeg pids to sweep. */
export function unfinishedExports(db: Db): ExportRun[] {
  const rows = db.prepare("SELECT id, out_path, temp_path, pid FROM exports WHERE state = 'running' ORDER BY started_at, id").all() as {
    id: string; out_path: string; temp_path: string; pid: number | null;
  }[];
  return rows.map((r) => ({ id: r.id, outPath: r.out_path, tempPath: r.temp_path, pid: r.pid }));
}

// ---- provenance ----

export type ProvenanceInput = Omit<Provenance, 'id' | 'at'>;

export function addProvenance(db: Db, entry: ProvenanceInput, now: string): Provenance {
  const details = JSON.stringify(entry.details ?? {});
  const res = prepared(db, 'INSERT INTO provenance (at, actor, action, subject_type, subject_id, details) VALUES (?, ?, ?, ?, ?, ?)')
    .run(now, String(entry.actor), String(entry.action), String(entry.subjectType), String(entry.subjectId), details);
  return { id: Number(res.lastInsertRowid), at: now, ...entry };
}

export function listProvenance(db: Db, filter: { subjectType?: string; subjectId?: string } = {}): Provenance[] {
  const rows = db.prepare(`SELECT * FROM provenance
      WHERE (@type IS NULL OR subject_type = @type) AND (@id IS NULL OR subject_id = @id) ORDER BY id`)
    .all({ type: filter.subjectType ?? null, id: filter.subjectId ?? null }) as Row[];
  return rows.map(provenanceFromRow);
}

// ---- settings ----

export function getSetting(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new AppError('INVALID_INPUT', 'A setting needs a non-empty key.');
  if (typeof value !== 'string') throw new AppError('INVALID_INPUT', `Setting "${key}" must be a string.`);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
