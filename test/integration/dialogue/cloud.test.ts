/**
 * Paid dialogue jobs against strict fakes, through the BUILT CLI (kill -9 is a real SIGKILL of
 * the process): a speech job killed after its task id was stored is resumed by polling, never
 * created again; one killed while its create's answer was on the way becomes `unknown` and is
 * not re-sent; a batch over the budget is refused before anything is sent; a lip-sync chain
 * killed mid-job is finished by the next run without a second create. The synchronous cloud
 * voices (ElevenLabs, OpenAI-compatible) are checked through the services: request shape, and
 * a voice id the provider does not know failing with a clear message and nothing placed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { call, servicesWithProject } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { cliOk, killWhen, readProject } from '../../helpers/projectCli.js';
import { startFakeKling, type FakeKling } from '../../fakes/kling.js';
import {
  startFakeElevenLabs,
  startFakeMinimaxSpeech,
  startFakeOpenAiSpeech,
  type SpeechFake,
} from '../../fakes/speech.js';

const root = tempDir();
let minimax: SpeechFake;
let kling: FakeKling;

beforeAll(async () => {
  ensureBuilt();
  minimax = await startFakeMinimaxSpeech();
  kling = await startFakeKling({ runMs: 100 });
});
afterAll(async () => {
  await minimax.close();
  await kling.close();
});

function envFor(name: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    STORYBOARD_CONFIG_DIR: join(root, `config-${name}`),
    STORYBOARD_MINIMAX_SPEECH_BASE_URL: minimax.url,
    STORYBOARD_MINIMAX_SPEECH_API_KEY: minimax.apiKey,
    STORYBOARD_KLING_BASE_URL: kling.url,
    STORYBOARD_KLING_API_KEY: kling.apiKey,
  };
}

const ok = cliOk;

/** A project with 小明 cast to a MiniMax voice and one shot with `lines`. */
async function project(
  name: string,
  env: NodeJS.ProcessEnv,
  lines: string[],
): Promise<{ dir: string; shotId: string }> {
  const dir = join(root, name);
  await ok(['new', dir, '--name', name, '--resolution', '720p', '--fps', '24'], env);
  await ok(['element', 'add', dir, '--name', '小明'], env);
  await ok(['cast', dir, '--speaker', '小明', '--voice', 'minimax-speech:female-shaonv'], env);
  const shotId = await ok(
    ['add-shot', dir, '--prompt', 'x', '--duration', '5', ...lines.flatMap((l) => ['--dialogue', `小明: ${l}`])],
    env,
  );
  return { dir, shotId };
}

const read = readProject;

const createsOf = (fake: SpeechFake, text: string): number =>
  fake.requests.filter(
    (r) => r.path === '/v1/t2a_async_v2' && r.status === 200 && (r.body as { text?: string } | null)?.text === text,
  ).length;

