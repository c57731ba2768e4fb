/**
 * Image takes through the durable job queue, through the BUILT CLI against strict fakes:
 * the Gemini request carries the prompt in its style (shot size, element description, pictures
 * by position) and the element's three pictures byte for byte; the pictures become image takes
 * that are never selected as the shot's clip; picking one sets the first frame as ONE undo step.
 * kill -9 while a Runway image task is polled: the job keeps its task id and the next run polls
 * it to the end with no second paid create.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { addMara } from './fixtures.js';
import { cliOk, killWhen, readProject } from '../../helpers/projectCli.js';
import {
  startFakeGeminiImage,
  startFakeRunwayImage,
  startFakeSeedream,
  type ImageFake,
} from '../../fakes/imageProviders.js';

const root = tempDir();
let gemini: ImageFake;
let runway: ImageFake;
let seedream: ImageFake;

beforeAll(async () => {
  ensureBuilt();
  gemini = await startFakeGeminiImage();
  runway = await startFakeRunwayImage();
  seedream = await startFakeSeedream();
});
afterAll(async () => {
  await gemini.close();
  await runway.close();
  await seedream.close();
});

function envFor(name: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    STORYBOARD_CONFIG_DIR: join(root, `config-${name}`),
    STORYBOARD_VEO_BASE_URL: gemini.url,
    STORYBOARD_VEO_API_KEY: gemini.apiKey,
    STORYBOARD_RUNWAY_BASE_URL: runway.url,
    STORYBOARD_RUNWAY_API_KEY: runway.apiKey,
    STORYBOARD_SEEDANCE_BASE_URL: `${seedream.url}/api/v3`,
    STORYBOARD_SEEDANCE_API_KEY: seedream.apiKey,
  };
}

const ok = cliOk;
const read = readProject;

async function projectWithCharacter(
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<{ dir: string; shotId: string; pics: string[] }> {
  const dir = join(root, name);
  await ok(['new', dir, '--name', name, '--resolution', '720p', '--fps', '24'], env);
  const pics = await addMara((args) => ok(args, env), dir, root);
  const shotId = await ok(['add-shot', dir, '--prompt', '@Mara_Lee waves at the camera'], env);
  read(dir, (s) => s.shots.update(shotId, { shotSize: 'close_up' }));
  return { dir, shotId, pics };
}

describe('keyframes: image takes through the job queue', () => {
  it('Gemini gets the composed prompt and the three pictures; picking is one undo step', async () => {
    const env = envFor('gemini');
    const { dir, shotId, pics } = await projectWithCharacter('gemini', env);
    const before = gemini.creates;
    const out = await ok(['keyframe', dir, '--shot', shotId, '--provider', 'gemini-image', '--variations', '2'], env);
    expect(gemini.creates - before).toBe(2);
    const sent = gemini.requests.filter((r) => r.status === 200).slice(-2);
    for (const r of sent) {
      const parts = (r.body as { contents: { parts: Record<string, unknown>[] }[] }).contents[0]!.parts;
      const text = parts[0]!.text as string;
      expect(text).toContain('Close-up');
      expect(text).toContain('Mara Lee waves at the camera');
      expect(text).toContain('Image 1 shows Mara Lee (character)');
      expect(text).toContain('Mara Lee (character): tall woman in a red coat.');
      const images = parts.slice(1).map((p) => Buffer.from((p.inline_data as { data: string }).data, 'base64'));
      expect(images.map((b, i) => b.equals(readFileSync(pics[i]!)))).toEqual([true, true, true]);
      expect((r.body as { generationConfig: unknown }).generationConfig).toMatchObject({
        responseModalities: ['IMAGE'],
        imageConfig: { aspectRatio: '16:9' },
      });
    }
    const takeIds = out.split('\n').map((l) => l.split(' ')[0]!);
    expect(takeIds).toHaveLength(2);
    const after = read(dir, (s) => s.snapshot());
    const imageTakes = after.takes.filter((t) => t.kind === 'image');
    expect(imageTakes.map((t) => t.id).sort()).toEqual([...takeIds].sort());
    expect(after.shots[0]!.selectedTakeId).toBeNull();
    expect(after.jobs.every((j) => j.state === 'succeeded' && j.costActual === 0.039)).toBe(true);

    await ok(['keyframe', dir, '--pick', takeIds[1]!], env);
    const picked = read(dir, (s) => ({ shot: s.getShot(shotId), take: s.getTake(takeIds[1]!) }));
    expect(picked.shot.firstFrameAssetId).toBe(picked.take.assetId);
    read(dir, (s) => s.undo());
    expect(read(dir, (s) => s.getShot(shotId).firstFrameAssetId)).toBeNull();
  }, 120_000);

  it('kill -9 while a Runway image task is polled: resumed by polling, never created twice', async () => {
    const env = envFor('kill');
    const { dir, shotId } = await projectWithCharacter('kill', env);
    const before = runway.creates;
    runway.queryDelayMs = 15_000;
    let killed = false;
    try {
      killed = await killWhen(['keyframe', dir, '--shot', shotId, '--provider', 'runway-image'], env, () =>
        runway.requests.some((r) => r.method === 'GET' && r.path.startsWith('/v1/tasks/')),
      );
    } finally {
      runway.queryDelayMs = 0;
    }
    expect(killed).toBe(true);
    expect(runway.creates - before).toBe(1);
    expect(read(dir, (s) => s.listJobs().map((j) => [j.state, j.taskId !== null]))).toEqual([['submitted', true]]);
    const create = runway.requests.find((r) => r.path === '/v1/text_to_image' && r.status === 200)!;
    expect(create.body).toMatchObject({ model: 'gen4_image', ratio: '1920:1080' });
    expect((create.body as { promptText: string }).promptText).toContain('@MaraLee is Mara Lee.');
    expect((create.body as { referenceImages: { tag: string }[] }).referenceImages.map((r) => r.tag)).toEqual([
      'MaraLee',
      'MaraLee',
      'MaraLee',
    ]);

    const r = await runCli(['keyframe', dir, '--resume'], env);
    expect(r.status).toBe(0);
    expect(runway.creates - before).toBe(1);
    const snap = read(dir, (s) => s.snapshot());
    expect(snap.jobs.map((j) => j.state)).toEqual(['succeeded']);
    expect(snap.takes.filter((t) => t.kind === 'image')).toHaveLength(1);
  }, 120_000);

  it('Seedream on Ark gets the pictures as data URIs, the project size and base64 output', async () => {
    const env = envFor('seedream');
    const { dir, shotId, pics } = await projectWithCharacter('seedream', env);
    const out = await ok(['keyframe', dir, '--shot', shotId, '--provider', 'seedream'], env);
    expect(seedream.creates).toBe(1);
    const body = seedream.requests.find((r) => r.status === 200)!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      model: 'doubao-seedream-4-0-250828',
      size: '1280x720',
      response_format: 'b64_json',
      sequential_image_generation: 'disabled',
      watermark: false,
    });
    expect(body.prompt).toContain('Image 1 shows Mara Lee (character)');
    const sent = (body.image as string[]).map((u) => Buffer.from(u.slice(u.indexOf(',') + 1), 'base64'));
    expect(sent.map((b, i) => b.equals(readFileSync(pics[i]!)))).toEqual([true, true, true]);
    const takeId = out.split(' ')[0]!;
    expect(read(dir, (s) => s.getTake(takeId))).toMatchObject({ kind: 'image', provider: 'seedream', cost: 0.03 });
  }, 120_000);
});
