/**
 * Defect 8: a 16000x16000 PNG (a decompression bomb: tiny on disk, 256 megapixels decoded) was
 * accepted as a first frame. The picture is written here as a real PNG (grayscale, rows of
 * zeros, deflated as they are produced: ~250 KB on disk), and refused at import from its
 * header, before anything decodes it, with its size and the limit; nothing is written.
 */
import { createWriteStream, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { crc32, createDeflate } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PICTURE_PIXELS } from '../../../shared/media/pictureLimit.js';
import { call, servicesWithProject } from '../../helpers/services.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const SIDE = 16_000;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A SIDE x SIDE 8-bit grayscale PNG of zeros, streamed (never SIDE² bytes in memory). */
async function bombPng(file: string): Promise<void> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const row = Buffer.alloc(SIDE + 1); // filter byte 0 + pixels
  for (let y = 0; y < SIDE; y++) if (!deflate.write(row)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIDE, 0);
  ihdr.writeUInt32BE(SIDE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const out = createWriteStream(file);
  out.write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  out.write(chunk('IHDR', ihdr));
  out.write(chunk('IDAT', Buffer.concat(parts)));
  out.end(chunk('IEND', Buffer.alloc(0)));
  await once(out, 'finish');
}

const bomb = join(root, 'bomb 16000.png');
beforeAll(() => bombPng(bomb));

describe('picture pixel limit', () => {
  it('refuses a 16000x16000 PNG first frame with its size and the limit; nothing is written', async () => {
    expect(statSync(bomb).size).toBeLessThan(1024 * 1024);
    expect(SIDE * SIDE).toBeGreaterThan(MAX_PICTURE_PIXELS);
    const s = await servicesWithProject(root, 'film');
    const err = await call(s, 'shots.add', { firstFramePath: bomb }).then(
      () => null,
      (e: Error & { code?: string }) => e,
    );
    expect(err?.code).toBe('MEDIA_TOO_LARGE');
    expect(err?.message).toBe(
      '"bomb 16000.png" is 16000x16000 pixels (256 megapixels); pictures up to 50 megapixels can be used. Scale it down (e.g. to 3840 pixels wide) and import it again.',
    );
    const snap = await call(s, 'project.current', {});
    expect(snap?.shots).toHaveLength(0);
    expect(snap?.assets).toHaveLength(0);
    expect(readdirSync(join(root, 'film', 'media')).filter((f) => f !== 'thumbs')).toEqual([]);
  });
});
