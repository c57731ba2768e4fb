/**
 * The content-addressed store on a real folder: import (probe first, hash, atomic rename,
 * dedupe), the sweep of interrupted writes, frame grabs and thumbnails with the real ffmpeg.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../helpers/errors.js';
import { AppError } from '../../../shared/errors.js';
import { grabFrame, makeThumbnail } from '../../../electron/services/media/frames.js';
import { assetAbsPath, importFile, sweepMediaTemps, type AssetStore } from '../../../electron/services/media/import.js';
import { AssetSchema, type Asset } from '../../../shared/model/entities.js';
import { ffprobeJson } from '../../helpers/ffprobe.js';
import * as fx from '../../helpers/media.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const opts = { timeoutMs: 10_000 };

/** The minimal store the media service needs, over a Map, counting writes. */
function fakeStore(name: string): AssetStore & { assets: Map<string, Asset>; upserts: number } {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const assets = new Map<string, Asset>();
  return {
    dir,
    assets,
    upserts: 0,
    upsertAsset(a) {
      this.upserts++;
      assets.set(a.id, a);
    },
    findAsset: (id) => assets.get(id),
  };
}

/** Every file under dir, relative, with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('importFile', () => {
  it('stores a clip under its sha256 and records a valid asset', async () => {
    const store = fakeStore('import 镜头');
    const asset = AssetSchema.parse(await importFile(store, fx.unicodeNameClip(), 'imported', opts));
    const hash = sha256(fx.unicodeNameClip());
    expect(asset.id).toBe(hash);
    expect(asset.path).toBe(`media/${hash.slice(0, 2)}/${hash}.mp4`);
    expect(asset.originalName).toBe("镜头 'a' 100% b.mp4");
    expect(asset.bytes).toBe(statSync(fx.unicodeNameClip()).size);
    expect(asset.origin).toBe('imported');
    expect(asset.info).toMatchObject({ kind: 'video', width: 320, hasAudio: true });
    expect(sha256(assetAbsPath(store.dir, asset.path))).toBe(hash);
    expect(store.assets.get(hash)).toEqual(asset);
    expect(filesUnder(store.dir)).toEqual([asset.path]); // no temp left behind
  });

  it('dedupes: the same bytes again (any name) give the same asset and one file', async () => {
    const store = fakeStore('dedupe');
    const first = await importFile(store, fx.cfrClip(), 'imported', opts);
    const again = await importFile(store, fx.cfrClip(), 'imported', opts);
    const renamed = await importFile(store, fx.unicodeNameClip(), 'generated', opts);
    expect(again).toEqual(first);
    expect(renamed).toEqual(first);
    expect(store.upserts).toBe(1);
    expect(filesUnder(store.dir)).toEqual([first.path]);
  });

  it('restores the file of a known asset that was deleted from the store', async () => {
    const store = fakeStore('restore');
    const asset = await importFile(store, fx.pngImage(), 'imported', opts);
    const file = assetAbsPath(store.dir, asset.path);
    expect(asset.path.endsWith('.png')).toBe(true);
    rmSync(file);
    expect(await importFile(store, fx.pngImage(), 'imported', opts)).toEqual(asset);
    expect(sha256(file)).toBe(asset.id);
  });

  it.each([
    ['corrupt', fx.corruptFile, 'MEDIA_CORRUPT'],
    ['truncated', fx.truncatedClip, 'MEDIA_CORRUPT'],
    ['empty', fx.zeroByteFile, 'MEDIA_EMPTY'],
    ['text', fx.textFileAsMp4, 'MEDIA_UNSUPPORTED'],
  ] as const)('refuses a %s file before copying anything', async (name, make, code) => {
    const store = fakeStore(`refuse ${name}`);
    expect((await rejectionOf(importFile(store, make(), 'imported', opts))).code).toBe(code);
    expect(filesUnder(store.dir)).toEqual([]);
    expect(store.upserts).toBe(0);
  });

  it('removes the temp when a step after the copy fails', async () => {
    const store = fakeStore('fails late');
    store.findAsset = () => {
      throw new Error('database is locked');
    };
    await expect(importFile(store, fx.noAudioClip(), 'imported', opts)).rejects.toThrow('database is locked');
    expect(filesUnder(store.dir)).toEqual([]);
  });
});

describe('sweepMediaTemps', () => {
  it('removes leftover temps in media/ and media/thumbs/, and keeps everything else', async () => {
    const store = fakeStore('sweep');
    const asset = await importFile(store, fx.noAudioClip(), 'imported', opts);
    mkdirSync(join(store.dir, 'media', 'thumbs'), { recursive: true });
    for (const f of ['media/.tmp-dead1', 'media/thumbs/.tmp-dead2.jpg', 'media/.tmp-fresh', 'media/thumbs/keep.jpg']) {
      writeFileSync(assetAbsPath(store.dir, f), 'x');
    }
    const old = new Date(Date.now() - 3600_000);
    utimesSync(assetAbsPath(store.dir, 'media/.tmp-dead1'), old, old);
    utimesSync(assetAbsPath(store.dir, 'media/thumbs/.tmp-dead2.jpg'), old, old);
    expect((await sweepMediaTemps(store.dir, { olderThanMs: 60_000 })).sort()).toEqual([
      'media/.tmp-dead1',
      'media/thumbs/.tmp-dead2.jpg',
    ]);
    expect(await sweepMediaTemps(store.dir)).toEqual(['media/.tmp-fresh']);
    expect(filesUnder(store.dir)).toEqual([asset.path, 'media/thumbs/keep.jpg'].sort());
    expect(await sweepMediaTemps(join(root, 'no project here'))).toEqual([]);
  });
});

describe('grabFrame', () => {
  const size = (f: string) => {
    const s = ffprobeJson(f).streams[0];
    return `${s?.width}x${s?.height}`;
  };

  it('writes one upright, square-pixel frame to a Unicode/% path', async () => {
    const out = join(root, 'grabs 镜头', "frame 'a' 100%.png");
    expect(await grabFrame(fx.cfrClip(), 1, out, opts)).toBe(out);
    expect(size(out)).toBe('320x240');
    expect(size(await grabFrame(fx.rotatedClip(90), 0.5, join(root, 'grabs 镜头', 'rot.png'), opts))).toBe('240x320');
    expect(size(await grabFrame(fx.sarClip(), 0.5, join(root, 'grabs 镜头', 'sar.jpg'), opts))).toBe('640x240');
    expect(size(await grabFrame(fx.REAL_CLIPS.firstFrame, 0, join(root, 'grabs 镜头', 'still.png'), opts))).toBe(
      '720x480',
    );
    expect(filesUnder(join(root, 'grabs 镜头')).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it("'last' is the final frame", async () => {
    const last = await grabFrame(fx.REAL_CLIPS.horse, 'last', join(root, 'last', 'last.png'), opts);
    // 6.125 s at 8 fps = 49 frames; the last starts at 6.0 s.
    const atSix = await grabFrame(fx.REAL_CLIPS.horse, 6.0, join(root, 'last', 'at6.png'), opts);
    const before = await grabFrame(fx.REAL_CLIPS.horse, 5.875, join(root, 'last', 'before.png'), opts);
    expect(readFileSync(last).equals(readFileSync(atSix))).toBe(true);
    expect(readFileSync(last).equals(readFileSync(before))).toBe(false);
  });

  it('a time past the end is INVALID_INPUT and leaves no file', async () => {
    const out = join(root, 'past', 'x.png');
    expect((await rejectionOf(grabFrame(fx.cfrClip(), 30, out, opts))).code).toBe('INVALID_INPUT');
    expect(filesUnder(join(root, 'past'))).toEqual([]);
    expect((await rejectionOf(grabFrame(join(root, 'gone.mp4'), 1, out, opts))).code).toBe('MEDIA_MISSING');
  });
});

describe('makeThumbnail', () => {
  it('makes a JPEG at most 320 wide with the displayed aspect, once', async () => {
    const store = fakeStore('thumbs');
    const cases: [string, string][] = [
      [fx.REAL_CLIPS.horse, '320x214'],
      [fx.rotatedClip(90), '240x320'],
      [fx.sarClip(), '320x120'],
      [fx.pngImage(), '320x240'],
      [fx.audioOnly(), '320x80'],
      [fx.oddSizeClip(), '320x240'],
    ];
    for (const [src, expected] of cases) {
      const asset = await importFile(store, src, 'imported', opts);
      const rel = await makeThumbnail(store.dir, asset, opts);
      expect(rel).toBe(`media/thumbs/${asset.id}.jpg`);
      const probed = ffprobeJson(assetAbsPath(store.dir, rel)).streams[0];
      expect(`${probed?.codec_name} ${probed?.width}x${probed?.height}`).toBe(`mjpeg ${expected}`);
    }
    const horse = [...store.assets.values()].find((a) => a.originalName.includes('horse')) as Asset;
    const file = assetAbsPath(store.dir, `media/thumbs/${horse.id}.jpg`);
    const old = new Date(Date.now() - 3600_000);
    utimesSync(file, old, old);
    await makeThumbnail(store.dir, horse, opts);
    expect(Math.round(statSync(file).mtimeMs)).toBe(old.getTime()); // reused, not made again
    expect(filesUnder(join(store.dir, 'media', 'thumbs')).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('accept refuses by what the probe found, before anything is copied, and is told the file name', async () => {
    const store = fakeStore('import accept');
    const seen: string[] = [];
    const err = await rejectionOf(
      importFile(store, fx.pngImage(), 'imported', {
        ...opts,
        accept: (info, name) => {
          seen.push(`${info.kind} ${name}`);
          throw new AppError('MEDIA_UNSUPPORTED', 'not wanted');
        },
      }),
    );
    expect(err.code).toBe('MEDIA_UNSUPPORTED');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^image /);
    expect(store.upserts).toBe(0);
    expect(filesUnder(store.dir)).toEqual([]);
  });
});
