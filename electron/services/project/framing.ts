/**
 * A shot's framing per aspect (shared/model/framing.ts) as ONE undoable edit through the
 * row-level change log: `store.framing.set(shotId, '9:16', { mode: 'fill', x, y })`.
 * Only the one aspect changes; the others keep theirs.
 */
import type { Aspect } from '../../../shared/model/format.js';
import { isDefaultFraming, type Framing, type ShotFraming } from '../../../shared/model/framing.js';
import type { Shot } from '../../../shared/model/entities.js';
import { framingToColumn } from './shotRows.js';
import { requireShot } from './shotReads.js';
import type { ProjectStore } from './store.js';

/** The shot's framing map with `aspect` set (or removed when null or the default). */
export function withFraming(current: ShotFraming | undefined, aspect: Aspect, framing: Framing | null): ShotFraming {
  const next: ShotFraming = { ...(current ?? {}) };
  if (framing === null || isDefaultFraming(framing)) delete next[aspect];
  else next[aspect] = { mode: framing.mode, x: framing.x, y: framing.y };
  return next;
}

export class FramingOps {
  constructor(private readonly store: ProjectStore) {}

  /** Nothing is recorded when the framing does not change. Returns the shot. */
  set(shotId: string, aspect: Aspect, framing: Framing | null): Shot {
    this.store.runEdit(
      { action: 'shots.setFraming', subjectType: 'shot', subjectId: shotId, details: { aspect, framing } },
      (db, r) => {
        const shot = requireShot(db, shotId);
        const before = framingToColumn(shot.framing);
        const after = framingToColumn(withFraming(shot.framing, aspect, framing));
        if (after !== before) r.update('shots', { id: shotId }, { framing: after });
      },
    );
    return this.store.getShot(shotId);
  }
}
