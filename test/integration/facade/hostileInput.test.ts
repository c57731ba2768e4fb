/**
 * Defect 10 (requests and uploads): settings.update with a `__proto__` key reported success
 * and did nothing; staged uploads nobody imported stayed in the temp folder until the server
 * stopped.
 */
import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch.js';
import { createAppServices } from '../../../electron/services/app.js';
import { UPLOAD_TTL_MS } from '../../../electron/services/media/stagedUploads.js';

describe('hostile requests', () => {
  it('refuses a __proto__ key by name instead of reporting success', async () => {
    const s = createAppServices({ host: 'browser', configDir: mkdtempSync(join(tmpdir(), 'sb-config-')) });
    try {
      // What a WebSocket frame turns into: JSON.parse makes "__proto__" an own key.
      const payload = JSON.parse('{"providers": {"__proto__": {"enabled": false}}}') as unknown;
      const r = await dispatch(s.handlers, 'settings.update', payload);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatchObject({
        code: 'INVALID_INPUT',
        message:
          'Invalid request for settings.update (providers.__proto__): the name "__proto__" is not allowed in a request.',
      });
      expect(({} as Record<string, unknown>).enabled).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it('removes a staged upload nobody imported once it has been idle too long, keeping fresh ones', async () => {
    const s = createAppServices({ host: 'browser' });
    try {
      const abandoned = s.stageUpload('clip.mp4').path;
      writeFileSync(abandoned, 'x'.repeat(1000));
      const past = (Date.now() - UPLOAD_TTL_MS - 60_000) / 1000;
      utimesSync(abandoned, past, past);
      utimesSync(dirname(abandoned), past, past);
      const fresh = s.stageUpload('other.mp4').path;
      writeFileSync(fresh, 'y');
      expect(existsSync(abandoned)).toBe(false);
      expect(existsSync(dirname(abandoned))).toBe(false);
      // The next upload's sweep leaves the fresh one alone.
      s.stageUpload('third.mp4');
      expect(existsSync(fresh)).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('reveals only files an export of this window made, never a path the page names', async () => {
    const shown: string[] = [];
    const s = createAppServices({ host: 'electron', revealPath: (p) => shown.push(p) });
    try {
      const r = await dispatch(s.handlers, 'delivery.reveal', { path: '/etc/passwd' });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatchObject({
        code: 'INVALID_INPUT',
        message: '/etc/passwd was not made by an export of this window.',
      });
      expect(shown).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
