/**
 * The client over the browser host (`storyboard serve`): the contract on a WebSocket at
 * /api?token=…, media at /media/…, uploads at /upload. Reconnects with capped, jittered
 * backoff; every call still waiting when its socket closes is rejected (the caller shows the
 * error where it happened), never left hanging.
 */
import type { EventName, EventPayload, MethodName, MethodOutput } from '../../../shared/api/contract';
import { errorFromSerialized } from '../../../shared/api/dispatch';
import { AppError, type SerializedError } from '../../../shared/errors';
import type { ApiClient, ConnectionStatus } from './client';

/** The part of the DOM WebSocket this client uses (a fake in unit tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: (() => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export interface WsClientOptions {
  /** http://127.0.0.1:<port> (location.origin). */
  origin: string;
  token: string;
  createSocket?: (url: string) => SocketLike;
  fetchImpl?: typeof fetch;
  /** Milliseconds before reconnect attempt n (0-based). */
  backoff?: (attempt: number) => number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
}

const OPEN = 1;

export function defaultBackoff(attempt: number): number {
  const base = Math.min(5000, 250 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export function createWsClient(opts: WsClientOptions): ApiClient & { dispose(): void } {
  const wsUrl = `${opts.origin.replace(/^http/, 'ws')}/api?token=${encodeURIComponent(opts.token)}`;
  const createSocket = opts.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const backoff = opts.backoff ?? defaultBackoff;
  const timers = opts.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) };
  const pending = new Map<number, Pending>();
  /** Requests made while connecting: sent on open, rejected if that attempt fails. */
  const outbox: { id: number; text: string }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  let socket: SocketLike | null = null;
  let status: ConnectionStatus = 'connecting';
  let attempt = 0;
  let nextId = 1;
  let disposed = false;
  let retryTimer: unknown = null;

  function setStatus(next: ConnectionStatus): void {
    if (next === status) return;
    status = next;
    for (const l of statusListeners) l(next);
  }

  function connect(): void {
    retryTimer = null;
    setStatus('connecting');
    const ws = createSocket(wsUrl);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
      for (const { text } of outbox.splice(0)) ws.send(text);
    };
    ws.onmessage = (ev) => receive(ev.data);
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      outbox.length = 0;
      const lost = new AppError('INTERNAL', 'The connection to Storyboard was lost; try again when it is back.');
      for (const p of pending.values()) p.reject(lost);
      pending.clear();
      if (disposed) return;
      setStatus('closed');
      retryTimer = timers.set(connect, backoff(attempt++));
    };
  }

  function receive(data: unknown): void {
    let msg: { id?: unknown; result?: unknown; error?: SerializedError; event?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(String(data)) as typeof msg;
    } catch {
      return;
    }
    if (typeof msg.event === 'string') {
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
      return;
    }
    const p = typeof msg.id === 'number' ? pending.get(msg.id) : undefined;
    if (!p) return;
    pending.delete(msg.id as number);
    if (msg.error) p.reject(errorFromSerialized(msg.error));
    else p.resolve(msg.result);
  }

  connect();

  return {
    kind: 'browser',
    get status() {
      return status;
    },
    call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
      return new Promise((resolve, reject) => {
        if (disposed || (status !== 'open' && status !== 'connecting')) {
          reject(new AppError('INTERNAL', 'Not connected to Storyboard; reconnecting…'));
          return;
        }
        const id = nextId++;
        const text = JSON.stringify({ id, method, payload: input });
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        if (socket && socket.readyState === OPEN) socket.send(text);
        else outbox.push({ id, text });
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    mediaUrl: (absPath) =>
      `${opts.origin}/media/${encodeURIComponent(absPath)}?token=${encodeURIComponent(opts.token)}`,
    async importFile(file) {
      const url = `${opts.origin}/upload?token=${encodeURIComponent(opts.token)}&name=${encodeURIComponent(file.name)}`;
      const res = await (opts.fetchImpl ?? fetch)(url, { method: 'POST', body: file });
      const body = (await res.json().catch(() => null)) as { path?: string; error?: SerializedError } | null;
      if (res.ok && typeof body?.path === 'string') return body.path;
      if (body?.error) throw errorFromSerialized(body.error);
      throw new AppError('INTERNAL', `Uploading ${file.name} failed (HTTP ${res.status}).`);
    },
    dispose() {
      disposed = true;
      if (retryTimer !== null) timers.clear(retryTimer);
      socket?.close();
    },
  };
}
