/**
 * Reframing for deliverables: a shot made in one aspect rendered in another uses the framing
 * the viewer stores per shot per aspect (fit / fill and the crop position, shared/model/framing.ts;
 * centre fit when none). `shotFraming` is the ONE point delivery reads it; the pixels come from
 * the export's own placeChain (filters.ts, via frameGeometry), so a deliverable shows exactly
 * what the viewer composes. Pure.
 */
import type { Shot } from '../model/entities.js';
import type { Aspect } from '../model/format.js';
import { framingFor, type Framing } from '../model/framing.js';

export function shotFraming(shot: Pick<Shot, 'framing'>, aspect: Aspect): Framing {
  return framingFor(shot.framing, aspect);
}
