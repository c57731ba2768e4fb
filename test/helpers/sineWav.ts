/**
 * A sine WAV made by the SYSTEM ffmpeg (never our runner, so a bug in our code can't shape its own
 * input). Shared by the integration and e2e tests; ffmpeg's `sine` source is 1/8 full scale.
 */
import { execFileSync } from 'node:child_process';

export interface SineOptions {
  /** Sample rate in Hz (48000 unless given). */
  rate?: number;
  /** Channels of the file: 1 downmixes, 2 duplicates the tone; ffmpeg's own (mono) when absent. */
  channels?: 1 | 2;
  /** An audio filter applied to the tone (`-af`), e.g. `volume=5`. */
  filter?: string;
}

/** Writes `sec` seconds of a `hz` sine to `path` (overwrites). */
export function sineWav(path: string, hz: number, sec: number, opts: SineOptions = {}): void {
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${hz}:sample_rate=${opts.rate ?? 48000}:duration=${sec}`,
    ...(opts.filter ? ['-af', opts.filter] : []),
    ...(opts.channels ? ['-ac', String(opts.channels)] : []),
    '-y',
    path,
  ]);
}
