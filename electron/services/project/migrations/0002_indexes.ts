/** 0002: indexes for the lookups the services make on every snapshot and job poll. */
import type { Migration } from './runner.js';

export const m0002: Migration = {
  version: 2,
  name: 'indexes',
  up(db) {
    db.exec(`
      CREATE INDEX shots_live_order ON shots(removed, position);
      CREATE INDEX takes_shot ON takes(shot_id);
      CREATE INDEX jobs_shot ON jobs(shot_id);
      CREATE INDEX shot_elements_element ON shot_elements(element_id);
      CREATE INDEX provenance_subject ON provenance(subject_type, subject_id);
      CREATE INDEX exports_state ON exports(state);
    `);
  },
};
