/**
 * A clip-editing model (Runway Aleph 2) chosen for a shot restyles that shot's clip with no
 * --restyle flag: the estimate and the job agree on the clip (the picked take, else the latest),
 * priced on the clip's length, and the create carries that clip. A shot without a clip is a
 * planned problem with the translated code, nothing sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract.js';
import { startFakeRunway, type FakeRunway } from '../../fakes/runway.js';
import { call, services } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { join } from 'node:path';

const root = tempDir();
const saved = { ...process.env };
let runway: FakeRunway;

beforeAll(async () => {
  runway = await startFakeRunway({ runMs: 20 });
  process.env.STORYBOARD_CONFIG_DIR = join(root, 'config');
  process.env.STORYBOARD_RUNWAY_BASE_URL = runway.url;
  process.env.STORYBOARD_RUNWAY_API_KEY = 'test-key';
});
afterAll(async () => {
  process.env = saved;
  await runway.close();
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
