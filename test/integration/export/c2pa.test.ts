/**
 * C2PA in a delivery run. A throwaway test CA and ES256 signing certificate are made with the
 * system openssl; one run signs an MP4 (H.264) and a MOV (ProRes). Each file is then read and
 * validated by an INDEPENDENT implementation, @trustnxt/c2pa-ts (pure TypeScript; the signer is
 * c2pa-rs compiled to wasm): the manifest's assertions are there, the COSE signature verifies
 * against the certificate in it, and the BMFF hash binding matches; one byte changed in the
 * mdat makes the hash fail. c2pa-ts's BMFF reader admits only HEIF brands by an allow-list, so
 * the MP4/MOV brands are added to it here; its box parsing and BMFF hash check are generic ISO
 * BMFF. c2pa-rs's own reader is asked too (its verdict: Valid; the only failure it lists is the
 * test CA not being on the C2PA trust list, as expected for a throwaway CA).
 * Without credentials: no manifest in the file, and the sidecar says "unsigned".
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BMFF } from '@trustnxt/c2pa-ts/asset';
import { beforeAll, describe, expect, it } from 'vitest';
import { readC2pa } from '../../../electron/services/export/c2paEmbed.js';
import { loadC2paSigner } from '../../../electron/services/export/c2paSigner.js';
import { runDelivery } from '../../../electron/services/export/deliveryRun.js';
import { SegmentCache } from '../../../electron/services/export/segmentCache.js';
import type { DeliveryReport } from '../../../shared/api/delivery.js';
import { IPTC_COMPOSITE } from '../../../shared/export/aiLabel.js';
import { findPreset, type Deliverable } from '../../../shared/export/deliverable.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { makeTestCredentials } from './c2paFixtures.js';
import { flipMdatByte, independentValidation } from './c2paValidation.js';
import { makeToneClip } from './deliveryFixtures.js';
import { FakeExportStore } from './fakeStore.js';
import { addClip } from './fixtures.js';

const preset = (id: string, over: Partial<Deliverable> = {}): Deliverable => {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return { ...p, ...over };
};
const TWO: Deliverable[] = [
  preset('instagram-1x1', { resolution: '720p' }),
  preset('broadcast-master', { resolution: '720p', loudnessLufs: null }),
];

describe('delivery: C2PA manifest when a signing certificate is configured', () => {
  const dir = tempDir();
  let clips: ClipSpec[];
  let creds: ReturnType<typeof makeTestCredentials>;
  let signed: DeliveryReport;
  let unsigned: DeliveryReport;

  const doc = () => {
    const d = makeDoc(clips, { dir, width: 854, height: 480, fps: { num: 24, den: 1 } });
    // Shot 1 generated, shot 2 the user's own footage: a composite with trained algorithmic media.
    Object.assign(d.takes[0] ?? {}, { provider: 'kling', model: 'kling-v3', seed: 3 });
    return d;
  };

  beforeAll(async () => {
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'pki'));
    creds = makeTestCredentials(join(dir, 'pki'));
    clips = [0, 1].map((i) => {
      const src = join(dir, `src/tone${i}.mp4`);
      makeToneClip(src, { color: i ? '0x305020' : '0x203050', freq: 330 + 110 * i, volume: 0.3, sec: 1 });
      return addClip(dir, `media/tone${i}.mp4`, src, { prompt: `shot ${i + 1}` });
    });
    const signer = await loadC2paSigner({ certChainPath: creds.chain, privateKeyPath: creds.key });
    const cache = new SegmentCache(join(dir, 'cache'));
    signed = await runDelivery(new FakeExportStore(dir, doc()), cache, {
      deliverables: TWO,
      out: join(dir, 'signed'),
      quality: 'draft',
      fontFile: null,
      c2pa: signer,
    });
    unsigned = await runDelivery(new FakeExportStore(dir, doc()), cache, {
      deliverables: TWO,
      out: join(dir, 'unsigned'),
      quality: 'draft',
      fontFile: null,
    });
  }, 240_000);

  it('embeds a manifest an independent reader validates: assertions, signature, BMFF hash', async () => {
    expect(signed.deliverables.map((d) => [d.outPath.slice(-4), d.c2pa])).toEqual([
      ['.mp4', 'signed'],
      ['.mov', 'signed'],
    ]);
    for (const d of signed.deliverables) {
      const v = await independentValidation(readFileSync(d.outPath));
      expect(v, d.outPath).not.toBeNull();
      expect(v?.generator).toBe('Storyboard');
      expect(v?.assertions).toEqual(expect.arrayContaining(['c2pa.actions.v2', 'c2pa.hash.bmff.v3']));
      expect(v?.actions.map((a) => a.action)).toEqual(['c2pa.created', 'c2pa.placed', 'c2pa.edited']);
      expect(v?.actions[0]?.digitalSourceType).toBe(IPTC_COMPOSITE);
      // One ingredient: the kling take (the imported clip is the user's own footage).
      expect(v?.ingredients).toBe(1);
      // The COSE signature verifies with the certificate in it; each assertion's hashed URI matches.
      expect(v?.codes).toEqual(expect.arrayContaining(['+claimSignature.validated', '+assertion.hashedURI.match']));
      expect(v?.codes.filter((c) => c.startsWith('-') && c !== '-assertion.bmffHash.mismatch')).toEqual([]);
      expect(v?.hashMatches).toBe(true);
    }
  });

  it('c2pa-rs reads it as Valid (the test CA is, as expected, not on the trust list)', async () => {
    const [mp4, mov] = signed.deliverables;
    for (const [d, format] of [
      [mp4, 'video/mp4'],
      [mov, 'video/quicktime'],
    ] as const) {
      const r = await readC2pa(readFileSync(d?.outPath ?? ''), format);
      expect(r?.state).toBe('Valid');
      expect(r?.claimGenerator).toBe('Storyboard');
      expect(r?.failures).toEqual(['signingCredential.untrusted']);
    }
  });

  it('one byte changed in the mdat: the hash binding fails in both readers', async () => {
    const bytes = flipMdatByte(readFileSync(signed.deliverables[0]?.outPath ?? ''));
    const v = await independentValidation(bytes);
    expect(v?.codes).toContain('+claimSignature.validated');
    expect(v?.hashMatches).toBe(false);
    const r = await readC2pa(bytes, 'video/mp4');
    expect(r?.state).toBe('Invalid');
    expect(r?.failures).toContain('assertion.bmffHash.mismatch');
  });

  it('the provenance sidecar says signed / unsigned; without credentials there is no manifest', async () => {
    for (const d of signed.deliverables) {
      expect(JSON.parse(readFileSync(d.provenancePath, 'utf8'))).toMatchObject({ c2pa: 'signed' });
    }
    for (const d of unsigned.deliverables) {
      expect(d.c2pa).toBe('unsigned');
      expect(JSON.parse(readFileSync(d.provenancePath, 'utf8'))).toMatchObject({ c2pa: 'unsigned' });
      expect(new BMFF(readFileSync(d.outPath)).getManifestJUMBF()).toBeUndefined();
    }
  });

  it('refuses credentials that cannot sign, each with its own translated message', async () => {
    const keyOf = async (p: Promise<unknown>): Promise<unknown> =>
      p.then(
        () => 'accepted',
        (e: { details?: { messageKey?: string } }) => e.details?.messageKey,
      );
    expect(await keyOf(loadC2paSigner({ certChainPath: creds.chain, privateKeyPath: creds.otherKey }))).toBe(
      'c2pa.errors.keyMismatch',
    );
    expect(await keyOf(loadC2paSigner({ certChainPath: join(dir, 'missing.pem'), privateKeyPath: creds.key }))).toBe(
      'c2pa.errors.chainUnreadable',
    );
    expect(await keyOf(loadC2paSigner({ certChainPath: creds.key, privateKeyPath: creds.key }))).toBe(
      'c2pa.errors.noCertificate',
    );
    expect(
      await keyOf(loadC2paSigner({ certChainPath: creds.rootOnly, privateKeyPath: join(dir, 'pki/ca.key') })),
    ).toBe('c2pa.errors.caAsSigner');
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect(await keyOf(loadC2paSigner({ certChainPath: creds.chain, privateKeyPath: creds.key }, later))).toBe(
      'c2pa.errors.expired',
    );
  });
});
