/** Every migration, in order. Append new ones; never edit or reorder released ones. */
import { m0001 } from './0001_init.js';
import { m0002 } from './0002_indexes.js';
import { m0003 } from './0003_take_removed.js';
import { m0004 } from './0004_shot_extends.js';
import { m0005 } from './0005_asset_copy_facts.js';
import { m0006 } from './0006_shot_framing.js';
import { m0007 } from './0007_dialogue.js';
import { m0008 } from './0008_delivery_presets.js';
import { m0009 } from './0009_take_kind.js';
import { m0010 } from './0010_template_variables.js';
import { m0011 } from './0011_job_error_info.js';
import { m0012 } from './0012_track_states.js';
import { m0013 } from './0013_take_aspect.js';
import type { Migration } from './runner.js';

export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
];

export const LATEST_VERSION = MIGRATIONS.length;

export { APPLICATION_ID } from './0001_init.js';
export { migrate, type Migration, type MigrateResult } from './runner.js';
