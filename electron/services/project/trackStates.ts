/**
 * The timeline's track switches (shared/model/tracks.ts) as ONE undoable edit through the
 * row-level change log: `store.tracks.set('music', 'muted', true)` rewrites the project's
 * `track_states` column (migration 0012).
 */
import type { Project } from '../../../shared/model/entities.js';
import { withTrackSwitch, type TrackId, type TrackSwitch } from '../../../shared/model/tracks.js';
import { trackStatesToColumn } from './projectRows.js';
import { readProject } from './snapshot.js';
import type { ProjectStore } from './store.js';

export class TrackStateOps {
  constructor(private readonly store: ProjectStore) {}

  /** Nothing is recorded when the switch is already so. Returns the project. */
  set(track: TrackId, name: TrackSwitch, on: boolean): Project {
    return this.store.runEdit(
      {
        action: 'tracks.set',
        subjectType: 'project',
        subjectId: this.store.project().id,
        details: { track, name, on },
      },
      (db, r) => {
        const project = readProject(db, this.store.file);
        const after = trackStatesToColumn(withTrackSwitch(project.trackStates, track, name, on));
        r.update('project', { id: project.id }, { track_states: after });
        return readProject(db, this.store.file);
      },
    );
  }
}
