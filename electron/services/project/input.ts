/**
 * Checks on what the services write into the project's tables: a value that does not fit is
 * INVALID_INPUT with the first problem named, and nothing is written.
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { Db } from './db.js';

export function invalid(message: string, error?: z.ZodError): AppError {
  const issue = error?.issues[0];
  const detail = issue ? ` (${issue.path.join('.') || 'value'}: ${issue.message})` : '';
  return new AppError('INVALID_INPUT', `${message}${detail}`);
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(`${what} is not valid`, parsed.error);
  return parsed.data;
}

export function exists(db: Db, table: 'shots' | 'assets' | 'jobs' | 'takes', id: string): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}
