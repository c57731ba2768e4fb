/**
 * The per-clip video facts the stream-copy decision needs (copy.ts), read from one ffprobe
 * run per clip that lists the first video stream and its packets (no decoding). Pure: the
 * service runs `ffprobe ...clipFactsArgs(path)` through the runner and parses stdout here.
 *
 * MediaInfo (shared/media/probe.ts) is not enough: a stream copy keeps the FIRST clip's codec
 * configuration for all of them, so the clips must share it byte for byte (extradata hash),
 * and the concat demuxer places each clip by its packet timestamps, so those must be exact.
 */
import { parseRatio, type Ratio } from '../media/rational.js';
import { rotationOf, type ProbeStream } from '../media/probe.js';

/**
 * `-show_data_hash sha256` adds `extradata_hash` (the avcC record: SPS/PPS; for AAC the
 * AudioSpecificConfig) to each stream (https://ffmpeg.org/ffprobe.html, "-show_data_hash").
 * Packets of every stream are listed (the audio ones decide whether the audio can be copied
 * too, audioCopy.ts), not decoded: a demux pass over the file, far cheaper than a decode.
 * `-i` so a name starting with "-" is never an option.
 */
export function clipFactsArgs(absPath: string): string[] {
  return [
    '-v',
    'error',
    '-show_data_hash',
    'sha256',
    '-show_streams',
    '-show_format',
    '-show_entries',
    'packet=stream_index,pts,dts,duration,flags',
    '-print_format',
    'json=compact=1',
    '-i',
    absPath,
  ];
}

export interface ClipVideoFacts {
  /**
   * The video stream's container id (the mp4 track id), which the concat list names so the
   * demuxer takes exactly this stream from every file (concat.ts); null when it has none.
   */
  streamId: number | null;
  container: string;
  /** The file's start time in seconds (the earliest stream), as ffprobe prints it; null if unknown. */
  formatStart: number | null;
  codec: string;
  /** avc1 = parameter sets in the sample description, length-prefixed NAL units. */
  codecTag: string;
  profile: string;
  level: number | null;
  pixelFormat: string;
  width: number;
  height: number;
  /** Reduced "num:den"; "1:1" when the stream has none ("0:1" or missing means square). */
  sar: string;
  fieldOrder: string | null;
  /** range/space/transfer/primaries joined, for an equality check across clips. */
  color: string;
  rotation: number;
  attachedPic: boolean;
  timeBase: Ratio | null;
  rFrameRate: Ratio | null;
  avgFrameRate: Ratio | null;
  extradataHash: string | null;
  packets: PacketSummary;
  /** The file's first audio stream, or null when it has none. */
  audio: ClipAudioFacts | null;
}

/** What audioCopy.ts needs to know about a clip's audio before copying its packets. */
export interface ClipAudioFacts {
  streamId: number | null;
  codec: string;
  profile: string;
  sampleRate: number;
  channels: number;
  channelLayout: string;
  extradataHash: string | null;
  timeBase: Ratio | null;
  packetCount: number;
  /** pts of the first packet (an AAC encoder's priming frame sits before 0: -1024). */
  firstPts: number | null;
  /** The duration of every packet but the last, when they all share one (AAC: 1024); else null. */
  frameSize: number | null;
  /** Every packet starts exactly where the previous one ends (no gap, no overlap). */
  contiguous: boolean;
  /**
   * Per audio packet, the largest video dts (in video time-base ticks) the demuxer reads
   * before it, in file order; null when no video packet comes first. The concat demuxer ends a
   * clip at the first packet of ANY stream whose dts reaches the outpoint (concatdec.c
   * packet_after_outpoint), so a video packet stored ahead of the audio it plays with would
   * cut the audio early (measured with a fragmented MP4; audioCopy.ts).
   */
  videoDtsBefore: (number | null)[];
}

export interface PacketSummary {
  count: number;
  /** pts of the first frame in display order, dts of the first packet in decode order (ticks). */
  firstPts: number | null;
  firstDts: number | null;
  firstIsKeyframe: boolean;
  /**
   * The constant distance in ticks between consecutive frames in display order, when every
   * frame is exactly that far from the previous one and every packet lasts that long; null
   * when the spacing varies (VFR, a gap, a duplicate timestamp) or is unknown.
   */
  step: number | null;
}

