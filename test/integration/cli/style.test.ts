/**
 * `storyboard style` through the BUILT CLI: sets the prompt and the pictures (each given part
 * replaces that part), prints the result as JSON, is stored in the project, and usage errors
 * exit 2 with nothing written.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { jpegImage, pngImage, REAL_CLIPS } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const env = { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config') };
const cli = (args: string[]) => runCli(args, env);

async function ok(args: string[]): Promise<string> {
  const r = await cli(args);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

interface StyleOut {
  stylePrompt: string;
  pictures: { assetId: string; name: string | null; path: string | null }[];
}

beforeAll(() => ensureBuilt());

describe('storyboard style', () => {
  it('sets the prompt and pictures, prints them, and keeps them in the project', async () => {
    const dir = join(root, 'style «项目» 100%');
    await ok(['new', dir, '--name', 'style', '--resolution', '720p']);
    const set = JSON.parse(
      await ok([
        'style',
        dir,
        '--prompt',
        '水墨画, "soft" light',
        '--image',
        pngImage(),
        '--image',
        REAL_CLIPS.firstFrame,
      ]),
    ) as StyleOut;
    expect(set.stylePrompt).toBe('水墨画, "soft" light');
    expect(set.pictures).toHaveLength(2);
    expect(set.pictures[0]!.path?.startsWith(dir)).toBe(true);

    // Only the prompt: the pictures stay; only pictures: the prompt stays.
    const prompt = JSON.parse(await ok(['style', dir, '--prompt', 'ink wash'])) as StyleOut;
    expect(prompt.pictures.map((p) => p.assetId)).toEqual(set.pictures.map((p) => p.assetId));
    const pictures = JSON.parse(await ok(['style', dir, '--image', jpegImage()])) as StyleOut;
    expect(pictures.stylePrompt).toBe('ink wash');
    expect(pictures.pictures).toHaveLength(1);
    expect(pictures.pictures[0]!.assetId).not.toBe(set.pictures[0]!.assetId);

    const shown = JSON.parse(await ok(['style', dir])) as StyleOut;
    expect(shown).toEqual(pictures);
    // `info --json` shows the project's style too.
    const info = JSON.parse(await ok(['info', dir, '--json'])) as {
      project: { stylePrompt: string; styleRefAssetIds: string[] };
    };
    expect(info.project).toMatchObject({ stylePrompt: 'ink wash', styleRefAssetIds: [pictures.pictures[0]!.assetId] });

    const store = ProjectStore.open(dir);
    try {
      expect(store.project()).toMatchObject({
        stylePrompt: 'ink wash',
        styleRefAssetIds: [pictures.pictures[0]!.assetId],
      });
      expect(store.historyState()).toMatchObject({ canUndo: true, undoLabel: 'project.setStyle' });
    } finally {
      store.close();
    }

    const cleared = JSON.parse(await ok(['style', dir, '--no-images'])) as StyleOut;
    expect(cleared).toEqual({ stylePrompt: 'ink wash', pictures: [] });
  });

  it('usage errors exit 2; a broken picture exits 1; nothing is written', async () => {
    const dir = join(root, 'errors');
    await ok(['new', dir, '--name', 'errors', '--resolution', '720p']);
    await ok(['style', dir, '--prompt', 'before']);
    const both = await cli(['style', dir, '--image', pngImage(), '--no-images']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--no-images');
    const unknown = await cli(['style', dir, '--colour', 'red']);
    expect(unknown.status).toBe(2);
    const noDir = await cli(['style']);
    expect(noDir.status).toBe(2);
    const video = await cli(['style', dir, '--prompt', 'after', '--image', REAL_CLIPS.horse]);
    expect(video.status).toBe(1);
    expect(video.stderr).toContain('is a video');
    const shown = JSON.parse(await ok(['style', dir])) as StyleOut;
    expect(shown).toEqual({ stylePrompt: 'before', pictures: [] });
  });
});
