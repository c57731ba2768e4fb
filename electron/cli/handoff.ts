/**
 * Hand-off commands: `export --format fcpxml|otio|edl|mlt|jianying|pdf` (the MP4 export stays
 * in run.ts), `collect` and `conform`. Formats join run.ts's EXPORT_FORMATS table, one row each.
 */
import { resolve } from 'node:path';
import { HANDOFF_FORMATS, type HandoffFormat } from '../../shared/api/handoff.js';
import { call, withProject } from './client.js';
import { CliError } from './commands.js';

/** Formats `export --format` takes besides mp4 (the video export), each handled by one function. */
export const HANDOFF_EXPORT_FORMATS: Record<string, (dir: string, outPath: string) => Promise<number>> =
  Object.fromEntries(
    HANDOFF_FORMATS.map((format: HandoffFormat) => [
      format,
      (dir: string, outPath: string) => exportHandoff(dir, format, outPath),
    ]),
  );

async function exportHandoff(dir: string, format: HandoffFormat, outPath: string): Promise<number> {
  return withProject(dir, async (services) => {
    const r = await call(services, 'handoff.export', { format, outPath: resolve(outPath) });
    process.stdout.write(`${r.outPath}\n`);
    return 0;
  });
}

export async function cmdCollect(dir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.out !== 'string' || !v.out) throw new CliError('collect: --out <zip> is required');
  return withProject(dir, async (services) => {
    const r = await call(services, 'handoff.collect', {
      outPath: resolve(v.out as string),
      cutOnly: v['cut-only'] === true,
    });
    process.stdout.write(`${r.outPath}\n`);
    process.stderr.write(
      `Collected project.db and ${r.mediaFiles} media file${r.mediaFiles === 1 ? '' : 's'} (${(r.bytes / 1e6).toFixed(1)} MB)\n`,
    );
    return 0;
  });
}

export async function cmdConform(dir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.from !== 'string' || !v.from) throw new CliError('conform: --from <file.otio|file.fcpxml> is required');
  return withProject(dir, async (services) => {
    const { report } = await call(services, 'handoff.conform', { path: resolve(v.from as string) });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(
      `Matched ${report.matched} shot${report.matched === 1 ? '' : 's'}, ${report.trimmed} trim${report.trimmed === 1 ? '' : 's'} changed${report.moved ? ', order changed' : ''}; ${report.unmatched.length} not matched (one undo step)\n`,
    );
    return 0;
  });
}
