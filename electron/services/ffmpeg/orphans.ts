/**
 * ffmpeg left running after our process died (quality.md MEDIA-1 "no orphan ffmpeg").
 *
 * Measured here (Debian ffmpeg 5.1.9, Node 20, stdio pipes as fluent-ffmpeg and execFile set
 * them up): after `kill -9` of the Node parent, ffmpeg does NOT die. It ignores SIGPIPE
 * (/proc/<pid>/status SigIgn has bit 13 set; fftools/ffmpeg.c term_init calls
 * signal(SIGPIPE, SIG_IGN)), so its next stats write to the dead stderr pipe just fails with
 * EPIPE and it carries on encoding to the end. Same with -nostdin, and with
 * -nostats -loglevel error (then it writes nothing at all). It was still running 6 s later in
 * every variant. Electron users report the same (https://github.com/electron/electron/issues/24520,
 * https://github.com/heygen-com/hyperframes/issues/1038).
 *
 * So the export records ffmpeg's pid and its temp output path when it starts (runFfmpeg's
 * onSpawn), and the sweeper on the next start calls killStaleFfmpeg(pid, tempPath). The temp
 * path check guards against pid reuse: we only kill a process whose command line names our
 * temp file. A run killed between ffmpeg's spawn and the record of its pid (a few ms) left no
 * pid: findOurFfmpeg looks for it by the temp path alone.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function commandLineOf(pid: number): string[] | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (process.platform === 'linux') {
    try {
      // NUL-separated argv; empty for a zombie (already dead, waiting to be reaped).
      const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return raw === '' ? null : raw.replace(/\0$/, '').split('\0');
    } catch {
      return null;
    }
  }
  if (process.platform === 'darwin') {
    try {
      const out = execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).trim();
      return out === '' ? null : [out];
    } catch {
      return null;
    }
  }
  // Windows: no cheap, dependable way to read another process's arguments; never kill blindly.
  return null;
}

function namesOurTemp(argv: readonly string[] | null, tempPath: string): boolean {
  if (!argv || tempPath === '') return false;
  const exe = (argv[0] ?? '').split(/[\\/]/).pop() ?? '';
  const isFfmpeg = exe.startsWith('ffmpeg') || argv.length === 1; // ps gives one string on macOS
  return isFfmpeg && argv.some((a) => a.includes(tempPath));
}

/** True when `pid` is alive and is an ffmpeg whose arguments mention `tempPath`. */
export function isOurFfmpegRunning(pid: number, tempPath: string): boolean {
  return namesOurTemp(commandLineOf(pid), tempPath);
}

/** Every process with its command line (Linux: /proc; macOS: one `ps`); none on Windows. */
function processes(): { pid: number; argv: string[] | null }[] {
  if (process.platform === 'linux') {
    const pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
    return pids.map(Number).map((pid) => ({ pid, argv: commandLineOf(pid) }));
  }
  if (process.platform === 'darwin') {
    try {
      const out = execFileSync('ps', ['-A', '-o', 'pid=,command='], { encoding: 'utf8', maxBuffer: 1 << 24 });
      return out
        .split('\n')
        .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ pid: Number(m[1]), argv: [m[2] ?? ''] }));
    } catch {
      return [];
    }
  }
  return [];
}

/**
 * The pid of a running ffmpeg of ours writing `tempPath`, found without a recorded pid. On Linux
 * an argument must BE the path (not contain it): the caller passes only our temp names, and a
 * stored path is data from a possibly hostile project (a short one must not match everyone's).
 */
export function findOurFfmpeg(tempPath: string): number | null {
  if (tempPath === '') return null;
  const exact = (argv: string[] | null): boolean => argv?.length === 1 || (argv ?? []).includes(tempPath);
  return processes().find((p) => p.pid !== process.pid && exact(p.argv) && namesOurTemp(p.argv, tempPath))?.pid ?? null;
}

/**
 * True while `pid` has not finished exiting. A SIGKILLed process first loses its command line
 * (its memory is released) and only then becomes a zombie, so an empty cmdline is not yet
 * "gone": on Linux read the state (Z = exited, waiting for its reaper); elsewhere signal 0.
 */
function stillExiting(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      const st = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return st !== undefined && st !== 'Z' && st !== 'X';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills a leftover ffmpeg of ours (see isOurFfmpegRunning) and waits up to 5 s for it to have
 * exited (zombie or gone), so the caller can delete its temp file knowing nothing writes it.
 * Returns true when one was found and killed.
 */
export async function killStaleFfmpeg(pid: number, tempPath: string): Promise<boolean> {
  if (!isOurFfmpegRunning(pid, tempPath)) return false;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return false;
  }
  const until = Date.now() + 5000;
  while (stillExiting(pid) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}
