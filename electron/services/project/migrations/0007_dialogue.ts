/**
 * 0007: dialogue. A shot's spoken lines (speaker = a character element or, null, the
 * narrator), the project's narrator voice, the gain and mute of a take's own sound, and the
 * speech cache (same text + voice = same audio, never paid for twice).
 *
 * dialogue_lines has no foreign keys to elements or audio items: both are edited through the
 * undo log, where a cascade would change rows behind the recorder's back. The readers treat a
 * speaker or voice item that is gone as "none" (shared/model/dialogue.ts).
 */
import type { Migration } from './runner.js';

const SQL = `
CREATE TABLE dialogue_lines (
  id TEXT PRIMARY KEY NOT NULL,
  shot_id TEXT NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  speaker_id TEXT,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  language TEXT NOT NULL,
  offset_frames INTEGER CHECK (offset_frames IS NULL OR offset_frames >= 0),
  translation TEXT NOT NULL DEFAULT '',
  voice_item_id TEXT,
  voice_key TEXT
) STRICT;
CREATE INDEX dialogue_lines_shot ON dialogue_lines(shot_id, position);

CREATE TABLE speech_cache (
  key TEXT PRIMARY KEY NOT NULL,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

ALTER TABLE project ADD COLUMN narrator_voice TEXT DEFAULT NULL;
ALTER TABLE takes ADD COLUMN audio_gain_db REAL NOT NULL DEFAULT 0 CHECK (audio_gain_db BETWEEN -60 AND 12);
ALTER TABLE takes ADD COLUMN audio_muted INTEGER NOT NULL DEFAULT 0 CHECK (audio_muted IN (0, 1));
`;

export const m0007: Migration = {
  version: 7,
  name: 'dialogue',
  up(db) {
    db.exec(SQL);
  },
};
