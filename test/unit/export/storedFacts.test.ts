/**
 * Clip facts gathered by the import's one ffprobe and stored apart from the asset
 * (storedFacts.ts): the same facts the export's own probe finds, kept through their JSON
 * column, ignored when their version or shape is not the current one, and never in MediaInfo.
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
  const asset = {
    id: 'a'.repeat(64),
    path: 'media/aa/a.mp4',
    originalName: 'horse.mp4',
    bytes: 1,
    origin: 'imported',
    info,
    createdAt: 'now',
  };
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
    expect(parseProbeOutput(json, 'horse.mp4')).toMatchObject({
      kind: 'video',
      width: 720,
      height: 480,
      fps: { num: 8, den: 1 },
    });
    expect(parseClipFacts(json)).toEqual(horseFacts());
  });
});

describe('stored clip facts', () => {
  const facts = horseFacts();
  const info = parseProbeOutput(importJson(), 'horse.mp4');
  /** Through a JSON round trip, as the asset_copy_facts column keeps them. */
  const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

  it('survive their JSON column unchanged', () => {
    expect(roundTrip(toStoredFacts(facts))).toEqual({ version: CLIP_FACTS_VERSION, facts });
    expect(storedFactsOf(roundTrip(toStoredFacts(facts)))).toEqual(facts);
  });

  it('absent on assets imported before they were stored: none', () => {
    expect(storedFactsOf(undefined)).toBeNull();
    expect(storedFactsOf(null)).toBeNull();
  });

  it('of another version are ignored', () => {
    expect(storedFactsOf({ version: CLIP_FACTS_VERSION + 1, facts: { renamed: true } })).toBeNull();
    expect(storedFactsOf({ version: CLIP_FACTS_VERSION - 1, facts })).toBeNull();
    expect(storedFactsOf({ facts })).toBeNull();
  });

  it('of the current version but another shape are ignored', () => {
    const { packets: _, ...noPackets } = facts;
    expect(storedFactsOf({ version: CLIP_FACTS_VERSION, facts: noPackets })).toBeNull();
    expect(storedFactsOf({ version: CLIP_FACTS_VERSION, facts: { ...facts, width: '720' } })).toBeNull();
  });

  it('are no part of an asset: an info that still carries them loads without them', () => {
    const asset = assetFrom({ ...info, copyFacts: toStoredFacts(facts) });
    expect(asset.info).toEqual(info);
    expect(asset.info).not.toHaveProperty('copyFacts');
    expect(MediaInfoSchema.parse({ ...info, copyFacts: toStoredFacts(facts) })).not.toHaveProperty('copyFacts');
  });
});
