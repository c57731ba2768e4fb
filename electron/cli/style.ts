/**
 * `storyboard style <dir> [--prompt <text>] [--image <file>]... [--no-images]`: sets the
 * project's style (each given part replaces that part, as one undo step) and prints the
 * result as JSON. With no option it only prints the current style.
 */
import { join, resolve } from 'node:path';
import { MAX_STYLE_PICTURES } from '../../shared/api/style.js';
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import { call, withProject } from './client.js';
import { CliError } from './commands.js';

export function styleInfo(snap: ProjectSnapshot) {
  return {
    stylePrompt: snap.project.stylePrompt,
    pictures: snap.project.styleRefAssetIds.map((assetId) => {
      const asset = snap.assets.find((a) => a.id === assetId);
      return { assetId, name: asset?.originalName ?? null, path: asset ? join(snap.dir, asset.path) : null };
    }),
  };
}

export async function cmdStyle(dir: string, v: Record<string, unknown>): Promise<number> {
  const images = Array.isArray(v.image) ? (v.image as string[]) : [];
  if (images.length && v['no-images']) throw new CliError('style: --image and --no-images cannot be used together');
  if (images.length > MAX_STYLE_PICTURES)
    throw new CliError(`style: at most ${MAX_STYLE_PICTURES} --image (got ${images.length})`);
  if (typeof v.prompt === 'string' && v.prompt.length > 20_000)
    throw new CliError('style: --prompt is longer than 20000 characters');
  const setPictures = images.length > 0 || v['no-images'] === true;
  return withProject(dir, async (services) => {
    let snap = await call(services, 'project.current', {});
    if (typeof v.prompt === 'string' || setPictures) {
      snap = await call(services, 'project.setStyle', {
        ...(typeof v.prompt === 'string' ? { stylePrompt: v.prompt } : {}),
        ...(setPictures ? { pictures: images.map((p) => ({ path: resolve(p) })) } : {}),
      });
    }
    if (!snap) throw new CliError('style: no project open', 1);
    process.stdout.write(`${JSON.stringify(styleInfo(snap), null, 2)}\n`);
    return 0;
  });
}
