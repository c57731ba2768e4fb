/**
 * Clip facts stored at import (apart from the asset: asset_copy_facts, read through the
 * export's store port): the import's one ffprobe gathers them, an
 * export of imported takes then starts no clip probe (only the output's verification), assets
 * without them are probed as before, and a file edited in media/ behind the app's back is not
 * judged on stale facts. ffprobe calls are counted by a wrapper script, as in
 * copyProbeCache.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearClipFactsCache } from '../../../electron/services/export/copyProbe.js';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { setFfPaths } from '../../../electron/services/ffmpeg/binaries.js';
import { generateShots } from '../../../electron/services/generation/jobs.js';
import { importFile, type AssetStore } from '../../../electron/services/media/import.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { clipFactsArgs, parseClipFacts } from '../../../shared/export/copyFacts.js';
import { CLIP_FACTS_VERSION, storedFactsOf } from '../../../shared/export/storedFacts.js';
import type { Asset, ProjectSnapshot } from '../../../shared/model/entities.js';
import { countVideoFrames } from '../../helpers/ffprobe.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc } from '../../unit/export/doc.js';
import { FakeExportStore } from './fakeStore.js';
import { logFfprobeCalls } from './fixtures.js';
import { colourClip as colourClipOf, markedClip } from './syncFixtures.js';
import { realMedia } from '../../helpers/realMedia.js';

/** 1 s 320x240 24 fps H.264 + AAC, as markedClip, with its own colour: same settings, other bytes. */
const colourClip = (out: string, colour: string): string =>
  colourClipOf(out, colour, { size: '320x240', box: 80, preset: 'veryfast' });

/** A project of these imported assets, one shot each, with their real ids, paths and infos. */
function docOf(dir: string, assets: Asset[]): ProjectSnapshot {
  const doc = makeDoc(
    assets.map((a) => ({ path: a.path, info: a.info })),
    { dir, width: 320, height: 240, fps: { num: 24, den: 1 } },
  );
  doc.assets.forEach((a, i) => {
    const real = assets[i] as Asset;
    for (const t of doc.takes) if (t.assetId === a.id) t.assetId = real.id;
    a.id = real.id;
  });
  return doc;
}

describe('clip facts stored at import', () => {
  const root = tempDir();
  const log = join(root, 'ffprobe-calls.log');
  const dir = join(root, 'project');
  const assets = new Map<string, Asset>();
  const stored = new Map<string, unknown>();
  const store: AssetStore = {
    dir,
    upsertAsset: (a, facts) => {
      assets.set(a.id, a);
      if (facts) stored.set(a.id, JSON.parse(JSON.stringify(facts)));
    },
    findAsset: (id) => assets.get(id),
  };
  let imported: Asset[] = [];

  beforeAll(async () => {
    logFfprobeCalls(root, log);
    mkdirSync(join(root, 'src'), { recursive: true });
    imported = [];
    for (const colour of ['red', 'blue'])
      imported.push(await importFile(store, colourClip(join(root, 'src', `${colour}.mp4`), colour), 'imported'));
  });
  afterAll(() => setFfPaths(null));

  const calls = (): string[] => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const exportOf = async (
    doc: ProjectSnapshot,
    name: string,
    facts: ReadonlyMap<string, unknown> = stored,
  ): Promise<{ mode: string; reason: string; clipProbes: number; other: number; file: string }> => {
    clearClipFactsCache();
    writeFileSync(log, '');
    const file = join(root, 'out', name);
    mkdirSync(join(root, 'out'), { recursive: true });
    const fake = new FakeExportStore(dir, doc);
    for (const [id, f] of facts) fake.facts.set(id, f);
    const result = await runExport(fake, { outPath: file, quality: 'draft' });
    const c = calls();
    return {
      mode: result.mode,
      reason: result.reason,
      clipProbes: c.filter((x) => x === 'clip').length,
      other: c.filter((x) => x === 'other').length,
      file,
    };
  };

  it('the import stores the facts the export probe would find, with the current version', () => {
    expect(imported).toHaveLength(2);
    for (const a of imported) {
      expect(stored.get(a.id)).toMatchObject({ version: CLIP_FACTS_VERSION });
      expect(a.info).not.toHaveProperty('copyFacts');
      const probed = parseClipFacts(
        JSON.parse(execFileSync('ffprobe', clipFactsArgs(join(dir, a.path)), { encoding: 'utf8' })),
      );
      expect(storedFactsOf(stored.get(a.id))).toEqual(probed);
    }
  });

  it('images get none', async () => {
    const png = await importFile(store, realMedia('first-frame-camping.png'), 'imported');
    expect(png.info.kind).toBe('image');
    expect(stored.has(png.id)).toBe(false);
  });

  it('an export of imported takes starts no clip probe; the output is still verified', async () => {
    const r = await exportOf(docOf(dir, imported), 'stored.mp4');
    expect(r).toMatchObject({ mode: 'copy', clipProbes: 0, other: 1 });
    expect(countVideoFrames(r.file)).toBe(48);
  });

  it('assets without stored facts (imported before) are probed at export, and still copied', async () => {
    const r = await exportOf(docOf(dir, imported), 'probed.mp4', new Map());
    expect(r).toMatchObject({ mode: 'copy', clipProbes: 2, other: 1 });
    expect(countVideoFrames(r.file)).toBe(48);
  });

  it('a file edited in media/ behind the app is judged on its new bytes, not its stored facts', async () => {
    const edited = markedClip(join(root, 'src', 'crf30.mp4'), { x264: ['-crf', '30'] });
    const b = imported[1] as Asset;
    copyFileSync(edited, join(dir, b.path));
    const r = await exportOf(docOf(dir, imported), 'edited.mp4');
    expect(r.clipProbes).toBe(1);
    expect(r.mode).toBe('reencode');
    expect(r.reason).toMatch(/different H\.264 settings \(SPS\/PPS\)/);
    expect(countVideoFrames(r.file)).toBe(48);
  });
});

describe('generated takes', () => {
  let project: ProjectStore | null = null;
  afterAll(() => project?.close());

  it('the generation job path (runJob -> importFile) stores them too, in SQLite', async () => {
    const s = ProjectStore.create(join(tempDir(), 'gen 项目'), {
      name: 'Gen',
      aspect: '16:9',
      resolution: '720p',
      fps: { num: 24, den: 1 },
    });
    project = s;
    const shot = s.shots.add({ prompt: 'a lighthouse', durationFrames: 12 });
    const { jobIds } = await generateShots({ store: s, importFile: (p: string) => importFile(s, p, 'generated') });
    const job = s.getJob(jobIds[0] as string);
    expect(job).toMatchObject({ state: 'succeeded', shotId: shot.id });
    const asset = s.getAsset(s.getTake(job.takeId as string).assetId);
    expect(asset.origin).toBe('generated');
    expect(asset.info).not.toHaveProperty('copyFacts');
    const facts = storedFactsOf(s.clipFacts([asset.id]).get(asset.id));
    expect(facts).toMatchObject({ codec: 'h264', width: 1280, height: 720, packets: { count: 12 } });
  });
});
