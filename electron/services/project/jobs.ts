/**
 * The jobs table: one durable row per generation request, written before anything is sent (a
 * paid job is never sent twice). Facts about the world, not document edits: not undoable.
 */
import { z } from 'zod';
import { JobSchema, JobStateSchema, type Job, type JobState } from '../../../shared/model/entities.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from './db.js';
import { exists, parseInput } from './input.js';
import { jobFromRow, jobToRow } from './recordRows.js';
import { insertSql, type Row } from './rows.js';

export function createJob(db: Db, job: Job): Job {
  const j = parseInput(JobSchema, job, `Job "${String(job?.id)}"`);
  if (!exists(db, 'shots', j.shotId))
    throw new AppError('NOT_FOUND', `Shot "${j.shotId}" not found for job "${j.id}".`);
  if (exists(db, 'jobs', j.id)) throw new AppError('INVALID_INPUT', `Job "${j.id}" already exists.`);
  const row = jobToRow(j);
  db.prepare(insertSql('jobs', row)).run(...Object.values(row));
  // The job as stored: a row without an error code reads back as errorInfo null, so the job
  // handed back now equals the one every later read returns.
  return { ...j, errorInfo: j.errorInfo ?? null };
}

export function getJob(db: Db, id: string): Job | null {
  const row = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Row | undefined;
  return row ? jobFromRow(row) : null;
}

/** Merges `patch` into the job (id and createdAt are kept); updatedAt is now unless given. */
export function updateJob(db: Db, id: string, patch: Partial<Job>, now: string): Job {
  const current = getJob(db, id);
  if (!current) throw new AppError('NOT_FOUND', `Job "${id}" not found in this project.`, { jobId: id });
  // A new error sentence without its code replaces the old code too (never a stale translation).
  const info = 'error' in patch && !('errorInfo' in patch) ? { errorInfo: null } : {};
  const next = parseInput(
    JobSchema,
    { ...current, ...info, ...patch, id, createdAt: current.createdAt, updatedAt: patch.updatedAt ?? now },
    `Update of job "${id}"`,
  );
  if (next.resultAssetId !== null && !exists(db, 'assets', next.resultAssetId)) {
    throw new AppError('NOT_FOUND', `Result asset "${next.resultAssetId}" of job "${id}" is not in the project.`);
  }
  if (next.takeId !== null && !exists(db, 'takes', next.takeId))
    throw new AppError('NOT_FOUND', `Take "${next.takeId}" of job "${id}" not found.`);
  const { id: _id, ...cols } = jobToRow(next);
  const names = Object.keys(cols);
  db.prepare(`UPDATE jobs SET ${names.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`).run(
    ...Object.values(cols),
    id,
  );
  return next;
}

export interface JobFilter {
  states?: readonly JobState[];
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
  return (db.prepare(`SELECT * FROM jobs ${whereSql} ORDER BY created_at, rowid`).all(...params) as Row[]).map(
    jobFromRow,
  );
}
