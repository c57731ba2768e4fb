import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fluentArgv, buildFluentCommand } from '../../../electron/services/ffmpeg/fluentCommand.js';
import { runFfmpeg } from '../../../electron/services/ffmpeg/runner.js';
import { AppError } from '../../../shared/errors.js';
import { toArgv, type FfmpegInvocation } from '../../../shared/ffmpeg/invocation.js';
import { tempDir } from '../../helpers/tmp.js';

const dir = tempDir();
const argvFile = join(dir, 'argv.bin');

/**
 * A stand-in ffmpeg that records the argv it was started with (NUL-separated, so spaces,
 * quotes and Unicode survive) and prints what the test asks for. fluent-ffmpeg also asks the
 * binary for `-formats` / `-encoders` before a run; those go to the real ffmpeg.
 */
function fakeFfmpeg(body: string): string {
  const file = join(dir, `fake ffmpeg ${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(
    file,
    `#!/bin/sh
case "$1" in -formats|-encoders) exec "\${REAL_FFMPEG:-ffmpeg}" "$@";; esac
printf '%s\\0' "$@" > '${argvFile}'
${body}
`,
  );
  chmodSync(file, 0o755);
  return file;
}
const recordedArgv = (): string[] => readFileSync(argvFile, 'utf8').replace(/\0$/, '').split('\0');
const paths = (ffmpeg: string) => ({ ffmpeg, ffprobe: 'ffprobe', source: 'setting' as const });

const tricky: FfmpegInvocation = {
  label: 'export "镜头" 1',
  globalOptions: ['-hide_banner', '-nostdin', '-y', '-loglevel', 'info'],
  inputs: [
    { options: ['-f', 'lavfi'], source: 'testsrc2=size=320x240:rate=25:duration=1' },
    { options: ['-ss', '0.5', '-t', '1'], source: "/tmp/镜头 'a' 100% b.mp4" },
    { options: [], source: '/tmp/no options.png' },
  ],
  filterComplex: '[0:v][1:v]overlay=x=10:y=10[v];[1:a]volume=0.5 [a]',
  outputOptions: ['-map', '[v]', '-map', '[a]', '-metadata', 'title=two words', '-c:v', 'libx264'],
  output: '/tmp/out dir/.tmp-1 final.mp4',
  durationSec: 1,
};

describe('fluentArgv', () => {
  it('equals toArgv except that -y stands after the last input', () => {
    const argv = fluentArgv(tricky);
    const withoutY = (a: string[]) => a.filter((x) => x !== '-y');
    expect(withoutY(argv)).toEqual(withoutY(toArgv(tricky)));
    expect(argv.filter((x) => x === '-y')).toHaveLength(1);
    expect(argv.indexOf('-y')).toBe(argv.indexOf('/tmp/no options.png') + 1);
  });

  it('adds -y even when the invocation has none, and none for a protocol output', () => {
    const noY = { ...tricky, globalOptions: ['-hide_banner'] };
    expect(fluentArgv(noY)).toContain('-y');
    expect(fluentArgv({ ...noY, output: 'pipe:1' })).not.toContain('-y');
  });
});

describe('buildFluentCommand', () => {
  it('refuses a lone option that fluent-ffmpeg would split at its space', () => {
    const inv: FfmpegInvocation = { ...tricky, globalOptions: [], inputs: [{ options: ['-x y'], source: 'a.mp4' }] };
    expect(() => buildFluentCommand(inv)).toThrow(AppError);
    const out: FfmpegInvocation = { ...tricky, outputOptions: ['title=two words'] };
    expect(() => buildFluentCommand(out)).toThrow(/split/);
  });

  it('accepts lone options without exactly one space and refuses an invocation without input', () => {
    expect(() =>
      buildFluentCommand({
        ...tricky,
        globalOptions: [],
        inputs: [{ options: ['-re'], source: 'a.mp4' }],
        outputOptions: ['-an'],
      }),
    ).not.toThrow();
    expect(() => buildFluentCommand({ ...tricky, inputs: [] })).toThrow(AppError);
  });
});

describe('runFfmpeg through fluent-ffmpeg (fake binary)', () => {
  it('executes exactly fluentArgv(inv): nothing split, added or reordered', async () => {
    const fake = fakeFfmpeg('exit 0');
    const result = await runFfmpeg(tricky, { paths: paths(fake) });
    expect(recordedArgv()).toEqual(fluentArgv(tricky));
    // The logged command line quotes what really ran, starting with the binary.
    expect(result.commandLine.startsWith(`'${fake}' -hide_banner -nostdin -loglevel info -f lavfi`)).toBe(true);
    expect(result.commandLine).toContain(`'/tmp/镜头 '\\''a'\\'' 100% b.mp4'`);
  });

  it('keeps a single-element input option list intact', async () => {
    const fake = fakeFfmpeg('exit 0');
    const inv: FfmpegInvocation = {
      ...tricky,
      globalOptions: [],
      inputs: [{ options: ['-re'], source: '/tmp/a b.mp4' }],
      filterComplex: null,
      outputOptions: ['-an'],
    };
    await runFfmpeg(inv, { paths: paths(fake) });
    expect(recordedArgv()).toEqual(['-re', '-i', '/tmp/a b.mp4', '-y', '-an', tricky.output]);
  });

  it('reports a failure with the label, the exit code and the last stderr lines, without stats lines', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `echo "detail line ${i}" >&2`).join('\n');
    const fake = fakeFfmpeg(
      `${lines}\nprintf 'frame=    5 fps=0.0 q=0.0 size=       0kB time=00:00:00.20 bitrate=N/A speed=1x    \\r' >&2\necho "Conversion failed!" >&2\nexit 3`,
    );
    const err = await runFfmpeg(tricky, { paths: paths(fake) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('FFMPEG_FAILED');
    expect(e.message).toContain('export "镜头" 1');
    expect(e.message).toContain('exited with code 3');
    expect(e.message).toContain('Conversion failed!');
    expect(e.message).toContain('detail line 29');
    expect(e.message).not.toContain('detail line 5\n'); // only the last 20 lines
    expect(e.message).not.toContain('frame=');
    expect(e.details?.exitCode).toBe(3);
  });

  it('turns stats lines into rising progress', async () => {
    const stats = [0.25, 0.5, 0.4, 1.5]
      .map(
        (s) =>
          `printf 'frame=   10 fps=0.0 q=0.0 size=       1kB time=00:00:0${s.toFixed(2)} bitrate=N/A speed=1x    \\r' >&2`,
      )
      .join('\n');
    const fake = fakeFfmpeg(`${stats}\nexit 0`);
    const seen: number[] = [];
    await runFfmpeg({ ...tricky, durationSec: 1 }, { paths: paths(fake), onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([0.25, 0.5, 1]); // 0.4 would go backwards; 1.5 s is clamped
  });

  it('rejects CANCELED without starting when the signal is already aborted', async () => {
    const fake = fakeFfmpeg('exit 0');
    writeFileSync(argvFile, 'untouched');
    const err = await runFfmpeg(tricky, { paths: paths(fake), signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('CANCELED');
    expect(readFileSync(argvFile, 'utf8')).toBe('untouched');
  });

  it('reports a missing binary as FFMPEG_MISSING', async () => {
    const err = await runFfmpeg(tricky, { paths: paths(join(dir, 'no such ffmpeg')) }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('FFMPEG_MISSING');
  });
});
