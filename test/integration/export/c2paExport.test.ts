/**
 * C2PA in a single-file export (exportJob.ts, the app's Export dialog and plain `storyboard
 * export`): signed the same way as a delivery run's files when a signing certificate is given,
 * in both ways the file is written (the stream copy and the re-encode), validated by an
 * independent reader (c2pa-ts, c2paValidation.ts) and by c2pa-rs; the provenance sidecar says
 * signed / unsigned; without credentials the file has no manifest.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BMFF } from '@trustnxt/c2pa-ts/asset';
import { beforeAll, describe, expect, it } from 'vitest';
import { readC2pa } from '../../../electron/services/export/c2paEmbed.js';
import { loadC2paSigner, type C2paSigner } from '../../../electron/services/export/c2paSigner.js';
import { runExport } from '../../../electron/services/export/exportJob.js';
import { IPTC_COMPOSITE } from '../../../shared/export/aiLabel.js';
import { tempDir } from '../../helpers/tmp.js';
import { makeDoc, type ClipSpec } from '../../unit/export/doc.js';
import { makeTestCredentials } from './c2paFixtures.js';
import { independentValidation } from './c2paValidation.js';
import { makeToneClip } from './deliveryFixtures.js';
import { FakeExportStore } from './fakeStore.js';
import { addClip } from './fixtures.js';

describe('single-file export: C2PA manifest when a signing certificate is configured', () => {
  const dir = tempDir();
  let clips: ClipSpec[];
  let signer: C2paSigner;

  /** At the clips' own size (320x180) the cut is a stream copy; at 640x360 it is re-encoded. */
  const store = (width: number, height: number) => {
    const d = makeDoc(clips, { dir, width, height, fps: { num: 24, den: 1 } });
    // Shot 1 generated, shot 2 the user's own footage: a composite with trained algorithmic media.
    Object.assign(d.takes[0] ?? {}, { provider: 'kling', model: 'kling-v3', seed: 3 });
    return new FakeExportStore(dir, d);
  };

  beforeAll(async () => {
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'pki'));
    const creds = makeTestCredentials(join(dir, 'pki'));
    clips = [0, 1].map((i) => {
      const src = join(dir, `src/tone${i}.mp4`);
      makeToneClip(src, { color: i ? '0x305020' : '0x203050', freq: 330 + 110 * i, volume: 0.3, sec: 1 });
      return addClip(dir, `media/tone${i}.mp4`, src, { prompt: `shot ${i + 1}` });
    });
    signer = await loadC2paSigner({ certChainPath: creds.chain, privateKeyPath: creds.key });
  }, 120_000);

  it.each([
    ['re-encoded MP4', 640, 360, 'cut.mp4', 'video/mp4'],
    ['re-encoded MOV', 640, 360, 'cut.mov', 'video/quicktime'],
    ['stream-copied MP4', 320, 180, 'copy.mp4', 'video/mp4'],
  ] as const)(
    'signs a %s: both readers validate it, the sidecar says signed',
    async (_what, w, h, name, format) => {
      const outPath = join(dir, name);
      const r = await runExport(store(w, h), { outPath, quality: 'draft', provenance: { c2pa: signer } });
      expect(r.c2pa).toBe('signed');
      if (name === 'copy.mp4') expect(r.mode).toBe('copy');
      const bytes = readFileSync(outPath);
      const v = await independentValidation(bytes);
      expect(v, outPath).not.toBeNull();
      expect(v?.generator).toBe('Storyboard');
      expect(v?.assertions).toEqual(expect.arrayContaining(['c2pa.actions.v2', 'c2pa.hash.bmff.v3']));
      expect(v?.actions[0]?.digitalSourceType).toBe(IPTC_COMPOSITE);
      expect(v?.ingredients).toBe(1);
      expect(v?.codes).toEqual(expect.arrayContaining(['+claimSignature.validated', '+assertion.hashedURI.match']));
      expect(v?.codes.filter((c) => c.startsWith('-') && c !== '-assertion.bmffHash.mismatch')).toEqual([]);
      expect(v?.hashMatches).toBe(true);
      const rs = await readC2pa(bytes, format);
      expect(rs?.state).toBe('Valid');
      expect(rs?.failures).toEqual(['signingCredential.untrusted']);
      expect(JSON.parse(readFileSync(`${outPath}.provenance.json`, 'utf8'))).toMatchObject({ c2pa: 'signed' });
    },
    240_000,
  );

  it('without credentials: no manifest, the sidecar says unsigned; without provenance asked: no sidecar', async () => {
    const outPath = join(dir, 'plain.mp4');
    const r = await runExport(store(640, 360), { outPath, quality: 'draft', provenance: { c2pa: null } });
    expect(r.c2pa).toBe('unsigned');
    expect(new BMFF(readFileSync(outPath)).getManifestJUMBF()).toBeUndefined();
    expect(JSON.parse(readFileSync(`${outPath}.provenance.json`, 'utf8'))).toMatchObject({ c2pa: 'unsigned' });
    const bare = join(dir, 'bare.mp4');
    expect((await runExport(store(640, 360), { outPath: bare, quality: 'draft' })).c2pa).toBeUndefined();
    expect(existsSync(`${bare}.provenance.json`)).toBe(false);
  }, 240_000);
});
