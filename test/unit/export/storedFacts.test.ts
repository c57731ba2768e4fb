/**
 * Clip facts gathered by the import's one ffprobe and stored with the asset (storedFacts.ts):
 * the same facts the export's own probe finds, kept through the asset's JSON and schema, and
 * ignored when their version or shape is not the current one.
 */
import { describe, expect, it } from 'vitest';
import { clipFactsArgs, parseClipFacts } from '../../../shared/export/copyFacts.js';
import { CLIP_FACTS_VERSION, storedFactsOf, toStoredFacts } from '../../../shared/export/storedFacts.js';
import { parseProbeOutput, probeArgs } from '../../../shared/media/probe.js';
import { AssetSchema, MediaInfoSchema, type Asset } from '../../../shared/model/entities.js';
import { capturedJson, horseFacts } from './captured.js';

const importJson = (): unknown => capturedJson('import-probe-ai-horse-720x480-8fps.json');

/** The asset the import would record from that probe, through a JSON round trip (the assets table). */
function assetFrom(info: unknown): Asset {
  const asset = { id: 'a'.repeat(64), path: 'media/aa/a.mp4', originalName: 'horse.mp4', bytes: 1, origin: 'imported', info, createdAt: 'now' };
  return AssetSchema.parse(JSON.parse(JSON.stringify(asset)));
}

describe('the import probe', () => {
  it('asks ffprobe for the same packet entries and data hash as the export probe, only when told to', () => {
    const args = probeArgs('/x/-a.mp4', { packets: true });
    const facts = clipFactsArgs('/x/-a.mp4');
    expect(args[args.indexOf('-show_entries') + 1]).toBe(facts[facts.indexOf('-show_entries') + 1]);
    expect(args).toEqual(expect.arrayContaining(['-show_data_hash', 'sha256']));
    expect(args.slice(-2)).toEqual(['-i', '/x/-a.mp4']);
    expect(probeArgs('/x/a.png')).not.toContain('-show_entries');
    expect(probeArgs('/x/a.png')).not.toContain('-show_data_hash');
  });

  it('yields both MediaInfo and the very facts the export probe finds on the real AI clip', () => {
    const json = importJson();
    expect(parseProbeOutput(json, 'horse.mp4')).toMatchObject({ kind: 'video', width: 720, height: 480, fps: { num: 8, den: 1 } });
    expect(parseClipFacts(json)).toEqual(horseFacts());
  });
});

describe('stored clip facts', () => {
  const facts = horseFacts();
  const info = { ...parseProbeOutput(importJson(), 'horse.mp4'), copyFacts: toStoredFacts(facts) };

  it('survive the asset schema and its JSON column unchanged', () => {
    const asset = assetFrom(info);
    expect(asset.info.copyFacts).toEqual({ version: CLIP_FACTS_VERSION, facts });
    expect(storedFactsOf(asset.info)).toEqual(facts);
  });

  it('absent on assets imported before they were stored: none, and the asset still loads', () => {
    const { copyFacts: _, ...old } = info;
    expect(storedFactsOf(assetFrom(old).info)).toBeNull();
  });

  it('of another version are ignored, and the asset still loads', () => {
    const stale = assetFrom({ ...info, copyFacts: { version: CLIP_FACTS_VERSION + 1, facts: { renamed: true } } });
    expect(stale.info.copyFacts?.version).toBe(CLIP_FACTS_VERSION + 1);
    expect(storedFactsOf(stale.info)).toBeNull();
    expect(storedFactsOf({ copyFacts: { version: CLIP_FACTS_VERSION - 1, facts } })).toBeNull();
  });

  it('of the current version but another shape are ignored', () => {
    const { packets: _, ...noPackets } = facts;
    expect(storedFactsOf({ copyFacts: { version: CLIP_FACTS_VERSION, facts: noPackets } })).toBeNull();
    expect(storedFactsOf({ copyFacts: { version: CLIP_FACTS_VERSION, facts: { ...facts, width: '720' } } })).toBeNull();
  });

  it('a copyFacts without a version is refused by the schema', () => {
    expect(MediaInfoSchema.safeParse({ ...info, copyFacts: { facts } }).success).toBe(false);
  });
});
