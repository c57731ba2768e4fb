/**
 * Chain extend through the BUILT CLI against the strict Runway fake (Runway's image_to_video has
 * no extend endpoint for its own clips): each link's request starts on the exact frame at the
 * take's trim out (decoded here independently, by frame number: the horse clip's frame 31 and
 * not 32), the link joins at that frame (its take starts one frame in, so the shared frame is
 * shown once), the plan to 60 s is links x price up front, an over-budget chain sends nothing,
 * and --dry-run writes nothing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { REAL_CLIPS, rgbFrame as rgb } from '../../helpers/media.js';
import { readProject as read } from '../../helpers/projectCli.js';
import { tempDir } from '../../helpers/tmp.js';
import { runwayCli } from './runwayCli.js';

const root = tempDir();
const rig = runwayCli(root);
const { env, ok } = rig;

/** The horse clip (8 fps) at 24 fps, trimmed to project frames 12..96: its last shown frame is horse frame 31. */
async function horseShot(name: string): Promise<{ dir: string; shotId: string; takeId: string }> {
  const dir = join(root, name);
  await ok(['new', dir, '--name', name, '--resolution', '720p', '--fps', '24']);
  const shotId = await ok(['add-shot', dir, '--video', REAL_CLIPS.horse, '--prompt', 'a horse runs']);
  const takeId = read(dir, (s) => {
    s.shots.setTrim(shotId, 12, 96);
    return s.getShot(shotId).selectedTakeId!;
  });
  return { dir, shotId, takeId };
}

describe('chain extend (long-take builder)', () => {
  it('plans 60 s up front; --dry-run and an over-budget chain send and write nothing', async () => {
    const { dir, takeId } = await horseShot('plan');
    const before = rig.runway.creates;
    const dry = await runCli(
      ['extend', dir, '--take', takeId, '--to', '60', '--provider', 'runway', '--link', '5', '--dry-run'],
      env(),
    );
    expect(dry.status).toBe(0);
    // 3.5 s shown; each 5 s link adds 5 s less the shared frame: ceil(56.5 / 4.9583) = 12 links.
    expect(dry.stderr).toContain('3.50 s -> 60 s: 12 link(s) of 5.00 s on runway');
    const over = await runCli(
      ['extend', dir, '--take', takeId, '--to', '60', '--provider', 'runway', '--link', '5', '--budget', '0.5'],
      env(),
    );
    expect(over.status).not.toBe(0);
    expect(over.stderr).toMatch(/over the project budget/);
    expect(read(dir, (s) => s.snapshot().shots.length)).toBe(1);
    expect(rig.runway.creates).toBe(before);
  }, 120_000);

  it('each link starts on the exact frame at trim out and joins at it (shown once)', async () => {
    const { dir, shotId, takeId } = await horseShot('chain');
    const before = rig.runway.creates;
    const out = await ok(['extend', dir, '--take', takeId, '--to', '8', '--provider', 'runway', '--link', '5']);
    // ceil((8 - 3.5) / 4.9583) = 1 link.
    expect(rig.runway.creates - before).toBe(1);
    const create = rig.runway.requests.filter((r) => r.path === '/v1/image_to_video' && r.status === 200).at(-1)!;
    const prompt = (create.body as { promptImage: string | { uri: string }[] }).promptImage;
    const uri = typeof prompt === 'string' ? prompt : prompt[0]!.uri;
    const sent = rig.sentFile(uri, 'first.png');
    expect(rgb(sent).equals(rgb(REAL_CLIPS.horse, 31))).toBe(true);
    expect(rgb(sent).equals(rgb(REAL_CLIPS.horse, 32))).toBe(false);
    const [linkShotId, linkTakeId] = out.split(' ');
    const snap = read(dir, (s) => s.snapshot());
    expect(snap.shots.map((s) => s.id)).toEqual([shotId, linkShotId]);
    const link = snap.shots[1]!;
    expect([link.trimInFrames, link.selectedTakeId, link.title]).toEqual([1, linkTakeId, 'Extension']);
  }, 180_000);
});
