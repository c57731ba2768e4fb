/**
 * The contract over a WebSocket at /api?token=…  Requests `{ id, method, payload }` go through
 * shared/api/dispatch.ts (unknown methods and bad payloads are refused before any handler
 * runs); replies are `{ id, result }` or `{ id, error }`; events are pushed as
 * `{ event, payload }`. A bad frame gets an error reply and never takes the server down.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { events, type EventName } from '../../shared/api/contract.js';
import { dispatch } from '../../shared/api/dispatch.js';
import { toSerializedError, type SerializedError } from '../../shared/errors.js';
import type { AppServices } from '../services/app.js';
import { checkHost, checkOrigin, checkToken, splitTarget, type Refusal } from './security.js';

export type ApiServices = Pick<AppServices, 'handlers' | 'on'>;

/** Big enough for any request the contract allows (20k-char prompts, 10k shot ids). */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024;

export type RequestId = string | number;

export function isRequestId(v: unknown): v is RequestId {
  return (
    (typeof v === 'string' && v.length > 0 && v.length <= 64) || (typeof v === 'number' && Number.isSafeInteger(v))
  );
}

/** Reads one frame as a request, or says what is wrong with it (and the id if there was one). */
export function parseRequest(
  data: RawData,
  isBinary: boolean,
):
  | { ok: true; id: RequestId; method: unknown; payload: unknown }
  | { ok: false; id: RequestId | null; error: SerializedError } {
  const bad = (message: string, id: RequestId | null = null) => ({
    ok: false as const,
    id,
    error: { code: 'INVALID_INPUT' as const, message },
  });
  if (isBinary) return bad('Binary frames are not accepted; send JSON text');
  let msg: unknown;
  try {
    msg = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'));
  } catch {
    return bad('Malformed JSON');
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg))
    return bad('A request must be an object { id, method, payload }');
  const { id, method, payload } = msg as Record<string, unknown>;
  if (!isRequestId(id)) return bad('A request needs an id (string or integer)');
  if (typeof method !== 'string') return bad('A request needs a method name', id);
  return { ok: true, id, method, payload };
}

export function attachApi(
  server: Server,
  ctx: { services: ApiServices; token: string; port: () => number; path?: string },
): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const path = ctx.path ?? '/api';

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname, query } = splitTarget(req.url);
    const refusal: Refusal | null =
      pathname !== path
        ? { status: 404, message: 'Not Found' }
        : (checkHost(req, ctx.port()) ?? checkToken(query, ctx.token) ?? checkOrigin(req, ctx.port()));
    if (refusal) {
      socket.on('error', () => undefined);
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, ctx.services));
  });

  return {
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

function serveConnection(ws: WebSocket, services: ApiServices): void {
  // An oversized frame or a protocol error closes this socket (ws emits 'error' then
  // 'close'); without a listener the 'error' would be thrown and stop the whole host.
  ws.on('error', () => undefined);
  const send = (msg: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const unsubscribe = (Object.keys(events) as EventName[]).map((event) =>
    services.on(event, (payload) => send({ event, payload })),
  );
  ws.on('close', () => unsubscribe.forEach((off) => off()));
  ws.on('message', (data, isBinary) => {
    const req = parseRequest(data, isBinary);
    if (!req.ok) {
      send({ id: req.id, error: req.error });
      return;
    }
    dispatch(services.handlers, req.method, req.payload)
      .then((r) => send(r.ok ? { id: req.id, result: r.value } : { id: req.id, error: r.error }))
      // A result that can't be serialised is still answered, so the caller never hangs.
      .catch((err: unknown) => send({ id: req.id, error: toSerializedError(err) }));
  });
}
