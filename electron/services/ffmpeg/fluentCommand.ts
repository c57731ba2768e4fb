/**
 * Maps an FfmpegInvocation onto a fluent-ffmpeg command (fluent-ffmpeg is used only by the
 * runner; this file builds, runner.ts runs). fluent-ffmpeg 2.1.3 is archived upstream, so its
 * behaviour is fixed; what it does to an argument list (node_modules/fluent-ffmpeg/lib):
 *
 * 1. processor.js `_getArguments` orders: [input options, -i, source]..., global options,
 *    `-y` (whenever an output is a file), -filter_complex, output options, output. We put the
 *    invocation's global options in front of the FIRST input's options, so they come first as
 *    in toArgv(). fluent's own `-y` then sits after the last input; the invocation's `-y` (if
 *    any) is dropped so it is not doubled. `-y` is a global option and ffmpeg accepts global
 *    options at any position (fftools/cmdutils.c split_commandline files every non-per-file
 *    option into the global group), so the command means the same as toArgv(inv): the only
 *    difference is where `-y` stands. Consequence: every file output is overwritten; our
 *    builders always write to temp names anyway. fluentArgv() states the exact argv, a unit
 *    test runs it through a fake ffmpeg and compares, and the runner checks it again on every
 *    'start' event.
 * 2. options/custom.js inputOptions/outputOptions: given ONE argument (a string or one array),
 *    every string with exactly one space is split in two ("-opt value" compatibility). With
 *    two or more arguments nothing is split, so lists are always spread; a lone option that
 *    contains exactly one space cannot be passed unsplit and is refused.
 * 3. processor.js `_prepare` adds `-strict experimental` after `-acodec/-vcodec <encoder>` when
 *    the encoder is experimental. Builders use -c:a / -c:v, which it does not touch; the
 *    runner's start check catches it if that ever changes.
 */
import ffmpeg from 'fluent-ffmpeg';
import { AppError } from '../../../shared/errors.js';
import type { FfmpegInvocation } from '../../../shared/ffmpeg/invocation.js';

/** fluent-ffmpeg's rule (options/output.js): a target that starts with `proto:` is no file. */
function isFileOutput(target: string): boolean {
  return !/^([a-z]{2,}):/i.test(target);
}

/** The exact argv (without the binary) fluent-ffmpeg executes for `inv`. */
export function fluentArgv(inv: FfmpegInvocation): string[] {
  return [
    ...inv.globalOptions.filter((o) => o !== '-y'),
    ...inv.inputs.flatMap((i) => [...i.options, '-i', i.source]),
    ...(isFileOutput(inv.output) ? ['-y'] : []),
    ...(inv.filterComplex !== null ? ['-filter_complex', inv.filterComplex] : []),
    ...inv.outputOptions,
    inv.output,
    ...(inv.extraOutputs ?? []).flatMap((o) => [...o.options, o.output]),
  ];
}

/** The same argv as an invocation, so toCommandLine() can quote what really runs. */
export function argvAsInvocation(label: string, argv: string[]): FfmpegInvocation {
  return {
    label,
    globalOptions: argv.slice(0, -1),
    inputs: [],
    filterComplex: null,
    outputOptions: [],
    output: argv[argv.length - 1] ?? '',
    durationSec: null,
  };
}

function spreadable(options: string[], where: string, label: string): string[] {
  const [only] = options;
  if (options.length === 1 && only !== undefined && only.split(' ').length === 2) {
    throw new AppError(
      'INTERNAL',
      `ffmpeg command "${label}": the lone ${where} option "${only}" would be split at its space by fluent-ffmpeg.`,
    );
  }
  return options;
}

/** A fluent-ffmpeg command for `inv` (not started). Throws AppError('INTERNAL') on a shape fluent can't carry. */
export function buildFluentCommand(inv: FfmpegInvocation): ffmpeg.FfmpegCommand {
  if (inv.inputs.length === 0) throw new AppError('INTERNAL', `ffmpeg command "${inv.label}" has no input.`);
  if (inv.output === '') throw new AppError('INTERNAL', `ffmpeg command "${inv.label}" has no output.`);
  // An empty logger: fluent's default is silent too, but be explicit (no stdout noise in the CLI).
  const noop = (): void => {};
  const cmd = ffmpeg({ logger: { debug: noop, info: noop, warn: noop, error: noop }, stdoutLines: 100 });
  const globals = inv.globalOptions.filter((o) => o !== '-y');
  inv.inputs.forEach((input, index) => {
    cmd.input(input.source);
    const options = spreadable(index === 0 ? [...globals, ...input.options] : input.options, 'input', inv.label);
    if (options.length > 0) cmd.inputOptions(...options);
  });
  if (inv.filterComplex !== null) cmd.complexFilter(inv.filterComplex);
  const out = spreadable(inv.outputOptions, 'output', inv.label);
  if (out.length > 0) cmd.outputOptions(...out);
  cmd.output(inv.output);
  // fluent's output(target) opens a new current output once the first has its target, and
  // outputOptions() then apply to it: so each further output is named first, then given its options.
  for (const extra of inv.extraOutputs ?? []) {
    cmd.output(extra.output);
    const opts = spreadable(extra.options, 'output', inv.label);
    if (opts.length > 0) cmd.outputOptions(...opts);
  }
  return cmd;
}
