import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { events } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import { client, connect, fakeServices, hostFor } from './helpers.js';

const info = { version: '9.9.9', host: 'browser' as const, ffmpeg: null, suggestedDir: '/tmp/x', providers: [] };

describe('browser host: the contract over WebSocket', async () => {
  const services = fakeServices({
    'app.info': async () => info,
    'project.open': async () => {
      throw new AppError('NOT_FOUND', 'No project at /nowhere');
    },
  });
  const host = await hostFor(services);
  const wsUrl = (token: string | null, path = '/api') =>
    `ws://127.0.0.1:${host.port}${path}${token === null ? '' : `?token=${token}`}`;
  const origin = `http://127.0.0.1:${host.port}`;

  async function open(): Promise<ReturnType<typeof client>> {
    const ws = await connect(wsUrl(host.token), { Origin: origin });
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    return client(ws);
  }

  it('prints a URL on 127.0.0.1 with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect(await connect(wsUrl(null), { Origin: origin })).toBe(401);
    expect(await connect(wsUrl('x' + host.token.slice(1)), { Origin: origin })).toBe(401);
  });

  it('refuses another origin and a foreign Host header with 403', async () => {
    expect(await connect(wsUrl(host.token), { Origin: 'http://evil.example' })).toBe(403);
    expect(await connect(wsUrl(host.token), { Origin: `http://127.0.0.1:${host.port + 1}` })).toBe(403);
    expect(await connect(wsUrl(host.token), { Origin: origin, Host: `evil.example:${host.port}` })).toBe(403);
  });

  it('accepts its own origins, and answers a request', async () => {
    const viaLocalhost = await connect(wsUrl(host.token), { Origin: `http://localhost:${host.port}` });
    expect(typeof viaLocalhost).not.toBe('number');
    (viaLocalhost as WebSocket).close();
    const c = await open();
    expect(await c.request({ id: 1, method: 'app.info', payload: {} })).toEqual({ id: 1, result: info });
    c.ws.close();
  });

  it('refuses other paths', async () => {
    expect(await connect(wsUrl(host.token, '/apix'), { Origin: origin })).toBe(404);
  });

  it('answers a handler error with its code and message', async () => {
    const c = await open();
    const reply = await c.request({ id: 'a', method: 'project.open', payload: { dir: '/nowhere' } });
    expect(reply).toEqual({ id: 'a', error: { code: 'NOT_FOUND', message: 'No project at /nowhere' } });
    c.ws.close();
  });

  it('rejects unknown methods and bad payloads without running a handler', async () => {
    const c = await open();
    const before = services.calls.length;
    const unknown = await c.request({ id: 2, method: 'fs.readFile', payload: { path: '/etc/passwd' } });
    expect(unknown).toMatchObject({ id: 2, error: { code: 'INVALID_INPUT' } });
    const proto = await c.request({ id: 3, method: '__proto__', payload: {} });
    expect(proto).toMatchObject({ id: 3, error: { code: 'INVALID_INPUT' } });
    const badPayload = await c.request({ id: 4, method: 'project.open', payload: { dir: 42 } });
    expect(badPayload).toMatchObject({ id: 4, error: { code: 'INVALID_INPUT' } });
    const extraKey = await c.request({ id: 5, method: 'app.info', payload: { evil: true } });
    expect(extraKey).toMatchObject({ id: 5, error: { code: 'INVALID_INPUT' } });
    expect(services.calls.length).toBe(before);
    c.ws.close();
  });

  it('answers malformed frames with an error and keeps serving', async () => {
    const c = await open();
    expect(await c.request('{not json')).toMatchObject({
      id: null,
      error: { code: 'INVALID_INPUT', message: 'Malformed JSON' },
    });
    expect(await c.request('[1,2]')).toMatchObject({ id: null, error: { code: 'INVALID_INPUT' } });
    expect(await c.request({ method: 'app.info' })).toMatchObject({ id: null, error: { code: 'INVALID_INPUT' } });
    expect(await c.request({ id: 7 })).toMatchObject({ id: 7, error: { code: 'INVALID_INPUT' } });
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await c.next()).toMatchObject({ id: null, error: { code: 'INVALID_INPUT' } });
    expect(await c.request({ id: 8, method: 'app.info', payload: {} })).toEqual({ id: 8, result: info });
    c.ws.close();
  });

  it('closes a socket that sends a huge frame, and the server survives', async () => {
    const c = await open();
    const closed = new Promise<number>((resolve) => c.ws.once('close', (code) => resolve(code)));
    c.ws.send(JSON.stringify({ id: 9, method: 'app.info', payload: { x: 'a'.repeat(3 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);
    const again = await open();
    expect(await again.request({ id: 10, method: 'app.info', payload: {} })).toEqual({ id: 10, result: info });
    again.ws.close();
  });

  it('pushes events to every open socket, and stops after it closes', async () => {
    const a = await open();
    const b = await open();
    const payload = { jobId: 'j1', shotId: 's1', state: 'running' as const, progress: 0.5, error: null };
    services.emit('job.progress', payload);
    expect(await a.next()).toEqual({ event: 'job.progress', payload });
    expect(await b.next()).toEqual({ event: 'job.progress', payload });
    const withBoth = services.listeners();
    a.ws.close();
    await expect.poll(() => services.listeners()).toBe(withBoth - Object.keys(events).length);
    services.emit('job.progress', { ...payload, progress: 0.9 });
    expect(await b.next()).toEqual({ event: 'job.progress', payload: { ...payload, progress: 0.9 } });
    b.ws.close();
  });
});
