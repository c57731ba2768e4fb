/**
 * probeFile: what a media file is, or a specific, named reason it can't be used
 * (quality.md MEDIA-12: a clear rejection with a timeout; the UI never hangs). probeMedia:
 * the same one ffprobe, with the clip facts the import stores apart from the asset.
 */
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors.js';
import type { MediaInfo } from '../../../shared/model/entities.js';
import { parseClipFacts } from '../../../shared/export/copyFacts.js';
import { toStoredFacts, type StoredClipFacts } from '../../../shared/export/storedFacts.js';
import { parseProbeOutput, probeArgs } from '../../../shared/media/probe.js';
import { looksLikeText, SNIFF_BYTES } from '../../../shared/media/sniff.js';
import type { FfPaths } from '../ffmpeg/binaries.js';
import { runFfprobe, type RunToolOptions } from '../ffmpeg/runner.js';
import { parseProbeJson, probeJsonWithPackets } from './probeJson.js';

export interface ProbeOptions {
  /** Kill ffprobe and reject with MEDIA_TIMEOUT after this long (default 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  paths?: FfPaths;
}

export const PROBE_TIMEOUT_MS = 15_000;

/**
 * Files up to this size are probed with their packets listed, and their clip facts stored
 * (project.db asset_copy_facts, never in MediaInfo). Listing costs a demux pass: ffprobe alone took 1.0 s instead of 0.07 s
 * on a 3-minute 1080p clip (295 MB, 12,700 packets, 1.2 MB of JSON), its import 2.6-3.0 s
 * instead of 0.9 s, and its facts 64 KB of asset info; on the 5-10 s AI takes the stream copy
 * is made for (1-20 MB) it is lost in the noise. Bigger files skip it and are probed at
 * export, as before.
 */
export const FACTS_MAX_BYTES = 128 * 1024 * 1024;
/** Extra time allowed per MiB read for the packet listing (a cold or slow drive; measured ~3.5 ms warm). */
const FACTS_MS_PER_MIB = 30;

/**
 * Packets kept as clip facts at most. A 10 s AI take has ~700 (video + audio), a 3-minute 1080p
 * clip 12,700; a clip with more is a long one the stream copy is not made for, and its facts
 * are left to the export (as for files over FACTS_MAX_BYTES). With this bound a probe holds at
 * most ~100,000 small packet records plus PROBE_REST_MAX_CHARS of other JSON, whatever the
 * clip's length: ffprobe's output is streamed (runner streamFfprobe), never buffered whole.
 */
export const FACTS_MAX_PACKETS = 100_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The packet-listing probe, streamed (probeJson.ts): packets are collected up to
 * FACTS_MAX_PACKETS (then ffprobe is stopped and null returned: probe again without packets).
 */
function probeStreaming(file: string, tool: RunToolOptions): Promise<unknown> {
  return probeJsonWithPackets(file, probeArgs(file, { packets: true }), tool, FACTS_MAX_PACKETS);
}

async function firstBytes(file: string): Promise<Uint8Array> {
  const fh = await open(file, 'r');
  try {
    const buf = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The last line ffprobe printed, without its "<path>: " prefix (it repeats the full path). */
function ffprobeReason(err: AppError, file: string): string {
  const tail = typeof err.details?.stderrTail === 'string' ? err.details.stderrTail : '';
  const last = tail.split('\n').filter(Boolean).pop() ?? '';
  return last.startsWith(`${file}: `) ? last.slice(file.length + 2) : last.replace(/^\[[^\]]*\]\s*/, '');
}

/**
 * Probes a file: MediaInfo, or AppError MEDIA_MISSING (no such file), MEDIA_UNSUPPORTED (not a
 * regular file, a text file, no usable stream), MEDIA_EMPTY (0 bytes), MEDIA_CORRUPT (ffprobe
 * can't read it), MEDIA_TIMEOUT (ffprobe hung and was killed), CANCELED. Every message names
 * the file.
 */
export async function probeFile(absPath: string, opts: ProbeOptions = {}): Promise<MediaInfo> {
  return (await probeMedia(absPath, opts)).info;
}

export interface ProbedMedia {
  info: MediaInfo;
  /** A video's clip facts in their stored form, or null (not a video, or a file over FACTS_MAX_BYTES). */
  copyFacts: StoredClipFacts | null;
}

/** probeFile, also returning the clip facts the export's stream copy needs (same errors). */
export async function probeMedia(absPath: string, opts: ProbeOptions = {}): Promise<ProbedMedia> {
  const file = resolve(absPath);
  const name = basename(file);
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) {
      throw keyedError(
        'MEDIA_UNSUPPORTED',
        'svc.media.notRegular',
        { name },
        `"${name}" is not a regular file (a folder, device or pipe can't be imported).`,
        { file },
      );
    }
    size = st.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw keyedError(
        'MEDIA_MISSING',
        'svc.media.notFound',
        { name, file },
        `"${name}" was not found at ${file}: it may have been moved, renamed or deleted.`,
      );
    }
    const why = code ?? String(err);
    throw keyedError('MEDIA_MISSING', 'svc.media.unreadable', { name, why }, `"${name}" can't be read (${why}).`, {
      file,
    });
  }
  if (size === 0)
    throw keyedError('MEDIA_EMPTY', 'svc.media.empty', { name }, `"${name}" is empty (0 bytes).`, { file });

  const packets = size <= FACTS_MAX_BYTES;
  const timeoutMs =
    opts.timeoutMs ?? PROBE_TIMEOUT_MS + (packets ? Math.round((size / 2 ** 20) * FACTS_MS_PER_MIB) : 0);
  const tool = { timeoutMs, ...(opts.signal && { signal: opts.signal }), ...(opts.paths && { paths: opts.paths }) };
  let json: unknown;
  try {
    json = packets ? await probeStreaming(file, tool) : parseProbeJson(await runFfprobe(probeArgs(file), tool), file);
    // Too many packets to keep as facts (a long clip): the plain probe answers in milliseconds.
    if (json === null) json = parseProbeJson(await runFfprobe(probeArgs(file), tool), file);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'MEDIA_TIMEOUT') {
      const seconds = timeoutMs / 1000;
      throw keyedError(
        'MEDIA_TIMEOUT',
        'svc.media.timeout',
        { name, seconds },
        `Reading "${name}" took longer than ${seconds} s and was stopped: the file may be damaged or on a slow or disconnected drive.`,
        { file },
      );
    }
    if (err.code !== 'FFMPEG_FAILED') throw err;
    if (looksLikeText(await firstBytes(file).catch(() => new Uint8Array(0)))) {
      throw keyedError(
        'MEDIA_UNSUPPORTED',
        'svc.media.textFile',
        { name },
        `"${name}" is a text file, not a video, image or audio file.`,
        { file },
      );
    }
    const reason = ffprobeReason(err, file);
    // ffprobe's own words are English: kept in the message (CLI, log) and in details, never
    // pasted into the translated sentence (a zh-CN view would show them).
    throw keyedError(
      'MEDIA_CORRUPT',
      'svc.media.corrupt',
      { name },
      `"${name}" can't be read as media; it may be incomplete or damaged${reason ? ` (ffprobe: ${reason})` : ''}.`,
      { file, ...(reason ? { ffprobe: reason } : {}) },
    );
  }
  const info = parseProbeOutput(json, name);
  const listed = isObject(json) && Array.isArray(json.packets) && json.packets.length > 0;
  const facts = listed && info.kind === 'video' ? parseClipFacts(json) : null;
  return { info, copyFacts: facts ? toStoredFacts(facts) : null };
}
