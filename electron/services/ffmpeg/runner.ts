/**
 * THE one place that starts ffmpeg and ffprobe (codebases.md Synthesis 11, after LosslessCut's
 * runFfmpegProcess / runningFfmpegs / abortFfmpegs / runFfprobe). It owns:
 * - a registry of running processes, so app quit can stop them all (abortAllFfmpeg);
 * - cancel: SIGKILL, then reject AppError('CANCELED') once the process is gone (a cancel is
 *   not an error); a timeout: SIGKILL, then AppError('MEDIA_TIMEOUT');
 * - progress: stderr line by line into the pure parser (fluent's own 'progress' event is not
 *   used: it starts an extra ffprobe per run to learn the duration, which we already know);
 * - errors: AppError('FFMPEG_FAILED') with the label, exit code and the last stderr lines;
 * - logs: the copy-pasteable command line that really ran, through an injectable logger.
 * The registry and logger live in processes.ts, ffprobe and `ffmpeg -version` in ffprobe.ts;
 * this module runs ffmpeg commands (through fluent-ffmpeg) and is the one import for all three.
 */
import type { ChildProcess } from 'node:child_process';
import { AppError } from '../../../shared/errors.js';
import { toCommandLine, type FfmpegInvocation } from '../../../shared/ffmpeg/invocation.js';
import { parseProgressLine } from '../../../shared/ffmpeg/progress.js';
import { StderrTail } from '../../../shared/ffmpeg/tail.js';
import { currentFfPaths, isExecutable, type FfPaths } from './binaries.js';
import { argvAsInvocation, buildFluentCommand, fluentArgv } from './fluentCommand.js';
import { canceled, logFfmpeg, track, untrack, type Running } from './processes.js';

export {
  abortAllFfmpeg,
  runningFfmpegCount,
  setFfmpegLogger,
  type FfmpegLogEntry,
  type FfmpegLogger,
} from './processes.js';
export {
  ffmpegVersion,
  FFPROBE_TIMEOUT_MS,
  runFfprobe,
  streamFfprobe,
  type RunToolOptions,
  type StreamToolOptions,
} from './ffprobe.js';

export interface RunFfmpegOptions {
  signal?: AbortSignal;
  /** 0..1, never decreasing; only when the invocation has a durationSec. */
  onProgress?: (p: number) => void;
  /** Called once with the ffmpeg pid (the export records it to sweep orphans after a crash). */
  onSpawn?: (pid: number) => void;
  /** Kill and reject with MEDIA_TIMEOUT after this long (default: no limit). */
  timeoutMs?: number;
  paths?: FfPaths;
  /** Lines of stderr kept for the result and errors (default 20; a filter's report may need more). */
  stderrTailLines?: number;
}

export interface RunFfmpegResult {
  commandLine: string;
  stderrTail: string;
}

type StopReason = 'canceled' | 'timeout' | 'mismatch';

