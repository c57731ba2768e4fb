/**
 * Collect and conform through the BUILT CLI. A collected zip unpacked in another folder opens,
 * exports, and its media are byte-identical to the project's; --cut-only leaves the alternate
 * take out. Conform brings an editor's new order and trims back from OTIO (and FCPXML) as ONE
 * undo step and reports what it could not match.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { countVideoFrames } from '../../helpers/ffprobe.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { handoffProject } from './fixture.js';

const root = tempDir();
const env = { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config') };
let dir = '';
let shots: string[] = [];

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, env);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1))
    .sort();
}

beforeAll(async () => {
  ensureBuilt();
  const fx = await handoffProject(root);
  dir = fx.store.dir;
  shots = fx.shots;
  fx.store.close();
});

describe('storyboard collect', () => {
  it("zips project.db and the cut's media; unpacked elsewhere it opens, exports and its media are byte-identical", async () => {
    const zip = join(root, 'collected 收集.zip');
    await ok(['collect', dir, '--out', zip]);
    const other = join(root, 'another machine', 'project');
    execFileSync('sh', ['-c', 'mkdir -p "$2" && cd "$2" && unzip -q "$1"', 'sh', zip, other]);
    const media = files(other).filter((f) => f.startsWith('media/'));
    // 3 shots' takes + the alternate take + the music item; thumbnails and other files are not collected.
    expect(media).toHaveLength(5);
    expect(files(other)).toEqual(['project.db', ...media].sort());
    for (const f of media) expect(readFileSync(join(other, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
    const info = JSON.parse(await ok(['info', other, '--json'])) as { shots: { id: string }[] };
    expect(info.shots.map((s) => s.id)).toEqual(shots);
    const mp4 = join(root, 'from the copy.mp4');
    await ok(['export', other, '--out', mp4, '--quality', 'draft']);
    expect(countVideoFrames(mp4)).toBe(96 + 72 + 120 - 12 - 8);
  });

  it('--cut-only leaves the alternate take out', async () => {
    const zip = join(root, 'cut-only.zip');
    await ok(['collect', dir, '--out', zip, '--cut-only']);
    const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.filter((f) => f.startsWith('media/'))).toHaveLength(4);
  });
});

describe('storyboard conform', () => {
  type Node = Record<string, unknown>;
  it("applies an edited OTIO's order and trims as one undo step, and reports what it could not match", async () => {
    const otioPath = join(root, 'edit.otio');
    await ok(['export', dir, '--format', 'otio', '--out', otioPath]);
    const otio = JSON.parse(readFileSync(otioPath, 'utf8')) as Node;
    const v1 = ((otio.tracks as Node).children as Node[])[0] as Node;
    const clips = (v1.children as Node[]).filter((c) => c.OTIO_SCHEMA === 'Clip.2');
    const [a, b, c] = clips as [Node, Node, Node];
    // The editor drops the transitions, puts the kitten first, trims it to 2 s from 1 s in, and
    // adds a clip we never wrote.
    (c.source_range as Node).start_time = { OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: 24 };
    (c.source_range as Node).duration = { OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: 48 };
    const stranger = JSON.parse(JSON.stringify(a)) as Node;
    stranger.name = 'stock footage';
    stranger.metadata = {};
    ((stranger.media_references as Node).DEFAULT_MEDIA as Node).target_url = 'file:///elsewhere/stock.mov';
    v1.children = [c, a, stranger, b];
    writeFileSync(otioPath, JSON.stringify(otio));

    const report = JSON.parse(await ok(['conform', dir, '--from', otioPath])) as {
      matched: number;
      trimmed: number;
      moved: boolean;
      unmatched: string[];
    };
    expect(report).toMatchObject({ matched: 3, moved: true });
    expect(report.unmatched).toEqual([expect.stringMatching(/^Clip 3 "stock footage" matches no shot/)]);

    let store = ProjectStore.open(dir);
    try {
      const snap = store.snapshot();
      expect(snap.shots.map((s) => s.id)).toEqual([shots[2], shots[0], shots[1]]);
      expect(snap.shots[0]).toMatchObject({ trimInFrames: 24, trimOutFrames: 72 });
      expect(store.historyState().undoLabel).toBe('handoff.conform');
      expect(store.undo()).toBe(true);
      const back = store.snapshot();
      expect(back.shots.map((s) => s.id)).toEqual(shots);
      expect(back.shots[2]).toMatchObject({ trimInFrames: 0, trimOutFrames: 120 });
    } finally {
      store.close();
    }

    // FCPXML too, matched by media (our FCPXML keeps no shot ids): our own file changes nothing.
    const fcpxml = join(root, 'same.fcpxml');
    await ok(['export', dir, '--format', 'fcpxml', '--out', fcpxml]);
    const same = JSON.parse(await ok(['conform', dir, '--from', fcpxml])) as Node;
    expect(same).toEqual({ matched: 3, trimmed: 0, moved: false, unmatched: [] });
    store = ProjectStore.open(dir);
    try {
      expect(store.historyState().undoLabel).not.toBe('handoff.conform');
    } finally {
      store.close();
    }
  });

  it('refuses a file it cannot read, changing nothing', async () => {
    const bad = join(root, 'notes.txt');
    writeFileSync(bad, 'hello');
    const r = await runCli(['conform', dir, '--from', bad], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/use an \.otio or \.fcpxml file/);
  });
});
