/** The project's settings table: string values by key (not undoable). */
import { AppError } from '../../../shared/errors.js';
import type { Db } from './db.js';

export function getSetting(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  if (typeof key !== 'string' || key.length === 0)
    throw new AppError('INVALID_INPUT', 'A setting needs a non-empty key.');
  if (typeof value !== 'string') throw new AppError('INVALID_INPUT', `Setting "${key}" must be a string.`);
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
