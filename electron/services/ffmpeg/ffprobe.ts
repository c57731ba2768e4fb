/**
 * ffprobe (and `ffmpeg -version`) as one-shot tools: run to their end with a time limit, or
 * streamed line by line; registered with the runner's processes, so a cancel or app quit stops
 * them. Part of the one ffmpeg runner (runner.ts re-exports all of it).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { AppError } from '../../../shared/errors.js';
import { StderrTail } from '../../../shared/ffmpeg/tail.js';
import { currentFfPaths, type FfPaths } from './binaries.js';
import { canceled, track, untrack, type Running } from './processes.js';

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
  track(entry);
  const onAbort = (): void => stop('canceled');
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  return {
    stop,
    reason: (): ToolStop | null => reason,
    release(): void {
      untrack(entry);
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
