import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch.js';
import type { Handlers } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';

function handlers(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (t, k: string) => (t as Record<string, unknown>)[k] ?? (() => Promise.reject(new Error(`unexpected ${k}`))),
  });
}

describe('dispatch', () => {
  it('rejects unknown methods without running anything', async () => {
    const r = await dispatch(handlers({}), 'fs.rm', {});
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown method "fs.rm"' } });
  });
  it('rejects malformed payloads before the handler runs (SEC-5)', async () => {
    const spy = vi.fn();
    const r = await dispatch(handlers({ 'shots.move': spy }), 'shots.move', { shotId: 'a', toIndex: -1 });
    expect(spy).not.toHaveBeenCalled();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/shots\.move \(toIndex\)/);
    const extra = await dispatch(handlers({ 'shots.move': spy }), 'shots.move', {
      shotId: 'a',
      toIndex: 1,
      evil: true,
    });
    expect(extra.ok).toBe(false);
  });
  it('applies defaults and passes parsed input', async () => {
    const spy = vi.fn(async () => ({ exportId: 'e1' }));
    const r = await dispatch(handlers({ 'export.start': spy }), 'export.start', { outPath: '/tmp/x.mp4' });
    expect(r).toEqual({ ok: true, value: { exportId: 'e1' } });
    expect(spy).toHaveBeenCalledWith({ outPath: '/tmp/x.mp4', quality: 'standard', subtitles: 'none' });
  });
  it('serialises AppErrors with their code and hides nothing else', async () => {
    const r = await dispatch(
      handlers({ 'project.open': () => Promise.reject(new AppError('PROJECT_IN_USE', 'in use')) }),
      'project.open',
      { dir: '/x' },
    );
    expect(r).toEqual({ ok: false, error: { code: 'PROJECT_IN_USE', message: 'in use' } });
  });
});
