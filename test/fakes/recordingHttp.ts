/**
 * A tiny HTTP server base for the cloud-provider fakes (seedance, fal, replicate): records every
 * request (method, path, query, headers, parsed JSON body), serves generated clips under
 * /files/, and shares the failure modes the briefs ask for. Runs in the test process.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realMedia } from '../helpers/realMedia.js';
import { spend, type SignedOutputModes } from './fakeModes.js';

/** A real AI clip (720x480, 8 fps) so imported takes pass ffprobe validation. */
export const FAKE_CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');
/** A real PNG served for `/files/<id>.png` (image models' outputs). */
export const FAKE_PNG = realMedia('first-frame-camping.png');

export type FakeMode = 'normal' | 'slow' | 'fail' | 'moderation' | 'throttle' | 'expired';

/** The switches a task-API fake offers (Kling, MiniMax): how its tasks and creates behave. */
export interface TaskFakeBehaviour {
  /** How long a task runs before it succeeds. */
  runMs: number;
  /** Tasks fail with this provider reason. */
  fail: string | null;
  /** Creates are refused as unsafe content. */
  moderation: boolean;
  /** The next N creates answer 429 with Retry-After. */
  throttle: number;
  retryAfterSec: number;
  /** The output URL answers 404. */
  expired: boolean;
  /** The next N downloads answer 404 or 403 (a link that expired after it was read). */
  staleLinks: number;
}

/** A task-API fake's switches when a test sets none: a quick task that succeeds. */
export const TASK_FAKE_DEFAULTS: TaskFakeBehaviour = {
  runMs: 100,
  fail: null,
  moderation: false,
  throttle: 0,
  retryAfterSec: 2,
  expired: false,
  staleLinks: 0,
};

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined when none or not JSON). */
  body: unknown;
  /** Body size in bytes (uploads are binary). */
  size: number;
  /** The raw body (a fake that inspects an uploaded file reads it). */
  bytes?: Buffer;
  status?: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Cut the connection instead of answering (a create whose answer is lost). */
  drop?: boolean;
}

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * `stale()` is asked before each /files/ download: true answers it 404 (a link that expired or a
 * CDN that lost the file for a moment; fakes count their `staleLinks` down with it).
 */
export async function startRecordingServer(
  handle: Handler,
  clip = FAKE_CLIP,
  stale: () => boolean = () => false,
): Promise<RecordingServer> {
  const bytes = readFileSync(clip);
  const png = readFileSync(FAKE_PNG);
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const buf = Buffer.concat(chunks);
      const raw = buf.toString('utf8');
      const url = new URL(req.url ?? '/', 'http://fake');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: { ...req.headers },
        body,
        size: buf.length,
        bytes: buf,
      };
      requests.push(rec);
      const file = url.pathname.startsWith('/files/') && !url.pathname.startsWith('/files/gone.');
      if (file && stale()) {
        rec.status = 404;
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ detail: 'Not Found' }));
        return;
      }
      const r = file ? null : await handle(rec);
      if (!r) {
        rec.status = 200;
        const out = url.pathname.endsWith('.png') ? png : bytes;
        const type = url.pathname.endsWith('.png') ? 'image/png' : 'video/mp4';
        res.writeHead(200, { 'content-type': type, 'content-length': String(out.length) });
        res.end(out);
        return;
      }
      rec.status = r.status;
      if (r.drop) {
        req.socket.destroy();
        return;
      }
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
      res.end(r.body === undefined ? '' : JSON.stringify(r.body));
    })().catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Per-task clock for the fakes: a task is "running" for runMs after its create. */
export function elapsed(createdAt: number): number {
  return Date.now() - createdAt;
}

/**
 * The plumbing of the fakes that route by hand (runway, luma, luma-agents, kling, minimax, veo, openai-videos): one
 * body reader and one 127.0.0.1:0 listener, so only provider routes and shapes live in each fake.
 */
export interface ParsedBody {
  text: string;
  /** The JSON object; null when the body is empty; `unparsable(text)` when it is not JSON. */
  body: Record<string, unknown> | null;
}

export async function readBody(
  req: IncomingMessage,
  unparsable: (text: string) => Record<string, unknown> | null = (text) => ({ __unparsable: text }),
): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  } catch {
    return { text, body: unparsable(text) };
  }
}

/** What the hand-routed fakes record of a request (runway, luma, luma-agents, the image fakes). */
export interface RoutedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown> | null;
  /** The status answered (0 until then). */
  status: number;
}

/** Reads the request's body and records it in `requests`; `text` is the raw body (an upload's). */
export async function recordRequest(
  req: IncomingMessage,
  requests: RoutedRequest[],
  path = req.url ?? '/',
): Promise<{ rec: RoutedRequest; text: string }> {
  const { text, body } = await readBody(req);
  const rec: RoutedRequest = { method: req.method ?? '', path, headers: { ...req.headers }, body, status: 0 };
  requests.push(rec);
  return { rec, text };
}

export interface LocalServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `handle` on 127.0.0.1 (a free port); an error it throws answers a bare 500 with its text. */
export async function listenLocal(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
): Promise<LocalServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers `body` as JSON (or nothing when undefined) and records the status on the request's record. */
export function sendJson(
  res: ServerResponse,
  rec: { status?: number },
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  rec.status = status;
  res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** Streams a clip as the provider's CDN would (video/mp4 with its length). */
export function sendClip(res: ServerResponse, path: string): void {
  res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(statSync(path).size) });
  createReadStream(path).pipe(res);
}

/**
 * A signed output download: 403 with the provider's `expired` body when links expire, the id is
 * not one the fake made, or a stale link is due; else the clip.
 */
export function sendSignedOutput(
  res: ServerResponse,
  rec: { status?: number },
  modes: SignedOutputModes,
  made: boolean,
  clip: string,
  expired: unknown,
): void {
  if (modes.expireOutputs || !made || spend(modes, 'staleLinks')) return sendJson(res, rec, 403, expired);
  rec.status = 200;
  sendClip(res, clip);
}
