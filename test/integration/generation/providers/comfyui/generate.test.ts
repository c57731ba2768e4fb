/**
 * The ComfyUI provider through the real job path (generateShots / runJob) against the fake
 * ComfyUI server: real HTTP, real multipart upload, real MP4s from /view probed with ffprobe.
 */
import { rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { generateShots, resumeJobs } from '../../../../../electron/services/generation/jobs.js';
import { countVideoFrames, decodeErrors, ffprobeJson } from '../../../../helpers/ffprobe.js';
import { tempDir } from '../../../../helpers/tmp.js';
import { comfyProject, fakeComfyForFile, FIRST_FRAME } from './setup.js';
import { SUBMIT_TO_SUCCESS } from '../../fakeStore.js';

const root = tempDir();
const fake = await fakeComfyForFile();

const prompts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/prompt');

describe('generateShots with providerId comfyui', () => {
  it('text shot: one create, the filled LTX text graph, the take made from the /view bytes', async () => {
    const { store, deps } = comfyProject(root, fake.url);
    store.addShot({
      id: 'a',
      prompt: '一只红狐狸在雪地里奔跑',
      negativePrompt: 'blurry',
      durationFrames: 24,
      seed: 77,
    });
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    const job = store.getJob(jobIds[0] as string);
    expect(job).toMatchObject({ state: 'succeeded', provider: 'comfyui', error: null, costActual: 0 });
    expect(store.history.get(job.id)).toEqual(['queued', ...SUBMIT_TO_SUCCESS]);
    expect(fake.creates).toBe(1);
    expect(fake.uploads.size).toBe(0);
    // The graph as ComfyUI received it: our values in the mapped inputs.
    const sent = fake.history.get(job.taskId as string)?.prompt[2];
    expect(sent?.['3']?.inputs.text).toBe('一只红狐狸在雪地里奔跑');
    expect(sent?.['4']?.inputs.text).toBe('blurry');
    expect(sent?.['6']?.inputs).toMatchObject({ width: 320, height: 160, length: 25 });
    expect(sent?.['9']?.inputs.noise_seed).toBe(77);
    // The take is the downloaded clip, probed independently.
    const take = store.takes.find((t) => t.id === job.takeId);
    expect(take).toMatchObject({ shotId: 'a', provider: 'comfyui', seed: 77 });
    const path = store.absPath(store.getAsset(job.resultAssetId as string).path);
    const v = ffprobeJson(path).streams.find((s) => s.codec_type === 'video');
    expect(v).toMatchObject({ codec_name: 'h264', width: 320, height: 160 });
    expect(countVideoFrames(path)).toBe(25);
    expect(decodeErrors(path)).toBe('');
    const views = fake.requests.filter((r) => r.path.startsWith('/view'));
    expect(views).toHaveLength(1);
    expect(views[0]?.status).toBe(200);
  });

  it('first-frame shot: the PNG is uploaded and the image-to-video graph loads that upload', async () => {
    const { store, deps } = comfyProject(root, fake.url);
    const frame = await store.importFile(FIRST_FRAME, 'imported');
    store.addShot({ id: 'b', prompt: 'campfire, slow push in', firstFrameAssetId: frame.id, durationFrames: 12 });
    fake.set({ outputShape: 'vhs' }); // VideoHelperSuite's history shape (gifs)
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    const job = store.getJob(jobIds[0] as string);
    expect(job.state).toBe('succeeded');
    const uploads = fake.requests.filter((r) => r.path === '/upload/image');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.body).toMatchObject({
      subfolder: 'storyboard',
      type: 'input',
      bytes: statSync(FIRST_FRAME).size,
    });
    const sent = fake.history.get(job.taskId as string)?.prompt[2];
    expect(sent?.['13']?.class_type).toBe('LoadImage');
    expect(sent?.['13']?.inputs.image).toBe(`storyboard/${String(uploads[0]?.body?.name)}`);
    expect(sent?.['14']?.inputs).toMatchObject({ width: 320, height: 160, length: 17 }); // 12 frames -> 8k+1 = 17
    expect(fake.creates).toBe(1);
    const path = store.absPath(store.getAsset(job.resultAssetId as string).path);
    expect(countVideoFrames(path)).toBe(17);
  });

  it('a first frame gone from disk: failed (not unknown), nothing uploaded or queued', async () => {
    const { store, deps } = comfyProject(root, fake.url);
    const frame = await store.importFile(FIRST_FRAME, 'imported');
    store.addShot({ id: 'gone', prompt: 'campfire', firstFrameAssetId: frame.id, durationFrames: 12 });
    rmSync(store.absPath(frame.path));
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    const job = store.getJob(jobIds[0] as string);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/first frame of shot 1 is missing or unreadable/);
    expect(fake.requests).toEqual([]);
  });

  it("execution_error: the job fails with ComfyUI's exception message, nothing re-sent", async () => {
    const { store, deps } = comfyProject(root, fake.url);
    store.addShot({ id: 'c', prompt: 'storm at sea', durationFrames: 12 });
    fake.set({ failWith: 'CUDA out of memory. Tried to allocate 2.00 GiB' });
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    const job = store.getJob(jobIds[0] as string);
    expect(job.state).toBe('failed');
    expect(job.error).toContain('CUDA out of memory. Tried to allocate 2.00 GiB');
    expect(job.error).toContain('torch.OutOfMemoryError');
    expect(fake.creates).toBe(1);
    expect(store.takes).toHaveLength(0);
  });

  it('400 node_errors: failed with the validation message, exactly one create attempt, nothing queued', async () => {
    const { store, deps } = comfyProject(root, fake.url);
    store.addShot({ id: 'd', prompt: 'desert road', durationFrames: 12 });
    fake.set({ reject: true });
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    const job = store.getJob(jobIds[0] as string);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(
      /Prompt outputs failed validation.*CheckpointLoaderSimple \(node 1\): Value not in list: ckpt_name: 'ltx-video-2b-v0\.9\.5\.safetensors'/,
    );
    expect(prompts()).toHaveLength(1);
    expect(prompts()[0]?.status).toBe(400);
    expect(fake.creates).toBe(0);
  });

  it('cancel while rendering: ComfyUI is asked to delete and interrupt that prompt', async () => {
    const { store, deps } = comfyProject(root, fake.url);
    store.addShot({ id: 'e', prompt: 'long take', durationFrames: 12 });
    fake.set({ runMs: 20_000, steps: 40 });
    const abort = new AbortController();
    const done = generateShots(deps, {
      providerId: 'comfyui',
      signal: abort.signal,
      onProgress: (p) => {
        if (p.state === 'running') abort.abort();
      },
    });
    const { jobIds } = await done;
    const job = store.getJob(jobIds[0] as string);
    expect(job.state).toBe('canceled');
    const del = fake.requests.find((r) => r.method === 'POST' && r.path === '/queue');
    const intr = fake.requests.find((r) => r.method === 'POST' && r.path === '/interrupt');
    expect(del?.body).toEqual({ delete: [job.taskId] });
    expect(intr?.body).toEqual({ prompt_id: job.taskId });
    await fake.idle();
    const entry = fake.history.get(job.taskId as string);
    expect(entry?.status.status_str).toBe('error');
    expect(entry?.status.messages.map(([t]) => t)).toContain('execution_interrupted');
    expect(store.takes).toHaveLength(0);
  });

  it('expired output (/view 404): a clear failure, no take, no second create', async () => {
    const { store, deps } = comfyProject(root, fake.url);
    store.addShot({ id: 'f', prompt: 'old output', durationFrames: 12 });
    fake.set({ expireAfterMs: -1 }); // every output is already "too old"
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    const job = store.getJob(jobIds[0] as string);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/expired or is missing on the ComfyUI server/);
    expect(fake.requests.filter((r) => r.path.startsWith('/view')).map((r) => r.status)).toEqual([404]);
    expect(fake.creates).toBe(1);
    expect(store.takes).toHaveLength(0);
  });

  it('429 on create: waited out (Retry-After), then exactly one create', async () => {
    const { store, deps } = comfyProject(root, fake.url);
    store.addShot({ id: 'g', prompt: 'busy server', durationFrames: 12 });
    fake.set({ throttle: 2, retryAfterSec: 0 });
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    expect(store.getJob(jobIds[0] as string).state).toBe('succeeded');
    expect(fake.requests.filter((r) => r.status === 429).length).toBe(2);
    expect(fake.creates).toBe(1);
  });

  it('dropped create answer: the job is unknown and no second create is sent (JOB-3)', async () => {
    const { store, deps } = comfyProject(root, fake.url);
    store.addShot({ id: 'h', prompt: 'lost answer', durationFrames: 12 });
    fake.set({ dropCreate: 1 });
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    const job = store.getJob(jobIds[0] as string);
    expect(job.state).toBe('unknown');
    expect(fake.creates).toBe(1);
    expect(prompts()).toHaveLength(1);
    // On the next start the job is reconciled by its prompt id (= job id) and finished.
    expect(fake.createdIds).toEqual([job.id]);
    const resumed = await resumeJobs(deps);
    expect(resumed.jobIds).toEqual([job.id]);
    const after = store.getJob(job.id);
    expect(after).toMatchObject({ state: 'succeeded', taskId: job.id });
    expect(store.takes.filter((t) => t.shotId === 'h')).toHaveLength(1);
    expect(fake.creates).toBe(1);
    expect(prompts()).toHaveLength(1);
  });

  it('ComfyUI not running: failed with a clear reason (connection refused means nothing was created)', async () => {
    // A port that was just free (fetch refuses "bad ports" like 9 before connecting).
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const { store, deps } = comfyProject(root, `http://127.0.0.1:${port}`);
    store.addShot({ id: 'i', prompt: 'nobody home', durationFrames: 12 });
    const { jobIds } = await generateShots(deps, { providerId: 'comfyui' });
    const job = store.getJob(jobIds[0] as string);
    expect(job.state).toBe('failed');
    expect(job.error).toContain(`ComfyUI is not running at http://127.0.0.1:${port}`);
  });
});
