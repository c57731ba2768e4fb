/**
 * A clip-editing model (Runway Aleph 2) chosen for a shot restyles that shot's clip with no
 * --restyle flag: the estimate and the job agree on the clip (the picked take, else the latest),
 * priced on the clip's length, and the create carries that clip. A shot without a clip is a
 * planned problem with the translated code, nothing sent. On a model that can also generate
 * (Replicate's Kling 3.0 Omni) the Generate dialog's choice reaches the services as the batch's
 * `restyle`: without it the shot is generated anew; with it the estimate and the job agree on the
 * picked clip (priced on its 4 s, not the shot's 6 s) and the create carries it as reference_video.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract.js';
import { startFakeReplicate, type FakeReplicate } from '../../fakes/replicate.js';
import { startFakeRunway, type FakeRunway } from '../../fakes/runway.js';
import { call, services } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { join } from 'node:path';

const root = tempDir();
const saved = { ...process.env };
let runway: FakeRunway;
let rep: FakeReplicate;
const OMNI = 'kwaivgi/kling-v3-omni-video';

beforeAll(async () => {
  runway = await startFakeRunway({ runMs: 20 });
  rep = await startFakeReplicate({ runMs: 20 });
  process.env.STORYBOARD_REPLICATE_BASE_URL = rep.url;
  process.env.STORYBOARD_REPLICATE_API_KEY = 'test-key';
  process.env.STORYBOARD_CONFIG_DIR = join(root, 'config');
  process.env.STORYBOARD_RUNWAY_BASE_URL = runway.url;
  process.env.STORYBOARD_RUNWAY_API_KEY = 'test-key';
});
afterAll(async () => {
  process.env = saved;
  await runway.close();
  await rep.close();
});

function settled(s: ReturnType<typeof services>, n: number): Promise<EventPayload<'job.progress'>[]> {
  const events: EventPayload<'job.progress'>[] = [];
  return new Promise((resolve) => {
    s.on('job.progress', (p) => {
      events.push(p);
      const done = new Set(events.filter((e) => ['succeeded', 'failed'].includes(e.state)).map((e) => e.jobId));
      if (done.size === n) resolve(events);
    });
  });
}

describe('a clip-editing model on a shot', () => {
  it("restyles the shot's picked clip, estimated and sent on that clip; a shot with none is refused", async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'p'), name: 'p', resolution: '720p' });
    await call(s, 'shots.add', { prompt: 'a horse at dusk', durationSec: 1 });
    await call(s, 'shots.add', { prompt: 'no clip here', durationSec: 1 });
    let snap = (await call(s, 'project.current', {}))!;
    const [withClip, bare] = snap.shots.map((x) => x.id) as [string, string];
    // Two offline takes of the first shot; the user picks the FIRST one.
    const made = settled(s, 2);
    await call(s, 'generate.start', { provider: 'animatic', shotIds: [withClip], variations: 2 });
    await made;
    snap = (await call(s, 'project.current', {}))!;
    const takes = snap.takes.filter((t) => t.shotId === withClip);
    expect(takes).toHaveLength(2);
    await call(s, 'shots.selectTake', { shotId: withClip, takeId: takes[0]!.id });
    await call(s, 'shots.update', { shotId: withClip, patch: { provider: 'runway', model: 'aleph2' } });
    await call(s, 'shots.update', { shotId: bare, patch: { provider: 'runway', model: 'aleph2' } });

    // No --restyle: the model is what makes it a restyle. The estimate is the clip's length (1 s) at $0.15/s.
    const est = await call(s, 'generate.estimate', { shotIds: [withClip, bare] });
    expect(est).toMatchObject({ jobs: 2, total: 0.15 });

    const done = settled(s, 2);
    await call(s, 'generate.start', { shotIds: [withClip, bare] });
    const events = await done;
    const jobs = await call(s, 'jobs.list', {});
    const restyled = jobs.find((j) => j.shotId === withClip && j.provider === 'runway')!;
    expect(restyled.state).toBe('succeeded');
    expect((restyled.request as { sourceVideo?: { takeId?: string } }).sourceVideo?.takeId).toBe(takes[0]!.id);
    const refused = jobs.find((j) => j.shotId === bare && j.provider === 'runway')!;
    expect(refused.state).toBe('failed');
    expect(refused.error).toMatch(/Shot 2 has no clip to restyle/);
    expect(events.some((e) => e.jobId === refused.id && e.state === 'failed')).toBe(true);
    // One paid create, video-to-video, with the picked clip.
    const posts = runway.requests.filter((q) => q.method === 'POST' && q.path.startsWith('/v1/'));
    expect(posts.map((q) => q.path)).toEqual(['/v1/video_to_video']);
    expect(String(posts[0]?.body?.videoUri)).toMatch(/^data:video\/mp4;base64,/);
  });
});

describe('generate a new clip or restyle the shot’s clip on Kling 3.0 Omni', () => {
  it('the choice decides; a restyle is estimated and sent on the picked clip', async () => {
    const s = services();
    await call(s, 'project.create', { dir: join(root, 'omni'), name: 'p', resolution: '720p' });
    await call(s, 'shots.add', { prompt: 'a horse at dusk', durationSec: 4 });
    let snap = (await call(s, 'project.current', {}))!;
    const shotId = snap.shots[0]!.id;
    const made = settled(s, 1);
    await call(s, 'generate.start', { provider: 'animatic', shotIds: [shotId] });
    await made;
    snap = (await call(s, 'project.current', {}))!;
    const take = snap.takes.find((t) => t.shotId === shotId)!;
    // The shot grows to 6 s after its 4 s clip was made: the two choices now cost differently.
    const fps = snap.project.fps.num / snap.project.fps.den;
    await call(s, 'shots.update', { shotId, patch: { durationFrames: Math.round(6 * fps) } });

    const batch = { provider: 'replicate', model: OMNI, shotIds: [shotId] };
    const fresh = await call(s, 'generate.estimate', batch);
    const restyle = await call(s, 'generate.estimate', { ...batch, restyle: true });
    expect(fresh).toMatchObject({ jobs: 1 });
    expect(fresh.total).toBeCloseTo(0.112 * 6);
    expect(restyle).toMatchObject({ jobs: 1 });
    expect(restyle.total).toBeCloseTo(0.112 * 4);

    const done = settled(s, 1);
    await call(s, 'generate.start', { ...batch, restyle: true });
    await done;
    const job = (await call(s, 'jobs.list', {})).find((j) => j.provider === 'replicate')!;
    expect(job.state).toBe('succeeded');
    const sent = job.request as { sourceVideo?: { takeId?: string; durationSec: number; fps?: number } };
    expect(sent.sourceVideo).toMatchObject({ takeId: take.id, durationSec: 4, fps });
    const input = (rep.createRequests().at(-1)?.body as { input: Record<string, unknown> }).input;
    expect(input).toMatchObject({ video_reference_type: 'base', keep_original_sound: true });
    expect(String(input.reference_video)).toMatch(/^data:video\/mp4;base64,/);
    expect(input).not.toHaveProperty('duration');
  });
});
