/**
 * The stream facts copy.ts needs, one ffprobe per distinct source file, through the runner
 * (the only place that starts ffprobe). Only called when copyPrecheck() passed, so mixed
 * projects never pay for it.
 *
 * Facts are remembered per file identity (device, inode, size, modification and change
 * times), so exporting the same takes again (the usual edit-export loop) starts no probe:
 * on a short cut ffprobe's start-up costs about as much as the join itself (quality.md EXP-3,
 * test/bench/results.md). Project media is content-addressed and never rewritten in place;
 * any rewrite changes the change time anyway, so a stale entry is never used.
 *
 * Assets imported since clip facts were stored with them (project.db asset_copy_facts, read
 * through the store port for the clips of the cut: storedFacts.ts) start no probe at all, not
 * even on a first export; only older assets are probed. Stored facts are used only when the
 * file still hashes to its asset id (media is content-addressed): a file edited in media/
 * behind the app's back could keep its timing and change its SPS, which the output's
 * verification would not see. Hashing reads the file (as the join does, beside it) and is
 * remembered per file identity like a probe.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { AppError, isCanceled } from '../../../shared/errors.js';
import { audioRoute, audioRouteGuess } from '../../../shared/export/audioCopy.js';
import { copyPrecheck, copyVerdict, type CopyVerdict } from '../../../shared/export/copy.js';
import { clipFactsArgs, parseClipFacts, type ClipVideoFacts } from '../../../shared/export/copyFacts.js';
import type { ExportClip, ExportPlan } from '../../../shared/export/plan.js';
import { storedFactsOf } from '../../../shared/export/storedFacts.js';
import { probeJsonWithPackets } from '../media/probeJson.js';
import type { CopyRoute } from './copyExport.js';
import { mapLimited } from '../limiter.js';

/** Two at a time: the machines have two cores, and each probe reads its file once. */
const CONCURRENCY = 2;
/** Enough for every take of a large project; the oldest entry goes first. */
const CACHE_LIMIT = 1000;
const cache = new Map<string, ClipVideoFacts>();

/** The stored clip facts of the cut's assets, by asset id (ExportStorePort.clipFacts); unvalidated. */
export type StoredFacts = ReadonlyMap<string, unknown>;

/** Forgets every remembered probe (tests and benchmarks that must measure a first export). */
export function clearClipFactsCache(): void {
  cache.clear();
}

/** The file's identity, or null when it can't be read (the probe then reports the problem). */
async function identity(file: string): Promise<string | null> {
  const s = await stat(file, { bigint: true }).catch(() => null);
  return s ? [file, s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join('\0') : null;
}

/** The file's sha256, hex (an asset's id). */
async function sha256Of(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file, signal ? { signal } : {})) hash.update(chunk as Buffer);
  } catch (err) {
    if (signal?.aborted) throw new AppError('CANCELED', 'The export was canceled.');
    throw err;
  }
  return hash.digest('hex');
}

/**
 * Packets a copy probe keeps at most (each ~75 bytes once parsed, measured with
 * process.memoryUsage over 500,000 of them: ~37 MB per probe, two at a time). A 1-hour clip at
 * 25 fps with 48 kHz AAC has ~260,000; a longer clip is not stream-copied (its facts are
 * "could not be read" and the export re-encodes), and a hostile file's endless packet list
 * stops there instead of filling memory.
 */
export const COPY_PROBE_MAX_PACKETS = 500_000;

/** A probe of the clip's copy facts, streamed and bounded (probeJson.ts); null when too long or without video. */
async function probedFacts(file: string, signal?: AbortSignal): Promise<ClipVideoFacts | null> {
  const json = await probeJsonWithPackets(file, clipFactsArgs(file), signal ? { signal } : {}, COPY_PROBE_MAX_PACKETS);
  return json === null ? null : parseClipFacts(json);
}

/**
 * One clip file's facts, from the cache, the asset's stored facts (when the file still is the
 * asset's bytes) or a probe; null when it has no readable video stream.
 */
async function factsOf(
  file: string,
  clip: ExportClip,
  stored: StoredFacts,
  signal?: AbortSignal,
): Promise<ClipVideoFacts | null> {
  const key = await identity(file);
  const known = key === null ? undefined : cache.get(key);
  if (known) return known;
  const mine = storedFactsOf(stored.get(clip.assetId));
  const intact = mine !== null && key !== null && (await sha256Of(file, signal)) === clip.assetId;
  const facts = intact ? mine : await probedFacts(file, signal);
  if (facts && key !== null) {
    cache.set(key, facts);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  }
  return facts;
}

/**
 * Facts per clip, in plan order (a file used by several shots is read once). A probe that
 * fails gives null for its clips (the verdict then names it); a cancel rejects.
 */
export async function probeClipFacts(
  plan: ExportPlan,
  resolveAbs: (rel: string) => string,
  stored: StoredFacts,
  signal?: AbortSignal,
): Promise<(ClipVideoFacts | null)[]> {
  const clipOf = new Map<string, ExportClip>();
  for (const c of plan.clips) if (!clipOf.has(resolveAbs(c.path))) clipOf.set(resolveAbs(c.path), c);
  const files = [...clipOf.keys()];
  const facts = new Map<string, ClipVideoFacts | null>();
  await mapLimited(files, CONCURRENCY, async (file) => {
    try {
      facts.set(file, await factsOf(file, clipOf.get(file) as ExportClip, stored, signal));
    } catch (err) {
      if (isCanceled(err)) throw err;
      facts.set(file, null);
    }
  });
  return plan.clips.map((c) => facts.get(resolveAbs(c.path)) ?? null);
}

/** The clip's stored or remembered facts, or undefined. */
async function cached(clip: ExportClip, file: string, stored: StoredFacts): Promise<ClipVideoFacts | undefined> {
  const mine = storedFactsOf(stored.get(clip.assetId));
  if (mine) return mine;
  const key = await identity(file);
  return key === null ? undefined : cache.get(key);
}

/**
 * The route to start the join with before the probes are done (copyExport.ts speculativeCopy).
 * Video: the first clip's track when stored or remembered, else 1, the first track of an MP4, where every
 * encoder we know of puts the video. Audio: when every clip's facts are remembered, the real
 * decision; else copied from track 2 (or the first clip's remembered audio track) when the
 * project's records say every clip has 48 kHz stereo AAC. Only a guess: a join made with
 * another route than the verdict's is thrown away and made again.
 */
export async function leadRouteGuess(
  plan: ExportPlan,
  resolveAbs: (rel: string) => string,
  stored: StoredFacts,
): Promise<CopyRoute> {
  const known = await Promise.all(plan.clips.map((c) => cached(c, resolveAbs(c.path), stored)));
  const first = known[0];
  const videoStreamId = first?.streamId ?? 1;
  if (known.every((f) => f !== undefined)) return { videoStreamId, audio: audioRoute(plan, known) };
  return { videoStreamId, audio: audioRouteGuess(plan, first?.audio?.streamId ?? videoStreamId + 1) };
}

/** Copy or not, and why: the precheck (free), then the probes (only if it passed). */
export async function decideCopy(
  plan: ExportPlan,
  resolveAbs: (rel: string) => string,
  stored: StoredFacts,
  signal?: AbortSignal,
): Promise<CopyVerdict> {
  const pre = copyPrecheck(plan, resolveAbs);
  if (!pre.eligible) return pre;
  return copyVerdict(plan, await probeClipFacts(plan, resolveAbs, stored, signal), resolveAbs);
}
