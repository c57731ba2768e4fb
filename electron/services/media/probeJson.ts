/**
 * ffprobe's JSON answer with a packet list, read as it streams and bounded (every probe that
 * lists packets goes through here: the import's probe, the export's copy facts and the
 * verification of a stream-copied output). The packets are cut out one by one
 * (ProbeJsonSplitter) and kept up to `maxPackets`; past that ffprobe is stopped and the answer
 * is `null` (the caller decides what "too long" means). The rest of the JSON (streams, format)
 * is bounded by PROBE_REST_MAX_CHARS: a hostile file (or ffprobe) that prints more is refused
 * with MEDIA_CORRUPT instead of filling memory, and nothing is ever buffered whole, so no
 * output buffer can overflow on a long but valid clip (the 64 MiB one of runFfprobe did at
 * 10 hours: 114 MB of packet JSON).
 */
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { ProbeJsonSplitter } from '../../../shared/media/probeStream.js';
import { streamFfprobe, type RunToolOptions } from '../ffmpeg/runner.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** JSON.parse of ffprobe's answer, or MEDIA_CORRUPT naming the file. */
export function parseProbeJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(
      'MEDIA_CORRUPT',
      `"${basename(file)}" can't be read as media: ffprobe's answer was not valid JSON.`,
      { file },
    );
  }
}

/**
 * Runs ffprobe with `args` (which list packets) on `file`, streamed. Resolves the parsed JSON
 * with its `packets` array put back, or null when the file has more than `maxPackets` packets
 * (ffprobe is stopped there: memory stays within maxPackets small records plus the bounded rest).
 * Rejects like streamFfprobe (MEDIA_TIMEOUT, CANCELED, FFMPEG_FAILED, FFMPEG_MISSING), and with
 * MEDIA_CORRUPT when the non-packet JSON outgrows its bound or does not parse.
 */
export async function probeJsonWithPackets(
  file: string,
  args: string[],
  tool: RunToolOptions,
  maxPackets: number,
): Promise<Record<string, unknown> | null> {
  const packets: unknown[] = [];
  let tooMany = false;
  const splitter = new ProbeJsonSplitter((p) => {
    if (packets.length < maxPackets) packets.push(p);
    else tooMany = true;
  });
  const { stopped } = await streamFfprobe(args, {
    ...tool,
    onStdout: (text) => {
      splitter.push(text);
      return !tooMany && !splitter.overflow;
    },
  });
  if (tooMany) return null;
  const rest = splitter.rest();
  if (stopped || rest === null)
    throw new AppError(
      'MEDIA_CORRUPT',
      `"${basename(file)}" can't be read as media: ffprobe's answer is far larger than any media file's.`,
      { file },
    );
  const json = parseProbeJson(rest, file);
  if (!isObject(json))
    throw new AppError(
      'MEDIA_CORRUPT',
      `"${basename(file)}" can't be read as media: ffprobe's answer is not an object.`,
      {
        file,
      },
    );
  json.packets = packets;
  return json;
}