describe('paid speech jobs (MiniMax async T2A fake)', () => {
  it('a job killed after its task id was stored is polled on resume, never created twice', async () => {
    const env = envFor('resume');
    const { dir } = await project('resume', env, ['你好，世界。']);
    const before = minimax.creates;
    // The CLI polls only once the task id is in the job row: kill at the first status query,
    // whose answer the fake holds, so the CLI cannot move past it (or finish) before the kill.
    minimax.queryDelayMs = 15_000;
    try {
      const killed = await killWhen(['voice', dir], env, () =>
        minimax.requests.some((r) => r.path === '/v1/query/t2a_async_query_v2'),
      );
      expect(killed).toBe(true);
    } finally {
      minimax.queryDelayMs = 0;
    }
    expect(read(dir, (s) => s.listJobs().map((j) => [j.state, j.taskId !== null]))).toEqual([['submitted', true]]);
    const out = await ok(['voice', dir], env);
    expect(out).toContain('1 of 1 line(s) voiced');
    expect(minimax.creates - before).toBe(1);
    expect(createsOf(minimax, '你好，世界。')).toBe(1);
    const job = read(dir, (s) => s.listJobs()[0]!);
    expect(job).toMatchObject({ state: 'succeeded', provider: 'minimax-speech' });
    expect(job.costActual).toBeGreaterThan(0);
  }, 120_000);

  it("a job killed while the create's answer was on the way becomes unknown and is not sent again", async () => {
    const env = envFor('unknown');
    const { dir } = await project('unknown', env, ['答案丢了。']);
    minimax.createDelayMs = 3000;
    try {
      const killed = await killWhen(
        ['voice', dir],
        env,
        () =>
          createsOf(minimax, '答案丢了。') > 0 ||
          minimax.requests.some((r) => (r.body as { text?: string } | null)?.text === '答案丢了。'),
      );
      expect(killed).toBe(true);
    } finally {
      minimax.createDelayMs = 0;
    }
    const r = await runCli(['voice', dir], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 of 1 line(s) voiced');
    const jobs = read(dir, (s) => s.listJobs());
    expect(jobs.map((j) => j.state)).toEqual(['unknown']);
    expect(jobs[0]!.error).toMatch(/not sent again/);
    expect(minimax.requests.filter((q) => (q.body as { text?: string } | null)?.text === '答案丢了。')).toHaveLength(1);
  }, 120_000);

  it('refuses a batch over the budget before sending anything, and a voice MiniMax does not know fails with its reason, nothing placed', async () => {
    const env = envFor('budget');
    const { dir } = await project('budget', env, ['一句要花钱的话。']);
    const before = minimax.requests.length;
    const r = await runCli(['voice', dir, '--budget', '0'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/over the budget cap of 0\.00 USD\. Nothing was sent\./);
    expect(minimax.requests.length).toBe(before);
    expect(read(dir, (s) => s.listJobs())).toEqual([]);
    // A voice id MiniMax does not know: the job fails with MiniMax's answer in words, no audio placed.
    await ok(['cast', dir, '--speaker', '小明', '--voice', 'minimax-speech:no-such-voice'], env);
    const bad = await runCli(['voice', dir, '--budget', '10'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/MiniMax does not know the voice "no-such-voice"/);
    expect(read(dir, (s) => [s.snapshot().audioItems.length, s.listJobs().map((j) => j.state)])).toEqual([
      0,
      ['failed'],
    ]);
  }, 120_000);
});

describe('lip sync (Kling fake)', () => {
  it('a chain killed mid-job is finished by the next run with one create per line', async () => {
    const env = envFor('lipsync');
    const dir = join(root, 'lipsync');
    await ok(['new', dir, '--name', 'lipsync', '--resolution', '720p', '--fps', '24'], env);
    await ok(['element', 'add', dir, '--name', '小明'], env);
    await ok(['element', 'add', dir, '--name', 'Anna'], env);
    const shotId = await ok(
      [
        'add-shot',
        dir,
        '--prompt',
        'two people talk',
        '--duration',
        '5',
        '--dialogue',
        '小明: 你好。',
        '--dialogue',
        'Anna: Hi there.',
      ],
      env,
    );
    await ok(['generate', dir, '--provider', 'kling', '--model', 'kling-v1-6'], env);
    await ok(['voice', dir], env); // offline voices
    const takeId = read(dir, (s) => s.snapshot().takes.find((t) => t.shotId === shotId)!.id);
    const lipCreates = (): number =>
      kling.requests.filter((r) => r.method === 'POST' && r.path === '/v1/videos/lip-sync' && r.status === 200).length;
    const before = lipCreates();
    const killed = await killWhen(['lipsync', dir, '--take', takeId], env, () =>
      kling.requests.some((r) => r.method === 'GET' && r.path.startsWith('/v1/videos/lip-sync/')),
    );
    expect(killed).toBe(true);
    expect(lipCreates() - before).toBe(1);
    const out = await ok(['lipsync', dir, '--take', takeId], env);
    expect(out.split('\n').filter((l) => / succeeded take /.test(l))).toHaveLength(2);
    expect(lipCreates() - before).toBe(2); // one per line, none twice
    // Line 2 ran on line 1's result (one line at a time), with its audio starting at its offset.
    const creates = kling.requests
      .filter((r) => r.method === 'POST' && r.path === '/v1/videos/lip-sync' && r.status === 200)
      .slice(-2);
    const inputs = creates.map((c) => (c.body as { input: { video_id: string; audio_file: string } }).input);
    expect(inputs[1]!.video_id).not.toBe(inputs[0]!.video_id);
    const wav = Buffer.from(inputs[1]!.audio_file, 'base64');
    const pcm = wav.subarray(wav.indexOf('data') + 8);
    const firstLoud = pcm.findIndex((_, i, a) => i % 2 === 0 && i + 1 < a.length && Math.abs(a.readInt16LE(i)) > 300);
    const lines = read(dir, (s) => s.snapshot().dialogueLines!);
    const items = read(dir, (s) => s.snapshot().audioItems);
    const line2Start = items.find((i) => i.id === lines[1]!.voiceItemId)!.startFrame / 24;
    expect(firstLoud / 2 / 16_000).toBeGreaterThan(line2Start - 0.05);
    const takes = read(dir, (s) => s.snapshot().takes.filter((t) => t.shotId === shotId));
    expect(takes).toHaveLength(3);
    expect(
      read(dir, (s) =>
        s
          .listJobs()
          .filter((j) => j.request.kind === 'lipsync')
          .map((j) => j.state),
      ),
    ).toEqual(['succeeded', 'succeeded']);
  }, 180_000);

  it('refuses a take Kling did not make, before writing a job', async () => {
    const env = envFor('lipsync-refused');
    const dir = join(root, 'lipsync-refused');
    await ok(['new', dir, '--name', 'x', '--resolution', '720p'], env);
    await ok(['add-shot', dir, '--prompt', 'x', '--duration', '2', '--dialogue', 'Narrator: hello'], env);
    await ok(['generate', dir], env);
    await ok(['voice', dir], env);
    const takeId = read(dir, (s) => s.snapshot().takes[0]!.id);
    const r = await runCli(['lipsync', dir, '--take', takeId], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Kling lip-syncs only videos it made itself.*Nothing was sent/);
    expect(read(dir, (s) => s.listJobs().filter((j) => j.request.kind === 'lipsync'))).toEqual([]);
  }, 120_000);
});

describe('synchronous cloud voices (services)', () => {
  const cases: { provider: string; start: () => Promise<SpeechFake>; good: string; bad: string; message: RegExp }[] = [
    {
      provider: 'elevenlabs',
      start: startFakeElevenLabs,
      good: 'JBFqnCBsd6RMkjVDRZzb',
      bad: 'AAAAAAAAAAAAAAAAAAAA',
      message: /ElevenLabs does not know the voice "AAAAAAAAAAAAAAAAAAAA"/,
    },
    {
      provider: 'openai-speech',
      start: startFakeOpenAiSpeech,
      good: 'nova',
      bad: 'robot',
      message: /OpenAI-compatible speech does not know the voice "robot"/,
    },
  ];
  for (const c of cases) {
    it(`${c.provider}: voices a line with a known voice; an unknown voice fails clearly with nothing placed`, async () => {
      const fake = await c.start();
      const key = c.provider.toUpperCase().replace(/-/g, '_');
      const saved = { url: process.env[`STORYBOARD_${key}_BASE_URL`], k: process.env[`STORYBOARD_${key}_API_KEY`] };
      process.env[`STORYBOARD_${key}_BASE_URL`] = fake.url;
      process.env[`STORYBOARD_${key}_API_KEY`] = fake.apiKey;
      try {
        const s = await servicesWithProject(root, `sync-${c.provider}`);
        const el = (await call(s, 'elements.create', { name: 'Mara', kind: 'character' })).element.id;
        const { shotId } = await call(s, 'shots.add', {
          prompt: 'x',
          durationSec: 4,
          dialogue: ['Mara: Good morning, 早上好。'],
        });
        const run = async (): Promise<string[]> => {
          const ended = new Map<string, EventPayload<'job.progress'>>();
          let wake: () => void = () => {};
          const off = s.on('job.progress', (p) => {
            if (['succeeded', 'failed', 'canceled', 'unknown'].includes(p.state)) ended.set(p.jobId, p);
            wake();
          });
          try {
            const { jobIds } = await call(s, 'dialogue.voice', { shotIds: [shotId], force: true });
            while (!jobIds.every((id) => ended.has(id))) await new Promise<void>((r) => (wake = r));
            return jobIds.map(
              (id) => `${ended.get(id)!.state}${ended.get(id)!.error ? `: ${ended.get(id)!.error}` : ''}`,
            );
          } finally {
            off();
          }
        };
        await call(s, 'dialogue.setVoice', {
          elementId: el,
          voice: { provider: c.provider, voiceId: c.bad, speed: 1 },
        });
        const [failed] = await run();
        expect(failed).toMatch(/^failed: /);
        expect(failed).toMatch(c.message);
        expect((await call(s, 'project.current', {}))!.audioItems).toEqual([]);
        await call(s, 'dialogue.setVoice', {
          elementId: el,
          voice: { provider: c.provider, voiceId: c.good, speed: 1 },
        });
        expect(await run()).toEqual(['succeeded']);
        expect(fake.creates).toBe(1);
        const snap = (await call(s, 'project.current', {}))!;
        expect(snap.audioItems).toHaveLength(1);
        expect(snap.dialogueLines![0]!.voiceItemId).toBe(snap.audioItems[0]!.id);
      } finally {
        process.env[`STORYBOARD_${key}_BASE_URL`] = saved.url;
        process.env[`STORYBOARD_${key}_API_KEY`] = saved.k;
        if (saved.url === undefined) delete process.env[`STORYBOARD_${key}_BASE_URL`];
        if (saved.k === undefined) delete process.env[`STORYBOARD_${key}_API_KEY`];
        await fake.close();
      }
    }, 60_000);
  }
});
