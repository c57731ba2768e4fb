/**
 * Two-pass EBU R128 loudness: pass 1 measures the cut's mix once with the ebur128 filter
 * (integrated loudness, its gate threshold, loudness range, true peak;
 * https://ffmpeg.org/ffmpeg-filters.html#ebur128 — measured here at ~1/7 of the CPU of a
 * loudnorm measuring pass: 0.18 s vs 1.21 s for 24 s of stereo); pass 2 applies a
 * deliverable's target: one linear gain when it keeps the true peak under the ceiling (what
 * loudnorm's linear mode does, as a plain volume filter), else loudnorm with the measured
 * values, whose true-peak limiter holds the ceiling (https://ffmpeg.org/ffmpeg-filters.html#loudnorm).
 * Pure: filter text and report parsing.
 */
import { OUTPUT_SAMPLE_RATE } from './presets.js';

/**
 * The true-peak ceiling asked of loudnorm. Deliverables promise <= -1 dBTP (EBU R128 s1 and
 * the streaming platforms' -1 dBTP); AAC encoding adds up to ~0.5 dB of inter-sample peaks,
 * so the filter aims half a dB lower.
 */
export const TRUE_PEAK_CEILING = -1.5;

/** What pass 1 measured (loudnorm's input_* values). */
export interface LoudnessMeasurement {
  integrated: number;
  truePeak: number;
  range: number;
  threshold: number;
}

/** What pass 2 reported for one deliverable (loudnorm's output_* values, before encoding). */
export interface LoudnessResult {
  targetLufs: number;
  /** 'linear' (one gain), 'dynamic' (the limiter worked), 'silent' (nothing to normalise). */
  mode: 'linear' | 'dynamic' | 'silent';
  input: LoudnessMeasurement | null;
  outputIntegrated: number | null;
  outputTruePeak: number | null;
}

/**
 * The measuring filter: its summary goes to stderr when the graph closes; framelog=verbose keeps
 * the ten lines a second it would otherwise print out of the log.
 */
export function measureFilter(): string {
  return 'ebur128=peak=true:framelog=verbose';
}

/** The last ebur128 summary in stderr text (Integrated I and threshold, LRA, true peak), or null. */
export function parseEbur128Summary(stderr: string): LoudnessMeasurement | null {
  const at = stderr.lastIndexOf('Summary:');
  if (at < 0) return null;
  const text = stderr.slice(at);
  const num = (re: RegExp): number => {
    const m = re.exec(text);
    if (!m?.[1]) return Number.NaN;
    return /inf/i.test(m[1])
      ? m[1].startsWith('-')
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY
      : Number(m[1]);
  };
  const m = {
    integrated: num(/Integrated loudness:\s*I:\s*(-?inf|-?[\d.]+) LUFS/),
    threshold: num(/Integrated loudness:\s*I:[^\n]*\n\s*Threshold:\s*(-?inf|-?[\d.]+) LUFS/),
    range: num(/LRA:\s*(-?[\d.]+) LU/),
    truePeak: num(/True peak:\s*Peak:\s*(-?inf|-?[\d.]+) dBFS/),
  };
  return Number.isNaN(m.integrated) || Number.isNaN(m.truePeak) ? null : m;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const fixed = (v: number): string => v.toFixed(2);

/** Below the R128 absolute gate (-70 LUFS) there is nothing to measure: silence. */
export function isSilent(m: LoudnessMeasurement | null): boolean {
  return m === null || !Number.isFinite(m.integrated) || m.integrated <= -70;
}

/**
 * Pass 2 for `targetLufs`, ending at 48 kHz (loudnorm works at 192 kHz in dynamic mode). The
 * target range is at least the measured one, or loudnorm would fall back to dynamic mode to
 * squeeze it (loudnorm ranges: LRA 1..20 in ffmpeg 5.1, measured values clamped to theirs).
 * Null for silence: a gain on silence is meaningless (and loudnorm refuses -inf).
 */
export function applyFilter(m: LoudnessMeasurement | null, targetLufs: number): string | null {
  if (m === null || isSilent(m)) return null;
  const gain = linearGain(m, targetLufs);
  if (gain !== null) return `volume=${fixed(gain)}dB`;
  const lra = clamp(Math.ceil(Math.max(11, m.range + 1)), 1, 20);
  return (
    [
      `loudnorm=I=${fixed(targetLufs)}`,
      `TP=${fixed(TRUE_PEAK_CEILING)}`,
      `LRA=${lra}`,
      `measured_I=${fixed(clamp(m.integrated, -99, 0))}`,
      `measured_TP=${fixed(clamp(m.truePeak, -99, 99))}`,
      `measured_LRA=${fixed(clamp(m.range, 0, 99))}`,
      `measured_thresh=${fixed(clamp(m.threshold, -99, 0))}`,
      'linear=true',
      'print_format=json',
    ].join(':') + `,aresample=${OUTPUT_SAMPLE_RATE}`
  );
}

/** The one gain reaching the target, when the true peak stays under the ceiling with it; else null. */
export function linearGain(m: LoudnessMeasurement, targetLufs: number): number | null {
  const gain = targetLufs - m.integrated;
  return Number.isFinite(gain) && m.truePeak + gain <= TRUE_PEAK_CEILING ? gain : null;
}

/** loudnorm's JSON reports in stderr text, in the order printed. */
export function parseLoudnormReports(stderr: string): Record<string, string>[] {
  const reports: Record<string, string>[] = [];
  const re = /\{[^{}]*"input_i"[^{}]*\}/g;
  for (const m of stderr.matchAll(re)) {
    try {
      const obj = JSON.parse(m[0]) as Record<string, unknown>;
      reports.push(Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, String(v)])));
    } catch {
      // Not loudnorm's JSON after all: skip it.
    }
  }
  return reports;
}

/** "-inf" and "inf" are what loudnorm prints for silence. */
function value(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  if (/^-inf/i.test(text.trim())) return Number.NEGATIVE_INFINITY;
  if (/^\+?inf/i.test(text.trim())) return Number.POSITIVE_INFINITY;
  return Number(text);
}

export function resultOf(
  targetLufs: number,
  input: LoudnessMeasurement | null,
  report: Record<string, string> | undefined,
): LoudnessResult {
  if (input === null || isSilent(input))
    return { targetLufs, mode: 'silent', input, outputIntegrated: null, outputTruePeak: null };
  const gain = linearGain(input, targetLufs);
  if (gain !== null) {
    const r2 = (v: number): number => Math.round(v * 100) / 100;
    return {
      targetLufs,
      mode: 'linear',
      input,
      outputIntegrated: r2(input.integrated + gain),
      outputTruePeak: r2(input.truePeak + gain),
    };
  }
  const type = report?.normalization_type ?? '';
  return {
    targetLufs,
    mode: /linear/i.test(type) ? 'linear' : 'dynamic',
    input,
    outputIntegrated: report ? value(report.output_i) : null,
    outputTruePeak: report ? value(report.output_tp) : null,
  };
}
