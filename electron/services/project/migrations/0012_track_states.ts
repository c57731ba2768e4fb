/**
 * 0012: the timeline's track switches (shared/model/tracks.ts): mute, solo and lock of the
 * shot, dialogue, music, voice-over and sound tracks, as one JSON column of the project row
 * ('{}': all off). A document column: each toggle is one undo step (trackStates.ts).
 */
import type { Migration } from './runner.js';

export const m0012: Migration = {
  version: 12,
  name: 'track_states',
  up(db) {
    db.exec(`ALTER TABLE project ADD COLUMN track_states TEXT NOT NULL DEFAULT '{}';`);
  },
};
