/**
 * `storyboard export` with deliverables: `--preset <name>`... `--aspect <ratio>`... `--codec`
 * `--loudness`, or `--out` naming a folder. One run makes every file; progress per deliverable
 * on stderr; the finished paths, then one line per deliverable with its loudness, on stdout.
 * Ctrl+C cancels cleanly (nothing is left at any target).
 */
import { resolve } from 'node:path';
import type { DeliveryProgress } from '../../shared/api/delivery.js';
import { VIDEO_CODECS, LOUDNESS_MAX, LOUDNESS_MIN, type VideoCodec } from '../../shared/export/deliverable.js';
import { ASPECTS, QUALITIES, type Aspect } from '../../shared/model/format.js';
import { CliError } from './commands.js';
import { call, withProject } from './client.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** True when the export asks for deliverables rather than the single project-aspect file. */
export function wantsDeliverables(v: Record<string, unknown>): boolean {
  const out = typeof v.out === 'string' ? v.out : '';
  // --format srt/vtt/...: a sidecar file, not a video (the dialogue's export formats).
  if (v.format !== undefined && v.format !== 'mp4') return false;
  return (
    list(v.preset).length > 0 ||
    list(v.aspect).length > 0 ||
    v.codec !== undefined ||
    v.loudness !== undefined ||
    (out !== '' && !/\.(mp4|mov)$/i.test(out))
  );
}

/**
 * LUFS targets are negative; `--loudness 14` means -14 (node's parseArgs takes `--loudness -14`
 * for a missing value: write `--loudness=-14` or the positive number).
 */
function parseLoudness(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const raw = Number(value);
  const n = raw > 0 ? -raw : raw;
  if (!Number.isFinite(n) || n < LOUDNESS_MIN || n > LOUDNESS_MAX) {
    throw new CliError(
      `--loudness must be a target in LUFS from ${LOUDNESS_MIN} to ${LOUDNESS_MAX} (got "${String(value)}")`,
    );
  }
  return n;
}

export async function cmdDeliver(dir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.out !== 'string' || !v.out) throw new CliError('export: --out <file-or-folder> is required');
  if (v.subtitles !== undefined && v.subtitles !== 'none') {
    throw new CliError(
      "export: --subtitles burn makes one file at the project's aspect: leave out --preset/--aspect/--codec/--loudness, or the subtitles",
    );
  }
  const aspects = list(v.aspect).map((a) => {
    if (!ASPECTS.includes(a as Aspect))
      throw new CliError(`--aspect must be one of ${ASPECTS.join(', ')} (got "${a}")`);
    return a as Aspect;
  });
  if (v.codec !== undefined && !VIDEO_CODECS.includes(v.codec as VideoCodec)) {
    throw new CliError(`--codec must be one of ${VIDEO_CODECS.join(', ')} (got "${String(v.codec)}")`);
  }
  const quality = v.quality ?? 'standard';
  if (!(QUALITIES as readonly string[]).includes(String(quality)))
    throw new CliError(`--quality must be one of ${QUALITIES.join(', ')} (got "${String(quality)}")`);
  const loudnessLufs = parseLoudness(v.loudness);
  return withProject(dir, async (services) => {
    let finish: (p: DeliveryProgress) => void = () => {};
    const finished = new Promise<DeliveryProgress>((r) => (finish = r));
    const shown = new Map<string, number>();
    const off = services.on('delivery.progress', (p) => {
      for (const d of p.deliverables) {
        const pct = Math.floor(d.progress * 100);
        const last = shown.get(d.id) ?? -1;
        if (pct >= last + 25 || (d.state !== 'running' && d.state !== 'queued' && last < 100)) {
          process.stderr.write(
            `export ${d.id} ${pct}%${d.state === 'running' || d.state === 'queued' ? '' : ` ${d.state}`}\n`,
          );
          shown.set(d.id, d.state === 'succeeded' ? 100 : pct);
        }
      }
      if (p.state !== 'running') finish(p);
    });
    let runId: string | null = null;
    const onSignal = (): void => {
      if (runId) void call(services, 'delivery.cancel', { runId }).catch(() => {});
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      ({ runId } = await call(services, 'delivery.start', {
        out: resolve(v.out as string),
        presets: list(v.preset),
        aspects,
        ...(v.codec !== undefined ? { codec: v.codec as VideoCodec } : {}),
        ...(loudnessLufs !== undefined ? { loudnessLufs } : {}),
        quality: quality as 'draft' | 'standard' | 'high',
      }));
      const result = await finished;
      if (result.state !== 'succeeded' || !result.report) {
        throw new CliError(
          result.state === 'canceled' ? 'export canceled' : `export failed: ${result.error ?? 'unknown error'}`,
          1,
        );
      }
      for (const d of result.report.deliverables) process.stdout.write(`${d.outPath}\n`);
      for (const d of result.report.deliverables) {
        const l = d.loudness;
        const loud = !l
          ? 'loudness untouched'
          : l.mode === 'silent'
            ? 'silent: not normalised'
            : `loudness ${l.targetLufs} LUFS (${l.mode}): measured ${l.input?.integrated.toFixed(1) ?? '?'} LUFS / ${l.input?.truePeak.toFixed(1) ?? '?'} dBTP -> ${l.outputIntegrated?.toFixed(1) ?? '?'} LUFS / ${l.outputTruePeak?.toFixed(1) ?? '?'} dBTP`;
        process.stderr.write(
          `${d.id}: ${d.width}x${d.height} ${d.codec}, ${d.frames} frames, segments ${d.segmentsReused} reused / ${d.segmentsEncoded} encoded, ${loud}${d.labelShown ? ', AI label shown' : ''}, C2PA ${d.c2pa}\n`,
        );
      }
      for (const note of result.report.notes) process.stderr.write(`note: ${note}\n`);
      return 0;
    } finally {
      off();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}
