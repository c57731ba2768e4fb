/**
 * ComfyUI image workflows through the BUILT CLI against the faithful ComfyUI fake (it checks node
 * classes, links and LoadImage files like the real server, and SaveImage writes a PNG): the
 * image-to-image template gets the first reference picture uploaded and named in LoadImage, the
 * prompt, the project size on the model's grid and the shot's seed; a shot without pictures
 * uses text-to-image. kill -9 while the render runs: resumed by its prompt id (the job id),
 * never queued twice.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeComfy, type FakeComfy } from '../../fakes/comfyui.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { cliOk, killWhen, readProject as read } from '../../helpers/projectCli.js';
import { tempDir } from '../../helpers/tmp.js';
import { threePictures } from './fixtures.js';

const root = tempDir();
let comfy: FakeComfy;

beforeAll(async () => {
  ensureBuilt();
  comfy = await startFakeComfy({ runMs: 200, steps: 2 });
});
afterAll(() => comfy.close());

const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  STORYBOARD_CONFIG_DIR: join(root, 'config'),
  STORYBOARD_COMFYUI_BASE_URL: comfy.url,
});
const ok = (args: string[]): Promise<string> => cliOk(args, env());

async function project(name: string, withCharacter: boolean): Promise<{ dir: string; shotId: string; pics: string[] }> {
  const dir = join(root, name);
  await ok(['new', dir, '--name', name, '--resolution', '720p', '--fps', '24']);
  const pics = threePictures(root);
  if (withCharacter) await ok(['element', 'add', dir, '--name', 'Mara Lee', ...pics.flatMap((p) => ['--image', p])]);
  const shotId = await ok(['add-shot', dir, '--prompt', `${withCharacter ? '@Mara_Lee' : 'A woman'} waves`]);
  read(dir, (s) => s.shots.update(shotId, { seed: 1234 }));
  return { dir, shotId, pics };
}

const sentGraph = (jobId: string) => comfy.history.get(jobId)!.prompt[2];

describe('ComfyUI image workflows', () => {
  it('image-to-image: the first picture uploaded and loaded, prompt, size on the grid, seed', async () => {
    const { dir, shotId, pics } = await project('i2i', true);
    const before = comfy.creates;
    const out = await ok(['keyframe', dir, '--shot', shotId, '--provider', 'comfyui-image']);
    expect(comfy.creates - before).toBe(1);
    const job = read(dir, (s) => s.listJobs()[0]!);
    expect(comfy.createdIds.at(-1)).toBe(job.id);
    const g = sentGraph(job.id);
    const uploaded = String(g['10']!.inputs.image);
    expect(uploaded).toMatch(/^storyboard\/storyboard-.+\.png$/);
    expect(comfy.uploads.get(uploaded.split('/').pop()!) ?? comfy.uploads.get(uploaded)).toBe(statSync(pics[0]!).size);
    expect(String(g['6']!.inputs.text)).toContain('Mara Lee waves');
    expect([g['11']!.inputs.width, g['11']!.inputs.height, g['3']!.inputs.seed]).toEqual([1280, 704, 1234]);
    const take = read(dir, (s) => s.getTake(out.split(' ')[0]!));
    expect(take).toMatchObject({ kind: 'image', provider: 'comfyui-image', model: 'sdxl', cost: 0 });
  }, 120_000);

  it('without pictures: text-to-image (no LoadImage)', async () => {
    const { dir, shotId } = await project('t2i', false);
    await ok(['keyframe', dir, '--shot', shotId, '--provider', 'comfyui-image']);
    const g = sentGraph(read(dir, (s) => s.listJobs()[0]!.id));
    expect(Object.values(g).map((n) => n.class_type)).not.toContain('LoadImage');
    expect([g['5']!.inputs.width, g['5']!.inputs.height]).toEqual([1280, 704]);
  }, 120_000);

  it('kill -9 while rendering: resumed by the prompt id, never queued twice', async () => {
    const { dir, shotId } = await project('kill', true);
    const before = comfy.creates;
    // Long enough that the kill lands while the render runs; the fake keeps rendering it after the kill.
    comfy.set({ runMs: 5000 });
    let killed = false;
    try {
      killed = await killWhen(
        ['keyframe', dir, '--shot', shotId, '--provider', 'comfyui-image'],
        env(),
        () => comfy.creates > before,
      );
    } finally {
      comfy.set({ runMs: 200 });
    }
    expect(killed).toBe(true);
    expect(comfy.creates - before).toBe(1);
    const jobs = read(dir, (s) => s.listJobs());
    expect(jobs).toHaveLength(1);
    const r = await runCli(['keyframe', dir, '--resume'], env());
    expect(r.status).toBe(0);
    expect(comfy.creates - before).toBe(1);
    const snap = read(dir, (s) => s.snapshot());
    expect(snap.jobs.map((j) => j.state)).toEqual(['succeeded']);
    expect(snap.takes.filter((t) => t.kind === 'image')).toHaveLength(1);
  }, 180_000);
});
