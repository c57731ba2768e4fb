/**
 * FLUX Kontext through fal's queue, through the BUILT CLI against the strict fal fake (schemas
 * in test/fakes/falRules.ts, written from fal's pages, not from the adapter): the request body
 * of the multi-reference endpoint (the three pictures uploaded, in order, as `image_urls`), the
 * text-to-image endpoint for a shot without pictures, and kill -9 while a Kontext job is polled:
 * resumed by polling its stored request id, never created twice.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { falCliEnv, startFakeFal, type FakeFal } from '../../fakes/fal.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { cliOk, killWhen, readProject } from '../../helpers/projectCli.js';
import { tempDir } from '../../helpers/tmp.js';
import { addMara, threePictures } from './fixtures.js';

const root = tempDir();
let fal: FakeFal;

beforeAll(async () => {
  ensureBuilt();
  fal = await startFakeFal({ runMs: 200 });
});
afterAll(() => fal.close());

const env = (): NodeJS.ProcessEnv => falCliEnv(fal, join(root, 'config'));

const ok = (args: string[]): Promise<string> => cliOk(args, env());
const read = readProject;

async function project(name: string, withCharacter: boolean): Promise<{ dir: string; shotId: string; pics: string[] }> {
  const dir = join(root, name);
  await ok(['new', dir, '--name', name, '--resolution', '720p', '--fps', '24']);
  const pics = withCharacter ? await addMara(ok, dir, root) : threePictures(root);
  const shotId = await ok(['add-shot', dir, '--prompt', `${withCharacter ? '@Mara_Lee' : 'A woman'} waves`]);
  return { dir, shotId, pics };
}

const submits = (endpoint: string) =>
  fal.seen().filter((r) => r.target?.pathname === `/${endpoint}` && r.status === 200);

describe('FLUX Kontext (fal) image takes', () => {
  it('multi: the three pictures uploaded in order as image_urls, prompt in the indexed style', async () => {
    const { dir, shotId, pics } = await project('multi', true);
    const before = fal.creates;
    const out = await ok(['keyframe', dir, '--shot', shotId, '--provider', 'flux-kontext']);
    expect(fal.creates - before).toBe(1);
    const body = submits('fal-ai/flux-pro/kontext/multi').at(-1)!.body as Record<string, unknown>;
    expect(body).toMatchObject({ aspect_ratio: '16:9', num_images: 1, output_format: 'png', safety_tolerance: '2' });
    expect(body.prompt).toContain('Image 1 shows Mara Lee (character)');
    expect(body.prompt).toContain('Mara Lee (character): tall woman in a red coat.');
    // Each URL is one the fake handed out for an upload of that picture's size, in reference order.
    const urls = body.image_urls as string[];
    expect(urls.map((u) => fal.uploads.get(u))).toEqual(pics.map((p) => statSync(p).size));
    const take = read(dir, (s) => s.getTake(out.split(' ')[0]!));
    expect(take).toMatchObject({ kind: 'image', provider: 'flux-kontext', cost: 0.04 });
  }, 120_000);

  it('a shot without pictures goes to text-to-image (no image_urls)', async () => {
    const { dir, shotId } = await project('text', false);
    await ok(['keyframe', dir, '--shot', shotId, '--provider', 'flux-kontext']);
    const body = submits('fal-ai/flux-pro/kontext/text-to-image').at(-1)!.body as Record<string, unknown>;
    expect(body.image_urls).toBeUndefined();
    expect(body).toMatchObject({ aspect_ratio: '16:9', output_format: 'png' });
  }, 120_000);

  it('kill -9 while a Kontext job is polled: resumed by its request id, never created twice', async () => {
    const { dir, shotId } = await project('kill', true);
    const before = fal.creates;
    const seenBefore = fal.requests.length;
    const statusSeen = (): boolean =>
      fal
        .seen()
        .slice(seenBefore)
        .some(
          (r) => r.target?.pathname.startsWith('/fal-ai/flux-pro/requests/') && r.target.pathname.endsWith('/status'),
        );
    fal.runMs = 10 * 60_000;
    const killed = await killWhen(['keyframe', dir, '--shot', shotId, '--provider', 'flux-kontext'], env(), statusSeen);
    expect(killed).toBe(true);
    expect(fal.creates - before).toBe(1);
    const jobs = read(dir, (s) => s.listJobs().map((j) => ({ state: j.state, taskId: j.taskId })));
    expect(jobs).toHaveLength(1);
    expect(['submitted', 'running']).toContain(jobs[0]!.state);
    expect(jobs[0]!.taskId).toMatch(/^fal-ai\/flux-pro\/kontext\/multi\|/);

    fal.runMs = 0;
    const r = await runCli(['keyframe', dir, '--resume'], env());
    expect(r.status).toBe(0);
    expect(fal.creates - before).toBe(1);
    const snap = read(dir, (s) => s.snapshot());
    expect(snap.jobs.map((j) => [j.state, j.costActual])).toEqual([['succeeded', 0.04]]);
    expect(snap.takes.filter((t) => t.kind === 'image')).toHaveLength(1);
  }, 180_000);
});
