/**
 * Continuity between shots against the real AI clips, real ffmpeg and the strict Runway fake,
 * through the BUILT CLI: the bridge shot's request starts on A's frame at its trim out and ends
 * on B's frame at its trim in, and both frames sent decode to the very pixels of those frames
 * (decoded here independently, by frame number); a provider that cannot end on a frame is
 * refused with the models that can, and nothing is added. "End on the next shot's first frame"
 * grabs B's frame at its trim in (the same pixels) as ONE undo step.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextShotFirstFrame } from '../../../electron/services/media/continuity.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { runCli } from '../../helpers/cli.js';
import { REAL_CLIPS, rgbFrame } from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';
import { runwayCli } from './runwayCli.js';

const root = tempDir();
const rig = runwayCli(root);
const { env, ok } = rig;
const rgb = rgbFrame;

/**
 * Two shots at 24 fps on the 8 fps clips: A (horse) trimmed to project frames 12..96, so its
 * last shown frame is project frame 95 = 3.958 s = horse frame 31; B (kitten) trimmed in at
 * project frame 24 = 1 s = kitten frame 8.
 */
async function twoShots(name: string): Promise<{ dir: string; a: string; b: string }> {
  const dir = join(root, name);
  await ok(['new', dir, '--name', name, '--resolution', '720p', '--fps', '24']);
  const a = await ok(['add-shot', dir, '--video', REAL_CLIPS.horse, '--prompt', 'a horse runs']);
  const b = await ok(['add-shot', dir, '--video', REAL_CLIPS.kitten, '--prompt', 'a kitten looks up']);
  const store = ProjectStore.open(dir);
  try {
    store.shots.setTrim(a, 12, 96);
    store.shots.setTrim(b, 24, null);
  } finally {
    store.close();
  }
  return { dir, a, b };
}

describe('continuity between shots', () => {
  it('a bridge starts on A at its trim out and ends on B at its trim in, pixel for pixel', async () => {
    const { dir, a, b } = await twoShots('bridge');
    const refused = await runCli(['bridge', dir, '--after', a, '--provider', 'animatic'], env());
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(
      /cannot end a clip on a given frame.*Models that can: .*Runway: Veo 3\.1 \(via Runway\) \[runway\/veo3\.1\]/s,
    );
    const before = ProjectStore.open(dir);
    expect(before.snapshot().shots).toHaveLength(2);
    before.close();

    const bridgeId = await ok(['bridge', dir, '--after', a, '--provider', 'runway', '--model', 'veo3.1']);
    const create = rig.runway.requests.find((r) => r.path === '/v1/image_to_video' && r.status === 200)!;
    expect(create.body).toMatchObject({ model: 'veo3.1' });
    const frames = (create.body as { promptImage: { uri: string; position: string }[] }).promptImage;
    const first = rig.sentFile(frames.find((f) => f.position === 'first')!.uri, 'first.png');
    const last = rig.sentFile(frames.find((f) => f.position === 'last')!.uri, 'last.png');
    expect(rgb(first).equals(rgb(REAL_CLIPS.horse, 31))).toBe(true);
    expect(rgb(first).equals(rgb(REAL_CLIPS.horse, 32))).toBe(false);
    expect(rgb(last).equals(rgb(REAL_CLIPS.kitten, 8))).toBe(true);
    expect(rgb(last).equals(rgb(REAL_CLIPS.kitten, 7))).toBe(false);

    const store = ProjectStore.open(dir);
    try {
      const snap = store.snapshot();
      expect(snap.shots.map((s) => s.id)).toEqual([a, bridgeId, b]);
      expect(snap.takes.filter((t) => t.shotId === bridgeId)).toHaveLength(1);
      // One undo step removes the bridge (the take made for it stays stored, hidden with it).
      store.undo();
      expect(store.snapshot().shots.map((s) => s.id)).toEqual([a, b]);
    } finally {
      store.close();
    }
  }, 180_000);

  it('"end on the next shot\'s first frame" grabs B at its trim in, as one undo step', async () => {
    const { dir, a } = await twoShots('next');
    const store = ProjectStore.open(dir);
    try {
      const asset = await nextShotFirstFrame(store, a);
      store.shots.setFrame(a, 'last', asset.id);
      expect(rgb(store.absPath(asset.path)).equals(rgb(REAL_CLIPS.kitten, 8))).toBe(true);
      expect(store.getShot(a).lastFrameAssetId).toBe(asset.id);
      store.undo();
      expect(store.getShot(a).lastFrameAssetId).toBeNull();
      await expect(nextShotFirstFrame(store, store.snapshot().shots[1]!.id)).rejects.toThrow(
        /last shot has no next shot/,
      );
    } finally {
      store.close();
    }
  }, 120_000);
});
