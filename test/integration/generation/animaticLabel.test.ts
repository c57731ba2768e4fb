/**
 * The animatic card's burned-in corner label, end to end: a shot titled with @tags, generated
 * through the real planner, the animatic provider and ffmpeg, burns the title with each known
 * tag as its element's name (the caption rules of shared/model/shotCaption.ts) and an unknown
 * tag as written. The label text is read from the file drawtext is given, at the moment the
 * runner is called; one frame of each card is saved for a look (/tmp/animatic-label-*.png).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import { runFfmpeg } from '../../../electron/services/ffmpeg/runner.js';
import { resolveTitleFont } from '../../../electron/services/generation/fonts.js';
import { generateShots } from '../../../electron/services/generation/jobs.js';
import { createAnimaticProvider } from '../../../electron/services/generation/providers/animatic.js';
import { getProvider } from '../../../electron/services/generation/providers/index.js';
import type { ProviderAdapter, RunFfmpeg } from '../../../electron/services/generation/types.js';
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const stores: ProjectStore[] = [];
afterAll(() => stores.forEach((s) => s.close()));

/** What drawtext was told to burn in the corner, per render (read before ffmpeg runs). */
const labels: (string | null)[] = [];
const record: RunFfmpeg = (inv, opts) => {
  const argv = toArgv(inv).join(' ');
  const file = /textfile=([^:]*label\.txt)/.exec(argv)?.[1]?.replace(/\\/g, '');
  labels.push(file ? readFileSync(file, 'utf8') : null);
  return runFfmpeg(inv, opts);
};
const animatic = createAnimaticProvider({
  runFfmpeg: record,
  resolveFont: (o) => resolveTitleFont({ ...o, cacheDir: join(root, 'font cache') }),
});

async function cardFor(name: string, title: string, elementNames: string[]): Promise<{ label: string | null }> {
  const store = ProjectStore.create(join(root, name), {
    name,
    aspect: '16:9',
    resolution: '720p',
    fps: { num: 24, den: 1 },
  });
  stores.push(store);
  for (const n of elementNames) store.elements.create({ name: n, kind: 'character' });
  const shot = store.shots.add({ title, prompt: 'A knock at the door.', durationFrames: 24 });
  const before = labels.length;
  const { jobIds } = await generateShots(
    {
      store,
      importFile: (p) => importFile(store, p, 'generated'),
      getProvider: (id): ProviderAdapter => (id === 'animatic' ? animatic : getProvider(id)),
    },
    { shotIds: [shot.id] },
  );
  const job = store.getJob(jobIds[0] ?? '');
  expect(job, job.error ?? '').toMatchObject({ state: 'succeeded' });
  const take = store.getTake(job.takeId ?? '');
  const png = `/tmp/animatic-label-${name}.png`;
  execFileSync(
    'ffmpeg',
    ['-v', 'error', '-y', '-ss', '0.5', '-i', store.absPath(store.getAsset(take.assetId).path)].concat([
      '-frames:v',
      '1',
      png,
    ]),
  );
  expect(labels.length).toBe(before + 1);
  return { label: labels.at(-1) ?? null };
}

describe('animatic corner label', () => {
  it('names the element a title tags ("@Mara_Lee at the door" burns "Mara Lee at the door")', async () => {
    const tags = (): string[] =>
      stores
        .at(-1)
        ?.snapshot()
        .elements.map((e) => e.tag) ?? [];
    const { label } = await cardFor('en', '@Mara_Lee at the door', ['Mara Lee']);
    expect(tags()).toEqual(['@Mara_Lee']);
    expect(label).toBe('Mara Lee at the door');
  });

  it('names a Chinese element (小明) and leaves an unknown tag as written', async () => {
    const { label } = await cardFor('zh', '@小明 敲门，@Nobody 在等', ['小明']);
    expect(label).toBe('小明 敲门，@Nobody 在等');
  });
});
