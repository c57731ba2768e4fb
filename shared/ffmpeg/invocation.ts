/**
 * An ffmpeg command as data. Pure builders in shared/ produce it; the one runner
 * (electron/services/ffmpeg/runner.ts) executes it. Keeping inputs, the filter graph and
 * output options apart lets the runner map it onto any process library (fluent-ffmpeg
 * today) without re-parsing a flat argv, and lets tests check the exact argument order.
 */
export interface FfmpegInput {
  /** Options that apply to this input and precede its -i (e.g. -ss, -t, -loop, -f lavfi). */
  options: string[];
  /** A file path (passed as one argv element, never through a shell) or a lavfi graph. */
  source: string;
}

/** A further output of the same run: its options, then its file (one encoder per output). */
export interface FfmpegOutput {
  options: string[];
  output: string;
}

export interface FfmpegInvocation {
  /** What this is, for logs and error messages ("export", "animatic shot 3"). */
  label: string;
  /** Global options placed before the inputs (-hide_banner, -nostdin, -y ...). */
  globalOptions: string[];
  inputs: FfmpegInput[];
  /** A -filter_complex graph, or null. */
  filterComplex: string | null;
  outputOptions: string[];
  output: string;
  /** More outputs after the first, each with its own options (one decode feeding several encodes). */
  extraOutputs?: FfmpegOutput[];
  /** Expected output duration in seconds, so the runner can turn time= into 0..1 progress. */
  durationSec: number | null;
}

/** The exact argv the runner executes (without the binary), for logs, tests and baselines. */
export function toArgv(inv: FfmpegInvocation): string[] {
  return [
    ...inv.globalOptions,
    ...inv.inputs.flatMap((i) => [...i.options, '-i', i.source]),
    ...(inv.filterComplex !== null ? ['-filter_complex', inv.filterComplex] : []),
    ...inv.outputOptions,
    inv.output,
    ...(inv.extraOutputs ?? []).flatMap((o) => [...o.options, o.output]),
  ];
}

/** A copy-pasteable POSIX command line for logs (reproducibility, codebases.md §11). */
export function toCommandLine(binary: string, inv: FfmpegInvocation): string {
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return [binary, ...toArgv(inv)].map(quote).join(' ');
}
