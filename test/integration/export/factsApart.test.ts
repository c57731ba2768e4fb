/**
 * The import's clip facts are kept apart from the document (project.db asset_copy_facts,
 * migration 0005): a contract call's snapshot, the project.changed events and
 * ProjectStore.snapshot() carry none of them (a 10 s clip's facts are ~15 KB, and a snapshot
 * crosses the contract on every edit), while an export through the real store still finds
 * them (no clip ffprobe) and garbage collection deletes them with their asset. ffprobe calls
 * are counted by a wrapper script, as in storedFacts.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract.js';
import { CLIP_FACTS_VERSION, storedFactsOf } from '../../../shared/export/storedFacts.js';
import { clipFactsArgs, parseClipFacts } from '../../../shared/export/copyFacts.js';
import { clearClipFactsCache } from '../../../electron/services/export/copyProbe.js';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { setFfPaths } from '../../../electron/services/ffmpeg/binaries.js';
import { collectGarbage, importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { countVideoFrames } from '../../helpers/ffprobe.js';
import { call, closeServices, services } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';
import { logFfprobeCalls } from './fixtures.js';
import { colourClip as colourClipOf } from './syncFixtures.js';

/** 1 s 1280x720 24 fps H.264 + AAC with its own colour (a 16:9 720p project copies it). */
const colourClip = (out: string, colour: string): string =>
  colourClipOf(out, colour, { size: '1280x720', box: 160, preset: 'ultrafast' });

/** Words only the clip facts hold (packet layout, stream hashes), never MediaInfo. */
const FACT_WORDS = /copyFacts|extradataHash|videoDtsBefore|firstIsKeyframe/;

describe('clip facts stay out of the snapshot', () => {
  const root = tempDir();
  const log = join(root, 'ffprobe-calls.log');
  const dir = join(root, 'project 事实');
  const clips: string[] = [];
  let store: ProjectStore | null = null;

  beforeAll(() => {
    mkdirSync(join(root, 'src'), { recursive: true });
    for (const colour of ['red', 'blue', 'green']) clips.push(colourClip(join(root, 'src', `${colour}.mp4`), colour));
  });
  afterAll(() => {
    setFfPaths(null);
    store?.close();
  });

  it('a contract call and project.changed carry none; ProjectStore.snapshot() neither; the store has them', async () => {
    const s = services();
    await call(s, 'project.create', { dir, name: 'facts', aspect: '16:9', resolution: '720p', fps: '24' });
    const events: EventPayload<'project.changed'>[] = [];
    s.on('project.changed', (p) => events.push(p));
    const outputs = [];
    for (const clip of clips.slice(0, 2)) outputs.push(await call(s, 'shots.add', { videoPath: clip }));
    const last = outputs[1]?.snapshot;
    expect(last?.assets).toHaveLength(2);
    expect(last?.assets.every((a) => a.info.kind === 'video')).toBe(true);
    expect(events.length).toBeGreaterThan(0);
    for (const json of [...outputs.map((o) => JSON.stringify(o)), ...events.map((e) => JSON.stringify(e))])
      expect(json).not.toMatch(FACT_WORDS);
    await closeServices(s);

    store = ProjectStore.open(dir);
    const snap = store.snapshot();
    expect(JSON.stringify(snap)).not.toMatch(FACT_WORDS);
    const ids = snap.assets.map((a) => a.id);
    const stored = store.clipFacts([...ids, 'f'.repeat(64)]);
    expect([...stored.keys()].sort()).toEqual([...ids].sort());
    for (const a of snap.assets) {
      expect(stored.get(a.id)).toMatchObject({ version: CLIP_FACTS_VERSION });
      const probed = parseClipFacts(
        JSON.parse(execFileSync('ffprobe', clipFactsArgs(store.absPath(a.path)), { encoding: 'utf8' })),
      );
      expect(storedFactsOf(stored.get(a.id))).toEqual(probed);
    }
  });

  it('an export through the real store finds them: stream copy, no clip ffprobe', async () => {
    const s = store as ProjectStore;
    logFfprobeCalls(root, log);
    clearClipFactsCache();
    writeFileSync(log, '');
    const outPath = join(root, 'out.mp4');
    const result = await runExport(s, { outPath, quality: 'draft' });
    const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(result.mode).toBe('copy');
    expect(calls.filter((c) => c === 'clip')).toHaveLength(0);
    expect(calls.filter((c) => c === 'other')).toHaveLength(1); // the output's verification
    expect(countVideoFrames(outPath)).toBe(48);
  });

  it('garbage collection deletes the facts with their asset', async () => {
    const s = store as ProjectStore;
    const loose = await importFile(s, clips[2] as string, 'imported');
    expect(s.clipFacts([loose.id]).size).toBe(1);
    const kept = s.snapshot().takes.map((t) => t.assetId);
    await collectGarbage(s, { graceMs: 0 });
    expect(s.listAssets().map((a) => a.id)).not.toContain(loose.id);
    expect(s.clipFacts([loose.id]).size).toBe(0);
    expect(s.clipFacts(kept).size).toBe(2);
  });
});
