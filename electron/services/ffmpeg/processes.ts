/**
 * The ffmpeg and ffprobe processes we started (the runner's registry, codebases.md Synthesis 11
 * after LosslessCut's runningFfmpegs / abortFfmpegs): app quit stops them all; and where the
 * command lines that really ran are logged (an injectable logger).
 */
import { AppError } from '../../../shared/errors.js';

export interface FfmpegLogEntry {
  event: 'start' | 'done' | 'failed' | 'canceled';
  label: string;
  commandLine: string;
  pid?: number;
  error?: string;
}
export type FfmpegLogger = (entry: FfmpegLogEntry) => void;

let logger: FfmpegLogger = () => {};

/** Where command lines go (default: nowhere, so CLI output stays clean). null restores that. */
export function setFfmpegLogger(next: FfmpegLogger | null): void {
  logger = next ?? (() => {});
}

/** Logs one event of a command (through the logger set by setFfmpegLogger). */
export function logFfmpeg(entry: FfmpegLogEntry): void {
  logger(entry);
}

export interface Running {
  label: string;
  stop(): void;
}
const running = new Set<Running>();

/** Adds a process (or one about to start) to the registry; abortAllFfmpeg calls its stop. */
export function track(entry: Running): void {
  running.add(entry);
}

/** Removes a process that has ended from the registry. */
export function untrack(entry: Running): void {
  running.delete(entry);
}

/** Stops every ffmpeg/ffprobe we started (app quit, window close). Returns how many. */
export function abortAllFfmpeg(): number {
  const all = [...running];
  for (const r of all) r.stop();
  return all.length;
}

/** How many ffmpeg/ffprobe processes are running or about to start. */
export function runningFfmpegCount(): number {
  return running.size;
}

/** A cancel is not an error: the rejection every canceled process ends with. */
export function canceled(label: string): AppError {
  return new AppError('CANCELED', `${label} was canceled.`);
}
