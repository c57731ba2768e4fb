/**
 * Clip facts stored with the asset, gathered by the import's one ffprobe
 * (electron/services/media/probe.ts probeMedia), so an export starts no clip probe (quality.md
 * EXP-3: on a short cut each ffprobe's start-up costs about as much as the whole join). Project
 * media is content-addressed and never rewritten, so stored facts never go stale; a file edited
 * behind the app's back is still caught, by the hash check before use (copyProbe.ts).
 *
 * Kept in project.db's asset_copy_facts table (migration 0005), never in MediaInfo: a snapshot
 * crosses the contract on every edit, and a 10 s clip's facts are ~15 KB. The export reads
 * them through its store port for the clips of its cut only.
 *
 * Versioned: when ClipVideoFacts changes, bump CLIP_FACTS_VERSION; facts of another version
 * (or a shape that no longer validates) are ignored and the clip is probed at export as before.
 */
import { z } from 'zod';
import type { ClipAudioFacts, ClipVideoFacts, PacketSummary } from './copyFacts.js';

export const CLIP_FACTS_VERSION = 1;

const int = z.number().int();
const ratio = z.object({ num: int, den: int }).nullable();

const PacketSummarySchema = z.object({
  count: int.nonnegative(),
  firstPts: int.nullable(),
  firstDts: int.nullable(),
  firstIsKeyframe: z.boolean(),
  step: int.nullable(),
}) satisfies z.ZodType<PacketSummary>;

const AudioFactsSchema = z.object({
  streamId: int.nullable(),
  codec: z.string(),
  profile: z.string(),
  sampleRate: z.number(),
  channels: int,
  channelLayout: z.string(),
  extradataHash: z.string().nullable(),
  timeBase: ratio,
  packetCount: int.nonnegative(),
  firstPts: int.nullable(),
  frameSize: int.nullable(),
  contiguous: z.boolean(),
  videoDtsBefore: z.array(int.nullable()),
}) satisfies z.ZodType<ClipAudioFacts>;

export const ClipFactsSchema = z.object({
  streamId: int.nullable(),
  container: z.string(),
  formatStart: z.number().nullable(),
  codec: z.string(),
  codecTag: z.string(),
  profile: z.string(),
  level: int.nullable(),
  pixelFormat: z.string(),
  width: int,
  height: int,
  sar: z.string(),
  fieldOrder: z.string().nullable(),
  color: z.string(),
  rotation: int,
  attachedPic: z.boolean(),
  timeBase: ratio,
  rFrameRate: ratio,
  avgFrameRate: ratio,
  extradataHash: z.string().nullable(),
  packets: PacketSummarySchema,
  audio: AudioFactsSchema.nullable(),
}) satisfies z.ZodType<ClipVideoFacts>;

export const StoredClipFactsSchema = z.object({ version: z.literal(CLIP_FACTS_VERSION), facts: ClipFactsSchema });
export type StoredClipFacts = z.infer<typeof StoredClipFactsSchema>;

/** The form asset_copy_facts stores. */
export function toStoredFacts(facts: ClipVideoFacts): StoredClipFacts {
  return { version: CLIP_FACTS_VERSION, facts };
}

/** The facts in a stored value, or null when there is none, or of another version or shape (probe it). */
export function storedFactsOf(stored: unknown): ClipVideoFacts | null {
  const parsed = StoredClipFactsSchema.safeParse(stored);
  return parsed.success ? parsed.data.facts : null;
}
