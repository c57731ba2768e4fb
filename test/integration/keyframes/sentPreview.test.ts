/**
 * "What will be sent" is what is sent: for one shot (a character with three pictures and a
 * description, a shot size, a template variable in the prompt), the inspector view's data
 * (shared/generation/sentView.ts over keyframes.preview and preview.video) is held
 * against what the strict fakes received for the same shot — Gemini's prompt text and its
 * inline pictures byte for byte; after the pick, Runway's promptText and its first frame.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/api/contract.js';
import type { AppServices } from '../../../electron/services/app.js';
import { keyframeSentView, videoSentView } from '../../../shared/generation/sentView.js';
import { startFakeGeminiImage, type ImageFake } from '../../fakes/imageProviders.js';
import { startFakeRunway, type FakeRunway } from '../../fakes/runway.js';
import { call, servicesWithProject } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { threePictures } from './fixtures.js';

const root = tempDir();
let gemini: ImageFake;
let runway: FakeRunway;
const saved = { ...process.env };

beforeAll(async () => {
  gemini = await startFakeGeminiImage();
  runway = await startFakeRunway({ runMs: 200 });
  Object.assign(process.env, {
    STORYBOARD_CONFIG_DIR: join(root, 'config'),
    STORYBOARD_VEO_BASE_URL: gemini.url,
    STORYBOARD_VEO_API_KEY: gemini.apiKey,
    STORYBOARD_RUNWAY_BASE_URL: runway.url,
    STORYBOARD_RUNWAY_API_KEY: 'test-key',
  });
});
afterAll(async () => {
  process.env = saved;
  await gemini.close();
  await runway.close();
});

/** Resolves when every job has ended (from the job.progress events). */
function settled(s: AppServices, jobIds: readonly string[], done: Set<string>): Promise<void> {
  return new Promise((resolve) => {
    const check = () => jobIds.every((id) => done.has(id)) && resolve();
    s.on('job.progress', () => check());
    check();
  });
}

function tracked(s: AppServices): Set<string> {
  const done = new Set<string>();
  s.on('job.progress', (p: JobProgress) => {
    if (['succeeded', 'failed', 'canceled', 'unknown'].includes(p.state)) done.add(p.jobId);
  });
  return done;
}

describe('"what will be sent" equals what the strict fakes receive', () => {
  it('keyframe on Gemini, then the video on Runway from the picked keyframe', async () => {
    const s = await servicesWithProject(root, 'film');
    const done = tracked(s);
    const pics = threePictures(root);
    await call(s, 'elements.create', {
      kind: 'character',
      name: 'Mara',
      description: 'A tall woman with red hair and a green coat',
      picturePaths: pics,
    });
    await call(s, 'template.set', { name: 'place', kind: 'text', value: 'the lighthouse' });
    const { shotId } = await call(s, 'shots.add', { prompt: '@Mara walks into {{place}}', durationSec: 5 });
    const snap = await call(s, 'shots.update', { shotId, patch: { shotSize: 'close_up' } });

    // The keyframe request, as the view shows it.
    const kf = keyframeSentView(await call(s, 'keyframes.preview', { shotId, provider: 'gemini-image' }), snap);
    expect(kf.prompt).toContain('Close-up');
    expect(kf.prompt).toContain('Mara walks into the lighthouse');
    expect(kf.prompt).not.toContain('{{');
    expect(kf.prompt).toContain('A tall woman with red hair and a green coat');
    expect(gemini.creates).toBe(0); // a preview sends nothing

    const made = await call(s, 'keyframes.make', { shotId, provider: 'gemini-image', variations: 1 });
    await settled(s, made.jobIds, done);
    const sent = gemini.requests.filter((r) => r.status === 200);
    expect(sent).toHaveLength(1);
    const parts = (sent[0]!.body as { contents: { parts: Record<string, unknown>[] }[] }).contents[0]!.parts;
    expect(parts[0]!.text).toBe(kf.prompt);
    const received = parts.slice(1).map((p) => Buffer.from((p.inline_data as { data: string }).data, 'base64'));
    expect(received).toHaveLength(kf.pictures.length);
    kf.pictures.forEach((p, i) => expect(received[i]!.equals(readFileSync(join(snap.dir, p.path!)))).toBe(true));

    // Pick it; the video request, as the view shows it for Runway.
    const withStill = await call(s, 'project.current', {});
    const still = withStill!.takes.find((t) => t.kind === 'image')!;
    const picked = await call(s, 'keyframes.pick', { takeId: still.id });
    const video = videoSentView(await call(s, 'preview.video', { shotId, provider: 'runway' }), picked);
    expect(video.problem).toBeNull();
    expect(video.pictures.map((p) => [p.role, p.assetId])).toEqual([['first', still.assetId]]);
    expect(video.prompt).toContain('Close-up');
    expect(video.prompt).toContain('Mara walks into the lighthouse');
    expect(video.prompt).toContain('A tall woman with red hair and a green coat');
    expect(runway.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    const gen = await call(s, 'generate.start', { shotIds: [shotId], provider: 'runway' });
    await settled(s, gen.jobIds, done);
    const create = runway.requests.find((r) => r.path === '/v1/image_to_video' && r.status === 200)!;
    const body = create.body as { promptText: string; promptImage: { uri: string; position?: string }[] };
    expect(body.promptText).toBe(video.prompt);
    expect(body.promptImage.map((p) => p.position ?? 'reference')).toEqual(video.pictures.map((p) => p.role));
    const first = body.promptImage[0]!.uri;
    const bytes = Buffer.from(first.slice(first.indexOf(',') + 1), 'base64');
    expect(bytes.equals(readFileSync(join(picked.dir, video.pictures[0]!.path!)))).toBe(true);
  }, 120_000);
});
