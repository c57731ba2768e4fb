/**
 * The ComfyUI adapter's own contract against the fake: reconcile of a lost create (JOB-3),
 * throttling surfaced as retryAfterMs (JOB-4), expired outputs (JOB-6), WebSocket progress,
 * the connection test — and the fake's faithfulness to ComfyUI's documented answers.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AppError } from '../../../../../shared/errors.js';
import { buildGenerationRequest } from '../../../../../shared/generation/request.js';
import type { ComfyUIProvider } from '../../../../../electron/services/generation/providers/comfyui.js';
import type { PollResult, ProviderContext } from '../../../../../electron/services/generation/types.js';
import { startFakeComfyProcess } from '../../../../fakes/comfyui-process.js';
import { rejectionOf } from '../../../../helpers/errors.js';
import { countVideoFrames } from '../../../../helpers/ffprobe.js';
import { tempDir } from '../../../../helpers/tmp.js';
import { comfyProject, fakeComfyForFile } from './setup.js';

const root = tempDir();
const fake = await fakeComfyForFile();

function textRequest(p: ReturnType<typeof comfyProject>, prompt = 'a lighthouse at night') {
  const shot = p.store.addShot({ id: `s${p.store.shots.length}`, prompt, durationFrames: 12 });
  return buildGenerationRequest({
    project: p.store.project(),
    shot,
    shotNumber: 1,
    frame: () => {
      throw new Error('no frames');
    },
  });
}

async function pollToEnd(comfy: ComfyUIProvider, taskId: string, ctx: ProviderContext): Promise<PollResult[]> {
  const seen: PollResult[] = [];
  for (let i = 0; i < 400; i++) {
    const r = await comfy.poll(taskId, ctx);
    seen.push(r);
    if (r.state !== 'running') return seen;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('the fake never finished');
}

describe('lost create answer (JOB-3)', () => {
  it('the prompt id is the job id, so the queued prompt is found again and finished without a second create', async () => {
    const p = comfyProject(root, fake.url);
    const req = textRequest(p);
    const jobId = '4b8f0a52-6a55-4c36-9d8a-7c1f3f0f6e11';
    fake.set({ dropCreate: 1 });
    const err = await p.comfy.submit(req, p.ctx({ jobId })).then(
      () => null,
      (e: unknown) => e,
    );
    // Not an answered refusal: the runner must treat the outcome as unknown.
    expect(err).toBeInstanceOf(Error);
    expect(err instanceof AppError && err.code === 'PROVIDER_FAILED').toBe(false);
    expect(fake.createdIds).toEqual([jobId]);
    expect(await p.comfy.lookup(jobId, p.ctx())).toBe('exists');
    const job = { id: jobId } as Parameters<ComfyUIProvider['reconcile']>[0];
    expect(await p.comfy.reconcile(job, p.ctx())).toEqual({ taskId: jobId });
    expect((await pollToEnd(p.comfy, jobId, p.ctx())).at(-1)?.state).toBe('succeeded');
    const dest = join(p.dir, 'out.mp4');
    await p.comfy.fetchResult(jobId, dest, p.ctx());
    expect(countVideoFrames(dest)).toBe(17);
    expect(fake.creates).toBe(1);
  });

  it('reconcile answers absent for a prompt the server never saw, and null for a server it cannot reach', async () => {
    const p = comfyProject(root, fake.url);
    const job = { id: 'never-sent' } as Parameters<ComfyUIProvider['reconcile']>[0];
    expect(await p.comfy.lookup('never-sent', p.ctx())).toBe('absent');
    expect(await p.comfy.reconcile(job, p.ctx())).toEqual({ absent: true });
    fake.set({ throttle: 5 });
    expect(await p.comfy.lookup('never-sent', p.ctx())).toBe('unknown');
    expect(await p.comfy.reconcile(job, p.ctx())).toBeNull();
  });
});

describe('throttling and expiry', () => {
  it('429 surfaces as PROVIDER_FAILED with retryAfterMs from Retry-After, and creates nothing', async () => {
    const p = comfyProject(root, fake.url);
    fake.set({ throttle: 1, retryAfterSec: 3 });
    const err = await rejectionOf(p.comfy.submit(textRequest(p), p.ctx()));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.details).toMatchObject({ status: 429, throttled: true, retryAfterMs: 3000 });
    expect(fake.creates).toBe(0);
    fake.set({ throttle: 1, retryAfterSec: 2 });
    const pollErr = await rejectionOf(p.comfy.poll('x', p.ctx()));
    expect(pollErr.code).toBe('PROVIDER_FAILED');
    expect(pollErr.details).toMatchObject({ retryAfterMs: 2000 });
  });

  it('an output older than the server keeps it: fetchResult throws with expired: true and leaves no file', async () => {
    const p = comfyProject(root, fake.url);
    const { taskId } = await p.comfy.submit(textRequest(p), p.ctx());
    await pollToEnd(p.comfy, taskId, p.ctx());
    fake.set({ expireAfterMs: -1 });
    const dest = join(p.dir, 'expired.mp4');
    const err = await rejectionOf(p.comfy.fetchResult(taskId, dest, p.ctx()));
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(err.message).toMatch(/expired or is missing on the ComfyUI server/);
    expect(err.details).toMatchObject({ expired: true, failureKind: 'expired' });
    expect(existsSync(dest)).toBe(false);
    expect(readdirSync(p.dir).filter((n) => n.includes('.part'))).toEqual([]);
  });
});

describe('progress and connection', () => {
  it('WebSocket progress frames show between 0 and 1 while HTTP polling says running', async () => {
    const p = comfyProject(root, fake.url, { liveProgress: true });
    fake.set({ runMs: 1600, steps: 8 });
    const { taskId } = await p.comfy.submit(textRequest(p), p.ctx());
    const seen = await pollToEnd(p.comfy, taskId, p.ctx());
    expect(seen.at(-1)?.state).toBe('succeeded');
    const mid = seen.filter((r) => r.state === 'running' && (r.progress ?? 0) > 0 && (r.progress ?? 0) < 1);
    expect(mid.length).toBeGreaterThan(0);
    expect(fake.requests.some((r) => r.method === 'WS' && r.path.startsWith('/ws?clientId=storyboard-'))).toBe(true);
  });

  it('ping: /system_stats answers; a closed port is "not running"', async () => {
    const p = comfyProject(root, fake.url);
    await p.comfy.ping(p.ctx());
    expect(fake.requests.at(-1)?.path).toBe('/system_stats');
    const closed = comfyProject(root, 'http://127.0.0.1:1');
    await expect(closed.comfy.ping(closed.ctx())).rejects.toThrow();
  });
});

describe('the fake is faithful to ComfyUI', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('serves every route under /api/ too, and answers 400 bodies of the documented shape', async () => {
    expect((await fetch(`${fake.url}/api/system_stats`)).status).toBe(200);
    const none = await post('/api/prompt', {});
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({
      error: { type: 'no_prompt', message: 'No prompt provided', details: 'No prompt provided', extra_info: {} },
      node_errors: {},
    });
    const badImage = await post('/prompt', {
      prompt: {
        '1': { class_type: 'LoadImage', inputs: { image: 'nope.png' } },
        '2': { class_type: 'SaveImage', inputs: { images: ['1', 0] } },
      },
    });
    const body = (await badImage.json()) as {
      error: { type: string };
      node_errors: Record<string, { errors: { details: string }[] }>;
    };
    expect(body.error.type).toBe('prompt_outputs_failed_validation');
    expect(body.node_errors['1']?.errors[0]?.details).toBe('image - Invalid image file: nope.png');
    expect((await post('/prompt', { prompt: { '1': { class_type: 'CLIPTextEncode', inputs: {} } } })).status).toBe(400); // no output node
    expect(fake.creates).toBe(0);
  });

  it('upload without overwrite renames like ComfyUI; WS greets with status and sid', async () => {
    const up = async () => {
      const form = new FormData();
      form.append('image', new Blob([new Uint8Array([1, 2, 3])]), 'pic.png');
      return (await fetch(`${fake.url}/upload/image`, { method: 'POST', body: form })).json() as Promise<{
        name: string;
        type: string;
      }>;
    };
    expect(await up()).toMatchObject({ name: 'pic.png', type: 'input' });
    expect((await up()).name).toBe('pic (1).png');
    const ws = new WebSocket(`${fake.url.replace('http', 'ws')}/ws?clientId=abc`);
    const first = await new Promise<string>((resolve, reject) => {
      ws.once('message', (d) => resolve(String(d)));
      ws.once('error', reject);
    });
    ws.close();
    expect(JSON.parse(first)).toEqual({
      type: 'status',
      data: { status: { exec_info: { queue_remaining: 0 } }, sid: 'abc' },
    });
  });

  it('runs as its own process (it outlives a killed client) with an HTTP control API', async () => {
    const proc = await startFakeComfyProcess();
    try {
      const p = comfyProject(root, proc.url);
      await p.comfy.ping(p.ctx());
      await proc.set({ throttle: 1 });
      await expect(p.comfy.ping(p.ctx())).rejects.toThrow(/429/);
      const log = await proc.log();
      expect(log.requests.map((r) => [r.path, r.status])).toEqual([
        ['/system_stats', 200],
        ['/system_stats', 429],
      ]);
      expect(log.creates).toBe(0);
    } finally {
      await proc.stop();
    }
  });
});
