/**
 * Keyframe-first, end to end through `storyboard serve` (the browser host's WebSocket contract)
 * against strict fakes: a character with three pictures -> "make keyframe" on Gemini (three
 * variations, each request carrying the three pictures) -> image takes -> pick one -> generate
 * the shot on Runway (image to video): the first frame Runway receives is byte for byte the
 * picked picture.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Job, ProjectSnapshot } from '../../../shared/model/entities.js';
import { CLI, ensureBuilt, runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { startFakeGeminiImage, type ImageFake } from '../../fakes/imageProviders.js';
import { startFakeRunway, type FakeRunway } from '../../fakes/runway.js';
import { threePictures } from './fixtures.js';

const root = tempDir();
let gemini: ImageFake;
let runway: FakeRunway;

beforeAll(async () => {
  ensureBuilt();
  gemini = await startFakeGeminiImage();
  runway = await startFakeRunway({ runMs: 200 });
});
afterAll(async () => {
  await gemini.close();
  await runway.close();
});

interface Host {
  proc: ChildProcess;
  url: URL;
  call<T>(method: string, payload: unknown): Promise<T>;
  /** Resolves when every job id has reached a finished state (from job.progress events). */
  settled(jobIds: string[]): Promise<void>;
  close(): Promise<void>;
}

async function serve(dir: string, env: NodeJS.ProcessEnv): Promise<Host> {
  const proc = spawn(process.execPath, [CLI, 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  const url = new URL(line.trim());
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, {
    headers: { Origin: url.origin },
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const finished = new Set<string>();
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as Record<string, unknown>;
    if (msg.event === 'job.progress') {
      const p = msg.payload as Pick<Job, 'state'> & { jobId: string };
      if (['succeeded', 'failed', 'canceled', 'unknown'].includes(p.state)) finished.add(p.jobId);
      for (const w of waiters.splice(0)) w();
      return;
    }
    const p = pending.get(msg.id as number);
    if (!p) return;
    pending.delete(msg.id as number);
    if (msg.error) p.reject(new Error(JSON.stringify(msg.error)));
    else p.resolve(msg.result);
  });
  let n = 0;
  return {
    proc,
    url,
    call: <T>(method: string, payload: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = ++n;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(JSON.stringify({ id, method, payload }));
      }),
    settled: async (jobIds) => {
      while (!jobIds.every((id) => finished.has(id))) await new Promise<void>((r) => waiters.push(r));
    },
    close: async () => {
      ws.close();
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

async function ok(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const r = await runCli(args, env);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('keyframe-first through storyboard serve', () => {
  it('3 pictures -> keyframe takes -> pick -> the video request starts on exactly that picture', async () => {
    const env = {
      ...process.env,
      STORYBOARD_CONFIG_DIR: join(root, 'config'),
      STORYBOARD_VEO_BASE_URL: gemini.url,
      STORYBOARD_VEO_API_KEY: gemini.apiKey,
      STORYBOARD_RUNWAY_BASE_URL: runway.url,
      STORYBOARD_RUNWAY_API_KEY: 'test-key',
    };
    const dir = join(root, 'film');
    await ok(['new', dir, '--name', 'film', '--resolution', '720p', '--fps', '24'], env);
    const pics = threePictures(root);
    await ok(['element', 'add', dir, '--name', 'Mara', ...pics.flatMap((p) => ['--image', p])], env);
    const shotId = await ok(['add-shot', dir, '--prompt', '@Mara walks into the light', '--duration', '5'], env);

    const host = await serve(dir, env);
    try {
      const made = await host.call<{ jobIds: string[] }>('keyframes.make', {
        shotId,
        provider: 'gemini-image',
        variations: 3,
      });
      expect(made.jobIds).toHaveLength(3);
      await host.settled(made.jobIds);
      for (const r of gemini.requests.filter((x) => x.status === 200)) {
        const parts = (r.body as { contents: { parts: Record<string, unknown>[] }[] }).contents[0]!.parts;
        const sent = parts.slice(1).map((p) => Buffer.from((p.inline_data as { data: string }).data, 'base64'));
        expect(sent.map((b, i) => b.equals(readFileSync(pics[i]!)))).toEqual([true, true, true]);
      }
      let snap = await host.call<ProjectSnapshot>('project.current', {});
      const stills = snap.takes.filter((t) => t.kind === 'image');
      expect(stills).toHaveLength(3);
      expect(new Set(stills.map((t) => t.assetId)).size).toBe(3);
      const chosen = stills[1]!;

      snap = await host.call<ProjectSnapshot>('keyframes.pick', { takeId: chosen.id });
      expect(snap.shots[0]!.firstFrameAssetId).toBe(chosen.assetId);
      const pickedBytes = readFileSync(join(dir, snap.assets.find((a) => a.id === chosen.assetId)!.path));

      const gen = await host.call<{ jobIds: string[] }>('generate.start', { shotIds: [shotId], provider: 'runway' });
      await host.settled(gen.jobIds);
      const jobs = await host.call<Job[]>('jobs.list', {});
      expect(jobs.find((j) => j.id === gen.jobIds[0])).toMatchObject({ state: 'succeeded', error: null });
      const create = runway.requests.find((r) => r.path === '/v1/image_to_video' && r.status === 200)!;
      const first = (create.body as { promptImage: { uri: string; position?: string }[] }).promptImage.find(
        (p) => p.position === 'first',
      )!;
      const sentBytes = Buffer.from(first.uri.slice(first.uri.indexOf(',') + 1), 'base64');
      expect(sentBytes.equals(pickedBytes)).toBe(true);
      snap = await host.call<ProjectSnapshot>('project.current', {});
      const clip = snap.takes.find((t) => t.jobId === gen.jobIds[0])!;
      expect(snap.shots[0]!.selectedTakeId).toBe(clip.id);
    } finally {
      await host.close();
    }
  }, 180_000);
});
