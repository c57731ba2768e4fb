/**
 * Contract method of the timeline's track switches (merged into `contract` in contract.ts):
 * mute, solo or lock one track (shared/model/tracks.ts). One call is ONE undo step.
 */
import { z } from 'zod';
import { ProjectSnapshotSchema } from '../model/entities.js';
import { TRACK_SWITCHES, TrackIdSchema } from '../model/tracks.js';

export const trackMethods = {
  'tracks.set': {
    input: z.object({ track: TrackIdSchema, switch: z.enum(TRACK_SWITCHES), on: z.boolean() }).strict(),
    output: ProjectSnapshotSchema,
  },
} as const;
