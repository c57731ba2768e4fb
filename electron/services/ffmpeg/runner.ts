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
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { AppError } from '../../../shared/errors.js';
import { toCommandLine, type FfmpegInvocation } from '../../../shared/ffmpeg/invocation.js';
import { parseProgressLine } from '../../../shared/ffmpeg/progress.js';
import { StderrTail } from '../../../shared/ffmpeg/tail.js';
import { currentFfPaths, isExecutable, type FfPaths } from './binaries.js';
import { argvAsInvocation, buildFluentCommand, fluentArgv } from './fluentCommand.js';

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

interface Running {
  label: string;
  stop(): void;
}
const running = new Set<Running>();

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

type StopReason = 'canceled' | 'timeout' | 'mismatch';

function canceled(label: string): AppError {
  return new AppError('CANCELED', `${label} was canceled.`);
}

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
    running.add(entry);
    const onAbort = (): void => stop('canceled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = opts.timeoutMs !== undefined ? setTimeout(() => stop('timeout'), opts.timeoutMs) : null;

    const settle = (err: AppError | null): void => {
      running.delete(entry);
      opts.signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
      const pid = proc?.pid;
      if (err === null) {
        logger({ event: 'done', label: inv.label, commandLine, ...(pid !== undefined && { pid }) });
        resolve({ commandLine, stderrTail: tail.text() });
      } else {
        logger({
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
      logger({ event: 'start', label: inv.label, commandLine, ...(proc.pid !== undefined && { pid: proc.pid }) });
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

export interface RunToolOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  paths?: FfPaths;
}

/** Default ffprobe time limit: a healthy local file answers in well under a second. */
export const FFPROBE_TIMEOUT_MS = 30_000;
/** ffprobe's JSON for formats and streams is a few KiB; packets/frames of a long file are MiB. */
const MAX_BUFFER = 64 * 1024 * 1024;

type ToolStop = 'canceled' | 'timeout' | 'consumer';

/** Registers a tool process: a cancel (signal, abortAllFfmpeg) or the timeout kills it; release() undoes it. */
function guard(child: ChildProcess, label: string, opts: RunToolOptions, timeoutMs: number) {
  let reason: ToolStop | null = null;
  const stop = (why: ToolStop): void => {
    if (reason !== null) return;
    reason = why;
    child.kill('SIGKILL');
  };
  const entry: Running = { label, stop: () => stop('canceled') };
  running.add(entry);
  const onAbort = (): void => stop('canceled');
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  return {
    stop,
    reason: (): ToolStop | null => reason,
    release(): void {
      running.delete(entry);
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    },
  };
}

async function runTool(tool: 'ffmpeg' | 'ffprobe', args: string[], opts: RunToolOptions): Promise<string> {
  const paths = opts.paths ?? currentFfPaths();
  const binary = tool === 'ffmpeg' ? paths.ffmpeg : paths.ffprobe;
  const label = `${tool} ${args[args.length - 1] ?? ''}`.trim();
  if (opts.signal?.aborted) throw canceled(label);
  const timeoutMs = opts.timeoutMs ?? FFPROBE_TIMEOUT_MS;
  return new Promise<string>((resolve, reject) => {
    const child = execFile(
      binary,
      args,
      { encoding: 'utf8', maxBuffer: MAX_BUFFER, windowsHide: true },
      (err, stdout, stderr) => {
        g.release();
        if (g.reason() === 'canceled') return reject(canceled(label));
        if (g.reason() === 'timeout') {
          return reject(
            new AppError('MEDIA_TIMEOUT', `${tool} did not answer within ${timeoutMs / 1000} s and was stopped.`, {
              args,
            }),
          );
        }
        if (!err) return resolve(stdout);
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES') {
          return reject(
            new AppError('FFMPEG_MISSING', `${tool} could not be started (${binary}): ${err.message}`, {
              path: binary,
            }),
          );
        }
        const tail = new StderrTail(20);
        tail.pushText(stderr);
        const exitCode = typeof code === 'number' ? code : null;
        const why =
          code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
            ? 'printed more than 64 MiB'
            : `exited with code ${String(exitCode)}`;
        reject(
          new AppError('FFMPEG_FAILED', `${tool} ${why}.${tail.text() ? `\n${tail.text()}` : ''}`, {
            exitCode,
            stderrTail: tail.text(),
            args,
          }),
        );
      },
    );
    const g = guard(child, label, opts, timeoutMs);
  });
}

/**
 * Runs ffprobe with `args` and returns its stdout. Rejects with MEDIA_TIMEOUT (the process is
 * killed) after timeoutMs (default 30 s), CANCELED on abort, FFMPEG_FAILED with the stderr tail
 * on a non-zero exit, FFMPEG_MISSING when the binary can't start.
 */
export function runFfprobe(args: string[], opts: RunToolOptions = {}): Promise<string> {
  return runTool('ffprobe', args, opts);
}

export interface StreamToolOptions extends RunToolOptions {
  /**
   * Each piece of stdout as it arrives (UTF-8, never split inside a character). Return false to
   * stop: the process is killed and the run resolves with `stopped: true` (not an error).
   */
  onStdout(text: string): boolean | void;
}

/**
 * ffprobe in streaming mode: stdout goes to `onStdout` piece by piece and is never buffered
 * whole (a 10-hour clip's packet list is over 100 MB of JSON; runFfprobe's buffer would refuse
 * it). Same registry, timeout, cancel and errors as runFfprobe. Resolves `{ stopped }`.
 */
export function streamFfprobe(args: string[], opts: StreamToolOptions): Promise<{ stopped: boolean }> {
  const paths = opts.paths ?? currentFfPaths();
  const label = `ffprobe ${args[args.length - 1] ?? ''}`.trim();
  if (opts.signal?.aborted) return Promise.reject(canceled(label));
  const timeoutMs = opts.timeoutMs ?? FFPROBE_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let consumerError: unknown = null;
    const tail = new StderrTail(20);
    const child = spawn(paths.ffprobe, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const g = guard(child, label, opts, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      if (g.reason() !== null) return;
      try {
        if (opts.onStdout(text) === false) g.stop('consumer');
      } catch (err) {
        consumerError = err;
        g.stop('consumer');
      }
    });
    child.stderr.on('data', (text: string) => tail.pushText(text));
    let settled = false;
    const settle = (err: unknown, stopped = false): void => {
      if (settled) return;
      settled = true;
      g.release();
      if (err) reject(err);
      else resolve({ stopped });
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      settle(
        err.code === 'ENOENT' || err.code === 'EACCES'
          ? new AppError('FFMPEG_MISSING', `ffprobe could not be started (${paths.ffprobe}): ${err.message}`, {
              path: paths.ffprobe,
            })
          : err,
      );
    });
    child.on('close', (code) => {
      const reason = g.reason();
      if (reason === 'canceled') return settle(canceled(label));
      if (reason === 'timeout')
        return settle(
          new AppError('MEDIA_TIMEOUT', `ffprobe did not answer within ${timeoutMs / 1000} s and was stopped.`, {
            args,
          }),
        );
      if (reason === 'consumer') return settle(consumerError, true);
      if (code === 0) return settle(null);
      settle(
        new AppError(
          'FFMPEG_FAILED',
          `ffprobe exited with code ${String(code)}.${tail.text() ? `\n${tail.text()}` : ''}`,
          { exitCode: code, stderrTail: tail.text(), args },
        ),
      );
    });
  });
}

/** The ffmpeg version string, e.g. "5.1.9-0+deb12u1" (the first line of `ffmpeg -version`). */
export async function ffmpegVersion(paths?: FfPaths): Promise<string> {
  const out = await runTool('ffmpeg', ['-version'], { timeoutMs: 10_000, ...(paths && { paths }) });
  const m = /^ffmpeg version (\S+)/m.exec(out);
  if (!m?.[1])
    throw new AppError('FFMPEG_FAILED', `Could not read the ffmpeg version from: ${out.split('\n')[0] ?? ''}`);
  return m[1];
}
