/**
 * Defect 6 (MEDIA-4): a project's missing media file was named by its internal hash path and
 * nothing could point the asset at a file again. Now: the missing media is listed per shot by
 * the name the user imported; relink by file (same bytes: verified by hash; other bytes:
 * refused with how they differ, then accepted with --yes), or by searching a folder by name and
 * content hash. CLI and contract both.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { cfrClip } from '../../helpers/media.js';
import { call, closeServices, services } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir('sb relink-');
const project = join(root, 'film');
const original = join(root, 'my take 镜头.mp4');
let assetId = '';
let storedFile = '';

beforeAll(async () => {
  ensureBuilt();
  copyFileSync(cfrClip(), original);
  const s = services();
  await call(s, 'project.create', { dir: project, name: 'Relink', fps: '25', resolution: '720p' });
  const { snapshot } = await call(s, 'shots.add', { videoPath: original });
  assetId = snapshot.assets[0]!.id;
  storedFile = join(project, ...snapshot.assets[0]!.path.split('/'));
  await closeServices(s);
});

const cli = (args: string[]) => runCli(args, process.env);

describe('relink', () => {
  it('lists missing media per shot by its original name, and export names it the same way', async () => {
    rmSync(storedFile);
    const list = await cli(['relink', project]);
    expect(list.status).toBe(0);
    expect(list.stdout).toBe(`${assetId}\tmy take 镜头.mp4\tmissing\tshot 1 (take)\n`);
    const exp = await cli(['export', project, '--out', join(root, 'cut.mp4')]);
    expect(exp.status).toBe(1);
    expect(exp.stderr).toContain('"my take 镜头.mp4"');
    expect(exp.stderr).not.toContain(assetId);
  });

  it('relinks the same file (verified by hash), then the project exports', async () => {
    const run = await cli(['relink', project, '--asset', assetId, '--file', original]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${assetId} relinked (same content)\n`);
    expect((await cli(['relink', project])).stdout).toBe('');
    expect((await cli(['export', project, '--out', join(root, 'cut.mp4'), '--quality', 'draft'])).status).toBe(0);
  });

  it('refuses a file with other bytes until confirmed with --yes', async () => {
    rmSync(storedFile);
    const other = join(root, 'reencoded.mp4');
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      original,
      '-c:v',
      'libx264',
      '-crf',
      '35',
      '-c:a',
      'copy',
      other,
    ]);
    const refused = await cli(['relink', project, '--asset', assetId, '--file', other]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('"reencoded.mp4" is not the file "my take 镜头.mp4" was (its content differs');
    const confirmed = await cli(['relink', project, '--asset', assetId, '--file', other, '--yes']);
    expect(confirmed.stdout).toBe(`${assetId} relinked (confirmed)\n`);
    expect((await cli(['relink', project])).stdout).toBe('');
  });

  it('finds a moved file by content hash when searching a folder, whatever its name', async () => {
    const s = services();
    await call(s, 'project.open', { dir: project });
    const snap = await call(s, 'project.current', {});
    rmSync(join(project, ...snap!.assets[0]!.path.split('/')));
    const missing = await call(s, 'media.missing', {});
    expect(missing).toEqual([
      expect.objectContaining({
        assetId,
        originalName: 'my take 镜头.mp4',
        usedBy: [{ shotId: snap!.shots[0]!.id, shotNumber: 1, role: 'take' }],
      }),
    ]);
    await closeServices(s);
    const folder = join(root, 'found', 'deep');
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(root, 'reencoded.mp4'), join(folder, 'renamed.mp4'));
    const run = await cli(['relink', project, '--search', join(root, 'found')]);
    expect(run.stdout).toBe(`${assetId} relinked (same content)\n`);
    expect(run.status).toBe(0);
  });
});
