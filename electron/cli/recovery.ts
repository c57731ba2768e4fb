/**
 * `storyboard relink`, `storyboard backup` and `storyboard repair`: getting a project back
 * (shared/api/recovery.ts), through the contract like every command.
 *   relink <dir>                                   lists missing media per shot (original names)
 *   relink <dir> --asset <id> --file <path> [--yes]  points an asset at a file (--yes: other bytes)
 *   relink <dir> --search <folder>                 finds missing media by name and content hash
 *   backup <dir> --out <dir2>                      a copy while the project is open (backup API + media)
 *   repair <dir> [--out <dir2>]                    the repaired copy of a project refused as foreign
 */
import { resolve } from 'node:path';
import { createAppServices } from '../services/app.js';
import { call, withProject } from './client.js';
import { CliError } from './commands.js';

const str = (v: Record<string, unknown>, k: string): string | undefined =>
  typeof v[k] === 'string' ? (v[k] as string) : undefined;

export async function cmdRelink(dir: string, v: Record<string, unknown>): Promise<number> {
  const asset = str(v, 'asset');
  const file = str(v, 'file');
  const search = str(v, 'search');
  if ((asset === undefined) !== (file === undefined))
    throw new CliError('relink: --asset <id> and --file <path> go together');
  if (search !== undefined && asset !== undefined)
    throw new CliError('relink: use --asset/--file or --search, not both');
  return withProject(dir, async (services) => {
    if (asset !== undefined && file !== undefined) {
      const { result } = await call(services, 'media.relink', {
        assetId: asset,
        path: resolve(file),
        confirm: v.yes === true,
      });
      process.stdout.write(
        `${result.assetId} ${result.verified === 'hash' ? 'relinked (same content)' : 'relinked (confirmed)'}\n`,
      );
      return 0;
    }
    if (search !== undefined) {
      const r = await call(services, 'media.relinkFolder', { folder: resolve(search) });
      for (const x of r.relinked) process.stdout.write(`${x.assetId} relinked (same content)\n`);
      for (const c of r.candidates)
        process.stdout.write(
          `${c.assetId} candidate ${c.file} (other content: relink it with --asset ${c.assetId} --file <path> --yes)\n`,
        );
      for (const id of r.notFound) process.stdout.write(`${id} not found\n`);
      return r.candidates.length + r.notFound.length === 0 ? 0 : 1;
    }
    const missing = await call(services, 'media.missing', {});
    for (const m of missing) {
      const where = m.usedBy
        .map((u) => (u.shotNumber !== null ? `shot ${u.shotNumber} (${u.role})` : u.role))
        .join(', ');
      process.stdout.write(`${m.assetId}\t${m.originalName}\t${m.problem}\t${where}\n`);
    }
    return 0;
  });
}

export async function cmdBackup(dir: string, v: Record<string, unknown>): Promise<number> {
  const out = str(v, 'out');
  if (!out) throw new CliError('backup: --out <dir> is required');
  return withProject(dir, async (services) => {
    const copy = await call(services, 'project.saveCopy', { dir: resolve(out) });
    process.stdout.write(`${copy.dir}\n`);
    if (copy.skipped.length > 0)
      process.stderr.write(
        `${copy.skipped.length} media file(s) were missing and not copied: relink them in the copy.\n`,
      );
    return 0;
  });
}

export async function cmdRepair(dir: string, v: Record<string, unknown>): Promise<number> {
  const out = str(v, 'out');
  const services = createAppServices({ host: 'cli' });
  try {
    const snap = await call(services, 'project.openRepaired', {
      dir: resolve(dir),
      ...(out ? { copyDir: resolve(out) } : {}),
    });
    process.stdout.write(`${snap.dir}\n`);
    return 0;
  } finally {
    await services.close();
  }
}
