/**
 * 0001: the whole domain model of design.md §3. Frozen once released: change the schema with a
 * new numbered migration, never by editing this one.
 *
 * Enumerations (camera moves, job states, ...) are checked by the zod schemas on every write
 * and read rather than by CHECK constraints, because SQLite cannot alter a CHECK without
 * rebuilding the table and these lists will grow. Numeric invariants are CHECKed here.
 * Tables are STRICT so a value of the wrong type is refused instead of silently stored.
 */
import type { Migration } from './runner.js';

/** 'SBRD': marks a file as a Storyboard project (https://www.sqlite.org/pragma.html#pragma_application_id). */
export const APPLICATION_ID = 0x53425244;

const SQL = `
CREATE TABLE project (
  id TEXT PRIMARY KEY NOT NULL,
  singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  aspect TEXT NOT NULL,
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  fps_num INTEGER NOT NULL CHECK (fps_num > 0),
  fps_den INTEGER NOT NULL CHECK (fps_den > 0),
  style_prompt TEXT NOT NULL DEFAULT '',
  default_provider TEXT NOT NULL DEFAULT 'animatic',
  default_model TEXT,
  language TEXT NOT NULL DEFAULT 'en',
  budget_cap REAL CHECK (budget_cap IS NULL OR budget_cap >= 0),
  -- Bumped by every document change; lets a view tell whether it is current.
  revision INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE assets (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  path TEXT NOT NULL,
  original_name TEXT NOT NULL,
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  origin TEXT NOT NULL,
  kind TEXT NOT NULL,
  info TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE project_style_refs (
  position INTEGER PRIMARY KEY CHECK (position >= 0),
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE RESTRICT
) STRICT;

CREATE TABLE scenes (
  id TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  heading TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE elements (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL CHECK (length(name) >= 1),
  tag TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  voice TEXT
) STRICT;

CREATE TABLE element_refs (
  element_id TEXT NOT NULL REFERENCES elements(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE RESTRICT,
  PRIMARY KEY (element_id, position)
) STRICT;

-- A shot is never deleted by an edit: "remove" sets removed = 1 so its paid takes and jobs
-- stay attached and undo brings it back whole. position is dense over live shots.
CREATE TABLE shots (
  id TEXT PRIMARY KEY NOT NULL,
  scene_id TEXT REFERENCES scenes(id) ON DELETE SET NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  title TEXT NOT NULL DEFAULT '',
  prompt TEXT NOT NULL DEFAULT '',
  negative_prompt TEXT NOT NULL DEFAULT '',
  first_frame_asset_id TEXT REFERENCES assets(id) ON DELETE RESTRICT,
  last_frame_asset_id TEXT REFERENCES assets(id) ON DELETE RESTRICT,
  camera TEXT NOT NULL DEFAULT 'static',
  shot_size TEXT,
  duration_frames INTEGER NOT NULL CHECK (duration_frames > 0),
  provider TEXT,
  model TEXT,
  dialogue TEXT NOT NULL DEFAULT '',
  seed INTEGER,
  selected_take_id TEXT REFERENCES takes(id) ON DELETE SET NULL,
  trim_in_frames INTEGER NOT NULL DEFAULT 0 CHECK (trim_in_frames >= 0),
  trim_out_frames INTEGER CHECK (trim_out_frames IS NULL OR trim_out_frames > trim_in_frames),
  transition_kind TEXT NOT NULL DEFAULT 'cut',
  transition_frames INTEGER NOT NULL DEFAULT 0 CHECK (transition_frames >= 0),
  notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE shot_elements (
  shot_id TEXT NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
  element_id TEXT NOT NULL REFERENCES elements(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  PRIMARY KEY (shot_id, element_id)
) STRICT;

-- Jobs carry money: a shot with jobs cannot be purged until its jobs are dealt with.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY NOT NULL,
  shot_id TEXT NOT NULL REFERENCES shots(id) ON DELETE RESTRICT,
  provider TEXT NOT NULL,
  model TEXT,
  state TEXT NOT NULL,
  request TEXT NOT NULL,
  task_id TEXT,
  progress REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
  error TEXT,
  cost_estimate REAL CHECK (cost_estimate IS NULL OR cost_estimate >= 0),
  cost_actual REAL CHECK (cost_actual IS NULL OR cost_actual >= 0),
  result_asset_id TEXT REFERENCES assets(id) ON DELETE RESTRICT,
  take_id TEXT REFERENCES takes(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX jobs_state ON jobs(state);

CREATE TABLE takes (
  id TEXT PRIMARY KEY NOT NULL,
  shot_id TEXT NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE RESTRICT,
  job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
  provider TEXT NOT NULL,
  model TEXT,
  request TEXT NOT NULL,
  seed INTEGER,
  cost REAL CHECK (cost IS NULL OR cost >= 0),
  rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 0 AND 5),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE audio_items (
  id TEXT PRIMARY KEY NOT NULL,
  lane TEXT NOT NULL,
  asset_id TEXT NOT NULL REFERENCES assets(id) ON DELETE RESTRICT,
  start_frame INTEGER NOT NULL CHECK (start_frame >= 0),
  in_frame INTEGER NOT NULL DEFAULT 0 CHECK (in_frame >= 0),
  out_frame INTEGER CHECK (out_frame IS NULL OR out_frame > in_frame),
  gain_db REAL NOT NULL DEFAULT 0,
  fade_in_frames INTEGER NOT NULL DEFAULT 0 CHECK (fade_in_frames >= 0),
  fade_out_frames INTEGER NOT NULL DEFAULT 0 CHECK (fade_out_frames >= 0),
  duck INTEGER NOT NULL DEFAULT 0 CHECK (duck IN (0, 1))
) STRICT;

CREATE TABLE provenance (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  details TEXT NOT NULL
) STRICT;

-- The undo log: one row per edit; changes is a JSON list of row changes (see changes.ts).
-- Rows with undone = 1 form the redo branch.
CREATE TABLE history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  label TEXT NOT NULL,
  changes TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

-- In-flight export runs, so a crash's temp file and ffmpeg can be swept at the next start.
CREATE TABLE exports (
  id TEXT PRIMARY KEY NOT NULL,
  out_path TEXT NOT NULL,
  temp_path TEXT NOT NULL,
  pid INTEGER,
  state TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;
`;

export const m0001: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(SQL);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  },
};
