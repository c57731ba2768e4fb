/**
 * Defect 4: a link inside the project passed the media-only rule, because the type was judged
 * by the requested name while the real file was served: `page.png -> evil.html` answered
 * text/html, a `.png` link to project.db returned the database, and a hard link to a file
 * outside the project was served. Both media routes (the browser host's /media/ and
 * Electron's media://) share the rule, and both are asked here.
 */
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleMediaRequest } from '../../../electron/main/protocol/fileResponse.js';
import { mediaUrlFor } from '../../../electron/main/protocol/mediaPath.js';
import { tempDir } from '../../helpers/tmp.js';
import { fakeServices, hostFor, raw } from './helpers.js';

describe('media routes refuse links and judge the real file', async () => {
  const base = tempDir();
  const root = join(base, 'project');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'media'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'media', 'evil.html'), '<script>alert(1)</script>');
  symlinkSync('evil.html', join(root, 'media', 'page.png'));
  writeFileSync(join(root, 'project.db'), 'SQLite format 3\0 the whole project');
  symlinkSync(join(root, 'project.db'), join(root, 'media', 'db.png'));
  writeFileSync(join(outside, 'private.mp4'), 'private bytes');
  linkSync(join(outside, 'private.mp4'), join(root, 'media', 'hard.mp4'));
  const clip = join(root, 'media', 'clip.mp4');
  writeFileSync(clip, 'a real clip');

  const host = await hostFor(fakeServices({}, [root]));
  const viaHost = (abs: string) =>
    raw(host.port, `/media/${encodeURIComponent(abs)}?token=${host.token}`, {
      method: 'GET',
      headers: { Host: `127.0.0.1:${host.port}` },
    });
  const viaElectron = (abs: string) =>
    handleMediaRequest({ url: mediaUrlFor(abs), method: 'GET', headers: new Headers() }, [root]);

  for (const [what, name] of [
    ['a .png symlink to an HTML page', 'page.png'],
    ['a .png symlink to project.db', 'db.png'],
    ['a hard link to a file outside the project', 'hard.mp4'],
  ] as const) {
    it(`refuses ${what} (403 on both routes)`, async () => {
      const res = await viaHost(join(root, 'media', name));
      expect(res.status).toBe(403);
      expect(res.body.toString()).not.toMatch(/script|SQLite|private/);
      expect((await viaElectron(join(root, 'media', name))).status).toBe(403);
    });
  }

  it('still serves a plain media file', async () => {
    const res = await viaHost(clip);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect((await viaElectron(clip)).status).toBe(200);
  });
});