// async: a throw while preparing (no ffmpeg found, a bad invocation) becomes a rejection.
export async function runFfmpeg(inv: FfmpegInvocation, opts: RunFfmpegOptions = {}): Promise<RunFfmpegResult> {
  const paths = opts.paths ?? currentFfPaths();
  const argv = fluentArgv(inv);
  const commandLine = toCommandLine(paths.ffmpeg, argvAsInvocation(inv.label, argv));
  if (opts.signal?.aborted) throw canceled(inv.label);
  // fluent-ffmpeg 2.1.3 crashes the process when spawn itself fails (processor.js endCB reads
  // its output buffers, which don't exist then: an uncaught TypeError), so a binary that
  // can't start must never reach it.
  if (!isExecutable(paths.ffmpeg)) {
    throw new AppError('FFMPEG_MISSING', `ffmpeg can't be started: ${paths.ffmpeg} is not an executable file.`, {
      path: paths.ffmpeg,
    });
  }
  const cmd = buildFluentCommand(inv);
  // fluent keeps the binary path module-wide and reads it when it spawns: one binary per
  // process is assumed (main and the CLI configure it once).
  cmd.setFfmpegPath(paths.ffmpeg);

  return new Promise<RunFfmpegResult>((resolve, reject) => {
    const tail = new StderrTail(opts.stderrTailLines ?? 20);
    let proc: ChildProcess | null = null;
    let stopReason: StopReason | null = null;
    let startedLine = '';
    let lastProgress = -1;

    const stop = (why: StopReason): void => {
      if (stopReason !== null) return;
      stopReason = why;
      // Before 'start' there is no process yet; the 'start' handler kills it at once.
      proc?.kill('SIGKILL');
    };
    const entry: Running = { label: inv.label, stop: () => stop('canceled') };
    track(entry);
    const onAbort = (): void => stop('canceled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = opts.timeoutMs !== undefined ? setTimeout(() => stop('timeout'), opts.timeoutMs) : null;

    const settle = (err: AppError | null): void => {
      untrack(entry);
      opts.signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
      const pid = proc?.pid;
      if (err === null) {
        logFfmpeg({ event: 'done', label: inv.label, commandLine, ...(pid !== undefined && { pid }) });
        resolve({ commandLine, stderrTail: tail.text() });
      } else {
        logFfmpeg({
          event: err.code === 'CANCELED' ? 'canceled' : 'failed',
          label: inv.label,
          commandLine,
          error: err.message,
          ...(pid !== undefined && { pid }),
        });
        reject(err);
      }
    };

    cmd.on('start', (line: string) => {
      proc = (cmd as unknown as { ffmpegProc: ChildProcess }).ffmpegProc;
      startedLine = line;
      if (line !== `ffmpeg ${argv.join(' ')}`) stop('mismatch');
      if (stopReason !== null) {
        proc.kill('SIGKILL');
        return;
      }
      logFfmpeg({ event: 'start', label: inv.label, commandLine, ...(proc.pid !== undefined && { pid: proc.pid }) });
      if (proc.pid !== undefined) opts.onSpawn?.(proc.pid);
    });
    cmd.on('stderr', (line: string) => {
      tail.push(line);
      const p = parseProgressLine(line, inv.durationSec);
      if (p !== null && p > lastProgress) {
        lastProgress = p;
        opts.onProgress?.(p);
      }
    });
    // A cancel that lost the race with a normal exit is still reported as canceled: the user
    // asked to stop, and the caller drops the output either way.
    cmd.on('end', () => settle(stopReason === 'canceled' ? canceled(inv.label) : null));
    cmd.on('error', (err: Error) => {
      if (stopReason === 'canceled') return settle(canceled(inv.label));
      if (stopReason === 'timeout') {
        return settle(
          new AppError(
            'MEDIA_TIMEOUT',
            `ffmpeg (${inv.label}) did not finish within ${(opts.timeoutMs ?? 0) / 1000} s and was stopped.`,
            { label: inv.label },
          ),
        );
      }
      if (stopReason === 'mismatch') {
        return settle(
          new AppError(
            'INTERNAL',
            `fluent-ffmpeg changed the arguments of "${inv.label}": ran "${startedLine}", expected "ffmpeg ${argv.join(' ')}".`,
          ),
        );
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES') {
        return settle(
          new AppError('FFMPEG_MISSING', `ffmpeg could not be started (${paths.ffmpeg}): ${err.message}`, {
            path: paths.ffmpeg,
          }),
        );
      }
      // Node sets exitCode/signalCode before 'exit'; fluent may report before our code sees 'exit'.
      const exitCode = proc?.exitCode ?? null;
      const signal = proc?.signalCode ?? null;
      const how = signal
        ? `was killed by ${signal}`
        : exitCode !== null
          ? `exited with code ${exitCode}`
          : `failed to run (${err.message})`;
      const stderrTail = tail.text();
      settle(
        new AppError('FFMPEG_FAILED', `ffmpeg (${inv.label}) ${how}.${stderrTail ? `\n${stderrTail}` : ''}`, {
          label: inv.label,
          exitCode,
          signal,
          stderrTail,
          commandLine,
        }),
      );
    });
    try {
      cmd.run();
    } catch (err) {
      settle(new AppError('INTERNAL', `ffmpeg command "${inv.label}" could not be started: ${(err as Error).message}`));
    }
  });
}