interface RawPacket {
  stream_index?: number;
  pts?: number;
  dts?: number;
  duration?: number;
  flags?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function int(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
}

/** Display-order spacing of the frames, or null if not perfectly regular (see PacketSummary.step). */
export function summarizePackets(packets: readonly RawPacket[]): PacketSummary {
  const pts = packets.map((p) => int(p.pts));
  const first = packets[0];
  const summary: PacketSummary = {
    count: packets.length,
    firstPts: null,
    firstDts: first ? int(first.dts) : null,
    firstIsKeyframe: typeof first?.flags === 'string' && first.flags.startsWith('K'),
    step: null,
  };
  if (pts.some((p) => p === null) || pts.length === 0) return summary;
  const sorted = (pts as number[]).slice().sort((a, b) => a - b);
  summary.firstPts = sorted[0] ?? null;
  const durations = new Set(packets.map((p) => int(p.duration)));
  const only = durations.size === 1 ? [...durations][0] : null;
  if (only === null || only === undefined || only <= 0) return summary;
  const regular = sorted.every((p, i) => i === 0 || p - (sorted[i - 1] ?? 0) === only);
  summary.step = regular ? only : null;
  return summary;
}

/** ffprobe prints mp4 track ids in hex ("0x1"), other containers' ids in decimal. */
function streamIdOf(v: unknown): number | null {
  if (typeof v !== 'string' || !/^(0x[0-9a-f]+|\d+)$/i.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function sarOf(text: string | undefined): string {
  const r = parseRatio(text);
  return r ? `${r.num}:${r.den}` : '1:1';
}

/** ClipVideoFacts from clipFactsArgs() output; null when the file has no video stream. */
export function parseClipFacts(json: unknown): ClipVideoFacts | null {
  if (!isObject(json) || !Array.isArray(json.streams)) return null;
  const stream = (json.streams as unknown[]).find(
    (s): s is ProbeStream & Record<string, unknown> => isObject(s) && s.codec_type === 'video',
  );
  if (!stream) return null;
  const format = isObject(json.format) ? json.format : {};
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const start = Number(format.start_time);
  const disposition = isObject(stream.disposition) ? stream.disposition : {};
  const all = Array.isArray(json.packets) ? ((json.packets as unknown[]).filter(isObject) as RawPacket[]) : [];
  // Captures made with `-select_streams v:0` carry no stream_index: every packet is the video's.
  const packets = all.filter((p) => p.stream_index === undefined || p.stream_index === stream.index);
  const audio = (json.streams as unknown[]).find(
    (s): s is Record<string, unknown> => isObject(s) && s.codec_type === 'audio',
  );
  return {
    streamId: streamIdOf(stream.id),
    container: str(format.format_name),
    formatStart: typeof format.start_time === 'string' && Number.isFinite(start) ? start : null,
    codec: str(stream.codec_name),
    codecTag: str(stream.codec_tag_string),
    profile: str(stream.profile),
    level: int(stream.level),
    pixelFormat: str(stream.pix_fmt),
    width: int(stream.width) ?? 0,
    height: int(stream.height) ?? 0,
    sar: sarOf(stream.sample_aspect_ratio),
    fieldOrder: typeof stream.field_order === 'string' ? stream.field_order : null,
    color: ['color_range', 'color_space', 'color_transfer', 'color_primaries']
      .map((k) => str(stream[k]) || '-')
      .join('/'),
    rotation: rotationOf(stream),
    attachedPic: disposition.attached_pic === 1,
    timeBase: parseRatio(str(stream.time_base)),
    rFrameRate: parseRatio(stream.r_frame_rate),
    avgFrameRate: parseRatio(stream.avg_frame_rate),
    extradataHash: str(stream.extradata_hash) || null,
    packets: summarizePackets(packets),
    audio: audio ? audioFacts(audio, all, stream.index) : null,
  };
}

/** For each packet of `audioIndex`, the largest dts of `videoIndex` read before it (file order). */
function videoDtsBeforeEach(all: readonly RawPacket[], audioIndex: unknown, videoIndex: unknown): (number | null)[] {
  const out: (number | null)[] = [];
  let max: number | null = null;
  for (const p of all) {
    const d = int(p.dts);
    if (p.stream_index === videoIndex && d !== null) max = max === null ? d : Math.max(max, d);
    else if (p.stream_index === audioIndex) out.push(max);
  }
  return out;
}

function audioFacts(stream: Record<string, unknown>, all: readonly RawPacket[], videoIndex: unknown): ClipAudioFacts {
  const packets = all.filter((p) => p.stream_index === stream.index);
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const pts = packets.map((p) => int(p.pts));
  const durations = new Set(packets.slice(0, -1).map((p) => int(p.duration)));
  const size = durations.size === 1 ? ([...durations][0] ?? null) : null;
  const contiguous = pts.every((p, i) => {
    if (i === 0) return p !== null;
    const prev = pts[i - 1];
    const d = int(packets[i - 1]?.duration);
    return p !== null && prev !== null && prev !== undefined && d !== null && p === prev + d;
  });
  return {
    streamId: streamIdOf(stream.id),
    codec: str(stream.codec_name),
    profile: str(stream.profile),
    sampleRate: Number(stream.sample_rate) || 0,
    channels: int(stream.channels) ?? 0,
    channelLayout: str(stream.channel_layout),
    extradataHash: str(stream.extradata_hash) || null,
    timeBase: parseRatio(str(stream.time_base)),
    packetCount: packets.length,
    firstPts: pts[0] ?? null,
    frameSize: size,
    contiguous,
    videoDtsBefore: videoDtsBeforeEach(all, stream.index, videoIndex),
  };
}
