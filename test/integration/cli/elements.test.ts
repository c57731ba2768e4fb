/**
 * Elements through the BUILT CLI: `element add` with pictures prints id and tag, `add-shot
 * --element` by id and by @tag picks them, usage errors exit 2, and `generate --provider vidu
 * --model viduq1` (a model that takes references) sends the pictures to the fake Vidu's
 * reference2video, picked elements first, then those the prompt mentions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { startFakeVidu, type FakeVidu } from '../../fakes/vidu.js';
import { ensureBuilt, runCli, type CliRun } from '../../helpers/cli.js';
import { pngImage, REAL_CLIPS } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
let fake: FakeVidu;

beforeAll(async () => {
  ensureBuilt();
  fake = await startFakeVidu({ runMs: 100 });
});
afterAll(() => fake.close());

/** The CLI against the Vidu fake, which lives in this process (runCli does not block it). */
function cli(args: string[]): Promise<CliRun> {
  const env = {
    ...process.env,
    STORYBOARD_CONFIG_DIR: join(root, 'config'),
    STORYBOARD_VIDU_BASE_URL: fake.baseUrl,
    STORYBOARD_VIDU_API_KEY: 'test-key',
  };
  return runCli(args, env);
}

async function ok(args: string[]): Promise<string> {
  const r = await cli(args);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

const dataUri = (file: string): string => `data:image/png;base64,${readFileSync(file).toString('base64')}`;

describe('storyboard element add / add-shot --element', () => {
  it('creates elements with pictures, attaches them, and generate sends their pictures as references', async () => {
    const dir = join(root, 'elements project');
    await ok(['new', dir, '--name', 'elements', '--resolution', '720p']);
    const [mingId, mingTag] = (
      await ok(['element', 'add', dir, '--name', '小明', '--image', REAL_CLIPS.firstFrame])
    ).split(' ');
    expect(mingTag).toBe('@小明');
    const [cupId, cupTag] = (
      await ok([
        'element',
        'add',
        dir,
        '--name',
        'Red Cup',
        '--kind',
        'prop',
        '--image',
        pngImage(),
        '--description',
        'chipped',
      ])
    ).split(' ');
    expect(cupTag).toBe('@Red_Cup');
    const shotId = await ok([
      'add-shot',
      dir,
      '--prompt',
      '@小明 lifts the cup',
      '--duration',
      '5',
      '--element',
      '@red_cup',
    ]);
    const other = await ok([
      'add-shot',
      dir,
      '--prompt',
      'empty room',
      '--duration',
      '5',
      '--element',
      mingId!,
      '--element',
      cupId!,
    ]);

    const store = ProjectStore.open(dir);
    const snap = store.snapshot();
    store.close();
    expect(snap.elements.find((e) => e.id === cupId)).toMatchObject({
      kind: 'prop',
      description: 'chipped',
      refAssetIds: [expect.any(String)],
    });
    expect(snap.shots.map((s) => [s.id, s.elementIds])).toEqual([
      [shotId, [cupId]],
      [other, [mingId, cupId]],
    ]);

    fake.reset();
    await ok(['generate', dir, '--provider', 'vidu', '--model', 'viduq1', '--shot', shotId]);
    const creates = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('2video'));
    expect(creates.map((r) => r.path)).toEqual(['/ent/v2/reference2video']);
    const body = creates[0]!.body!;
    // Picked first (the cup), then the prompt's @小明; the prompt names him without the @.
    expect(body.images).toEqual([dataUri(pngImage()), dataUri(REAL_CLIPS.firstFrame)]);
    expect(String(body.prompt)).toContain('小明 lifts the cup');
    expect(String(body.prompt)).not.toContain('@小明');
  });

  it('exits 2 on usage errors and unknown elements, 1 on a broken picture, changing nothing', async () => {
    const dir = join(root, 'usage');
    await ok(['new', dir, '--name', 'usage']);
    expect((await cli(['element', 'add', dir])).status).toBe(2);
    expect((await cli(['element', 'add', dir, '--name', 'x', '--kind', 'animal'])).status).toBe(2);
    expect((await cli(['element', 'list', dir])).status).toBe(2);
    const unknown = await cli(['add-shot', dir, '--prompt', 'p', '--element', '@nobody']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('neither an element id nor a tag');
    const broken = await cli(['element', 'add', dir, '--name', 'Ghost', '--image', REAL_CLIPS.horse]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('a reference picture must be an image');
    const store = ProjectStore.open(dir);
    const snap = store.snapshot();
    store.close();
    expect([snap.elements, snap.shots]).toEqual([[], []]);
  });
});
