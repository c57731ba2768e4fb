/** Fixtures and independent checks for the delivery tests (system ffmpeg/ffprobe, not our code). */
import { execFileSync, spawnSync } from 'node:child_process';
import { resolveTitleFont } from '../../../electron/services/generation/fonts.js';
import { lavfiClip } from '../../helpers/lavfiClip.js';

const FFMPEG = process.env.FFMPEG_PATH ?? 'ffmpeg';
const FFPROBE = process.env.FFPROBE_PATH ?? 'ffprobe';

/** A solid-colour 320x180 24 fps clip with a sine tone at `volume` (linear), AAC. */
export function makeToneClip(out: string, o: { color: string; freq: number; volume: number; sec: number }): void {
  lavfiClip(out, {
    video: `color=c=${o.color}:s=320x180:r=24:d=${o.sec}`,
    audio: `sine=f=${o.freq}:r=48000:d=${o.sec},volume=${o.volume},aformat=channel_layouts=stereo`,
    preset: 'ultrafast',
    shortest: true,
  });
}

interface Stream {
  codec_type: string;
  codec_name: string;
  codec_tag_string: string;
  width?: number;
  height?: number;
  nb_read_packets?: string;
  sample_rate?: string;
  channels?: number;
}

export function probeStreams(file: string): { video: Stream; audio: Stream } {
  const json = JSON.parse(
    execFileSync(
      FFPROBE,
      [
        '-v',
        'error',
        '-count_packets',
        '-show_entries',
        'stream=codec_type,codec_name,codec_tag_string,width,height,nb_read_packets,sample_rate,channels',
        '-of',
        'json',
        file,
      ],
      { encoding: 'utf8' },
    ),
  ) as { streams: Stream[] };
  const video = json.streams.find((s) => s.codec_type === 'video');
  const audio = json.streams.find((s) => s.codec_type === 'audio');
  if (!video || !audio) throw new Error(`${file}: missing a stream`);
  return { video, audio };
}

/** Integrated loudness (LUFS) and true peak (dBTP) from ffmpeg's ebur128 summary. */
export function ebur128(file: string): { integrated: number; truePeak: number } {
  const r = spawnSync(
    FFMPEG,
    [
      '-hide_banner',
      '-nostats',
      '-nostdin',
      '-i',
      file,
      '-map',
      '0:a:0',
      '-filter:a',
      'ebur128=peak=true',
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  );
  const summary = r.stderr.slice(r.stderr.lastIndexOf('Summary:'));
  const i = /I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary);
  const tp = /True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary);
  if (!i?.[1] || !tp?.[1]) throw new Error(`no ebur128 summary for ${file}: ${summary}`);
  return { integrated: Number(i[1]), truePeak: Number(tp[1]) };
}

/** The label font the app would use (a CJK-capable system font). */
export async function deliveryFont(): Promise<string> {
  return (await resolveTitleFont()).file;
}
