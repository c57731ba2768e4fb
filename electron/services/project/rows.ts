/**
 * Row <-> entity mapping, shared part. Every row read is validated with the domain's zod schema:
 * a project file is untrusted input, so a malformed row is reported as damage, never passed on.
 * The mappers themselves live by what they map: projectRows.ts (project, scenes, elements, audio
 * items), shotRows.ts (shots and their takes), recordRows.ts (assets, jobs, provenance).
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';

export type Row = Record<string, unknown>;
/** A value SQLite stores for us: our tables hold no blobs. */
export type SqlValue = string | number | null;

export function parseEntity<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError(
    'PROJECT_DAMAGED',
    `The project database holds an invalid ${what} (${where}${issue?.message ?? 'invalid'}).`,
  );
}

export function parseJson(text: unknown, what: string): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    throw new AppError('PROJECT_DAMAGED', `The project database holds unreadable JSON in ${what}.`);
  }
}

/**
 * A JSON-map column ('{}' for none: `framing`, `track_states`) as an optional field, absent when
 * empty so rows read the same as before the column existed; a value that is not an object is
 * passed on for the entity schema to report as damage.
 */
export function optionalJsonMap<K extends string>(
  key: K,
  value: unknown,
  what: string,
): { [P in K]?: Record<string, unknown> } {
  if (typeof value !== 'string' || value === '' || value === '{}') return {};
  const parsed = parseJson(value, what);
  if (typeof parsed === 'object' && parsed !== null && Object.keys(parsed).length === 0) return {};
  return { [key]: parsed } as { [P in K]?: Record<string, unknown> };
}

/** `INSERT INTO <table> (cols) VALUES (?...)` for a row whose keys are trusted column names. */
export function insertSql(table: string, row: Record<string, SqlValue>, conflict = ''): string {
  const cols = Object.keys(row);
  return `INSERT ${conflict} INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
}
