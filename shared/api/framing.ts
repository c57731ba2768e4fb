/**
 * Contract method of a shot's framing (merged into `contract` in contract.ts): fit / fill and
 * the crop position for ONE aspect (shared/model/framing.ts). One call is ONE undo step, so a
 * drag in the viewer sends one call when the pointer is released.
 */
import { z } from 'zod';
import { IdSchema, ProjectSnapshotSchema } from '../model/entities.js';
import { AspectSchema } from '../model/format.js';
import { FramingSchema } from '../model/framing.js';

export const framingMethods = {
  /** `framing: null` returns the aspect to the default (fit, centred). */
  'shots.setFraming': {
    input: z.object({ shotId: IdSchema, aspect: AspectSchema, framing: FramingSchema.nullable() }).strict(),
    output: ProjectSnapshotSchema,
  },
} as const;
