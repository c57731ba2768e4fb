/** A fake services object and raw HTTP/WebSocket clients for the browser host's tests. */
import { request } from 'node:http';
import { afterAll } from 'vitest';
import WebSocket from 'ws';
import type { EventName, EventPayload, Handlers, MethodName } from '../../../shared/api/contract.js';
import { EventHub } from '../../../electron/services/events.js';
import { startHost, type HostServices, type RunningHost } from '../../../electron/host/server.js';

export interface FakeServices extends HostServices {
  calls: { method: MethodName; input: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  roots: string[];
  staged: string[];
  /** Listeners currently subscribed (each socket subscribes to every event). */
  listeners(): number;
}

/** Every handler records its call and fails unless `impl` provides it. */
export function fakeServices(impl: Partial<Handlers>, roots: string[] = [], stageDir = '/nonexistent'): FakeServices {
  const hub = new EventHub();
  const calls: FakeServices['calls'] = [];
  const staged: string[] = [];
  let listeners = 0;
  const handlers = new Proxy({} as Handlers, {
    get(_t, method: string) {
      return async (input: unknown) => {
        calls.push({ method: method as MethodName, input });
        const fn = (impl as Record<string, ((i: unknown) => Promise<unknown>) | undefined>)[method];
        if (!fn) throw new Error(`${method} not stubbed`);
        return fn(input);
      };
    },
  });
  return {
    handlers,
    calls,
    roots,
    staged,
    listeners: () => listeners,
    on(event, listener) {
      const off = hub.on(event, listener);
      listeners += 1;
      return () => {
        listeners -= 1;
        off();
      };
    },
    emit: (event, payload) => hub.emit(event, payload),
    mediaRoots: () => roots,
    stageUpload(name) {
      const path = `${stageDir}/${staged.length}-${name}`;
      staged.push(path);
      return { path };
    },
  };
}

export async function hostFor(
  services: HostServices,
  rendererDir = '/nonexistent',
  maxUploadBytes?: number,
): Promise<RunningHost> {
  const host = await startHost({ services, rendererDir, port: 0, ...(maxUploadBytes ? { maxUploadBytes } : {}) });
  afterAll(() => host.close());
  return host;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request (node:http lets us set Host and Origin as an attacker would). */
export function raw(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Opens a socket; resolves with it when open, or with the HTTP status that refused it. */
export function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.once('error', reject);
  });
}

export interface Client {
  ws: WebSocket;
  next(): Promise<Record<string, unknown>>;
  request(msg: unknown): Promise<Record<string, unknown>>;
}

/** Wraps an open socket: messages are queued so a test can await them in order. */
export function client(ws: WebSocket): Client {
  const queue: Record<string, unknown>[] = [];
  const waiters: ((m: Record<string, unknown>) => void)[] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as Record<string, unknown>;
    const w = waiters.shift();
    if (w) w(msg);
    else queue.push(msg);
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve) => {
      const m = queue.shift();
      if (m) resolve(m);
      else waiters.push(resolve);
    });
  return {
    ws,
    next,
    request(msg) {
      ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
      return next();
    },
  };
}
