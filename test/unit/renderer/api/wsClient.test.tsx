import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { createWsClient, type SocketLike } from '../../../../renderer/src/api/wsClient';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  reply(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const client = createWsClient({
    origin: 'http://127.0.0.1:4000',
    token: 'tok/+en',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    backoff: (n) => 100 * 2 ** n,
    timers: { set: (fn, ms) => timers.push({ fn, ms }), clear: () => undefined },
  });
  return { client, sockets, timers, last: () => sockets.at(-1)! };
}

describe('WebSocket client', () => {
  it('connects to /api with the token and sends calls made while connecting once open', async () => {
    const { client, last } = setup();
    expect(last().url).toBe('ws://127.0.0.1:4000/api?token=tok%2F%2Ben');
    const info = client.call('app.info', {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(last().sent).toEqual([{ id: 1, method: 'app.info', payload: {} }]);
    last().reply({ id: 1, result: { version: '1' } });
    await expect(info).resolves.toEqual({ version: '1' });
    expect(client.status).toBe('open');
  });

  it('rejects with the services error code and message', async () => {
    const { client, last } = setup();
    last().open();
    const p = client.call('project.open', { dir: '/x' });
    last().reply({ id: 1, error: { code: 'PROJECT_IN_USE', message: '/x is open in another window.' } });
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'PROJECT_IN_USE', message: '/x is open in another window.' });
  });

  it('ignores junk and answers for unknown ids', async () => {
    const { client, last } = setup();
    last().open();
    const p = client.call('app.info', {});
    last().onmessage?.({ data: 'not json' });
    last().reply({ id: 99, result: 'stray' });
    last().reply({ id: 1, result: 'mine' });
    await expect(p).resolves.toBe('mine');
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const { client, last } = setup();
    last().open();
    const got: unknown[] = [];
    const off = client.on('job.progress', (p) => got.push(p));
    last().reply({ event: 'job.progress', payload: { progress: 0.5 } });
    last().reply({ event: 'export.progress', payload: { progress: 0.1 } });
    off();
    last().reply({ event: 'job.progress', payload: { progress: 0.9 } });
    expect(got).toEqual([{ progress: 0.5 }]);
  });

  it('rejects pending calls when the socket closes, then reconnects with growing backoff', async () => {
    const { client, sockets, timers, last } = setup();
    const statuses: string[] = [];
    client.onStatus((s) => statuses.push(s));
    last().open();
    const pending = client.call('generate.start', {});
    last().drop();
    await expect(pending).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(client.status).toBe('closed');
    await expect(client.call('app.info', {})).rejects.toBeInstanceOf(AppError);
    expect(timers.map((t) => t.ms)).toEqual([100]);
    timers[0]!.fn();
    expect(sockets.length).toBe(2);
    last().drop();
    expect(timers.map((t) => t.ms)).toEqual([100, 200]);
    timers[1]!.fn();
    last().open();
    // A successful open resets the backoff.
    last().drop();
    expect(timers.map((t) => t.ms)).toEqual([100, 200, 100]);
    expect(statuses).toEqual(['open', 'closed', 'connecting', 'closed', 'connecting', 'open', 'closed']);
  });

  it('stops reconnecting once disposed', () => {
    const { client, timers, last } = setup();
    last().open();
    client.dispose();
    expect(timers).toEqual([]);
  });

  it('builds token-carrying media URLs for any path', () => {
    const { client } = setup();
    expect(client.mediaUrl('/films/my lake 湖/media/a%b.mp4')).toBe(
      'http://127.0.0.1:4000/media/%2Ffilms%2Fmy%20lake%20%E6%B9%96%2Fmedia%2Fa%25b.mp4?token=tok%2F%2Ben',
    );
  });

  it('uploads a file and returns the staged path, or the host error', async () => {
    const seen: string[] = [];
    const respond = (status: number, body: unknown) => async (url: RequestInfo | URL) => {
      seen.push(String(url));
      return new Response(JSON.stringify(body), { status });
    };
    const ok = createWsClient({
      origin: 'http://h',
      token: 't',
      createSocket: (u) => new FakeSocket(u),
      fetchImpl: respond(200, { path: '/tmp/s/a b.png' }) as typeof fetch,
    });
    await expect(ok.importFile(new File(['x'], 'a b.png'))).resolves.toBe('/tmp/s/a b.png');
    expect(seen[0]).toBe('http://h/upload?token=t&name=a%20b.png');
    const big = createWsClient({
      origin: 'http://h',
      token: 't',
      createSocket: (u) => new FakeSocket(u),
      fetchImpl: respond(413, {
        error: { code: 'INVALID_INPUT', message: 'The file is larger than the 4 GiB upload limit' },
      }) as typeof fetch,
    });
    await expect(big.importFile(new File(['x'], 'big.mov'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The file is larger than the 4 GiB upload limit',
    });
  });
});
