/**
 * Contract methods of the hand-off (merged into `contract` in contract.ts): the cut as an
 * editor's file (FCPXML, OTIO, CMX3600 EDL, MLT, a JianYing/CapCut draft folder) or a printable
 * PDF storyboard; the whole project collected into one zip that opens on another machine; and
 * conform, which brings trims and order back from an OTIO or FCPXML file as ONE undo step.
 */
import { z } from 'zod';
import { ProjectSnapshotSchema } from '../model/entities.js';

const PathSchema = z.string().min(1).max(4096);

/** The hand-off formats, in the order the export dialog lists them after MP4. */
export const HANDOFF_FORMATS = ['fcpxml', 'otio', 'edl', 'mlt', 'jianying', 'pdf'] as const;
export const HandoffFormatSchema = z.enum(HANDOFF_FORMATS);
export type HandoffFormat = z.infer<typeof HandoffFormatSchema>;

/** Problems conform could not map back onto the project, one sentence each. */
export const ConformReportSchema = z.object({
  matched: z.number().int().min(0),
  trimmed: z.number().int().min(0),
  moved: z.boolean(),
  unmatched: z.array(z.string()),
});
export type ConformReport = z.infer<typeof ConformReportSchema>;

export const handoffMethods = {
  /** Writes the cut in `format` to `outPath` (a file; a folder for jianying). Nothing is left half-written. */
  'handoff.export': {
    input: z.object({ format: HandoffFormatSchema, outPath: PathSchema }).strict(),
    output: z.object({ outPath: z.string(), files: z.array(z.string()) }),
  },
  /** One zip: project.db (SQLite backup API) and only the media the cut (and, unless cutOnly, its takes) use. */
  'handoff.collect': {
    input: z.object({ outPath: PathSchema, cutOnly: z.boolean().default(false) }).strict(),
    output: z.object({ outPath: z.string(), mediaFiles: z.number().int().min(0), bytes: z.number().int().min(0) }),
  },
  /** Trims and order from an edited OTIO or FCPXML file, applied to the same shots as ONE undo step. */
  'handoff.conform': {
    input: z.object({ path: PathSchema }).strict(),
    output: z.object({ snapshot: ProjectSnapshotSchema, report: ConformReportSchema }),
  },
} as const;
