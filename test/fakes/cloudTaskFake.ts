/**
 * The shared core of the plain-HTTP cloud fakes (Vidu, Wan): a 127.0.0.1 server that records
 * every request (method, path, headers, JSON body), counts creates, keeps tasks that finish
 * after `runMs`, and serves the finished clip from /__files/{id}.mp4 (a real AI clip from
 * /work/shared/media). Modes: normal, slow (runMs), fail (task fails with a provider reason),
 * moderation (create refused as unsafe), throttle (next N creates answer 429 + Retry-After),
 * expired (the output URL answers 404). Each provider fake maps routes and shapes onto it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realMedia } from '../helpers/realMedia.js';
import { taskPhase } from './fakeModes.js';

export const FAKE_CLIP = realMedia('ai-clip-horse-720x480-8fps.mp4');

export interface RecordedCloudRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (POST), else undefined. */
  body?: Record<string, unknown>;
}

export interface CloudFakeBehaviour {
  runMs: number;
  /** Tasks fail with this provider reason (an err_code / code). */
  failWith: string | null;
  /** Creates are refused as unsafe content. */
  moderation: boolean;
  /** The next N creates answer 429 with Retry-After. */
  throttle: number;
  retryAfterSec: number;
  /** The output URL answers 404. */
  expired: boolean;
  /** The next N output downloads answer 404 (a link that expired after it was read); each read signs afresh. */
  staleLinks: number;
}

export interface FakeTask {
  id: string;
  createdAt: number;
  path: string;
  body: Record<string, unknown>;
  failWith: string | null;
}

export interface CloudFake {
  url: string;
  requests: RecordedCloudRequest[];
  readonly creates: number;
  tasks: Map<string, FakeTask>;
  behaviour: CloudFakeBehaviour;
  set(patch: Partial<CloudFakeBehaviour>): void;
  reset(): void;
  /** 'running' | 'done' | 'failed' for a task now. */
  stateOf(t: FakeTask): 'queued' | 'running' | 'done' | 'failed';
  fileUrl(id: string): string;
  /** Output downloads asked for (path with its signature), in order. */
  downloads(): string[];
  close(): Promise<void>;
}

export const DEFAULT_BEHAVIOUR: CloudFakeBehaviour = {
  runMs: 300,
  failWith: null,
  moderation: false,
  throttle: 0,
  retryAfterSec: 1,
  expired: false,
  staleLinks: 0,
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export interface CloudRoutes {
  /** Handles a provider route; returns false when the route is unknown (404). */
  handle(fake: CloudFake, req: RecordedCloudRequest, res: ServerResponse): boolean | Promise<boolean>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startCloudFake(
  routes: CloudRoutes,
  initial: Partial<CloudFakeBehaviour> = {},
): Promise<CloudFake> {
  const clip = readFileSync(FAKE_CLIP);
  let signed = 0;
  const downloads: string[] = [];
  const fake = {
    url: '',
    requests: [] as RecordedCloudRequest[],
    creates: 0,
    tasks: new Map<string, FakeTask>(),
    behaviour: { ...DEFAULT_BEHAVIOUR, ...initial },
    set(patch: Partial<CloudFakeBehaviour>) {
      Object.assign(fake.behaviour, patch);
    },
    reset() {
      fake.requests.length = 0;
      fake.tasks.clear();
      fake.creates = 0;
      fake.behaviour = { ...DEFAULT_BEHAVIOUR, ...initial };
    },
    stateOf(t: FakeTask) {
      const phase = taskPhase(t.createdAt, fake.behaviour.runMs);
      if (phase !== 'ended') return phase;
      return t.failWith ? ('failed' as const) : ('done' as const);
    },
    // A fresh signature on every read, as a CDN signs each task answer anew.
    downloads: () => [...downloads],
    fileUrl: (id: string) => `${fake.url}/__files/${encodeURIComponent(id)}.mp4?sig=${++signed}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      let body: Record<string, unknown> | undefined;
      if (text) {
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          sendJson(res, 400, { code: 'InvalidJson', message: 'body is not JSON' });
          return;
        }
      }
      const rec: RecordedCloudRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: { ...req.headers },
        body,
      };
      if (rec.path.startsWith('/__files/')) {
        downloads.push(rec.path);
        if (fake.behaviour.expired || fake.behaviour.staleLinks > 0) {
          if (!fake.behaviour.expired) fake.behaviour.staleLinks--;
          res.writeHead(404).end('expired');
          return;
        }
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(clip.length) });
        res.end(clip);
        return;
      }
      fake.requests.push(rec);
      if (!(await routes.handle(fake, rec, res)))
        sendJson(res, 404, { code: 'NotFound', message: `no route ${rec.method} ${rec.path}` });
    })().catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: (err as Error).message });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** Records a create as a new task (the "paid" event the kill-resume test counts). */
export function addTask(fake: CloudFake, path: string, body: Record<string, unknown>): FakeTask {
  const t: FakeTask = { id: randomUUID(), createdAt: Date.now(), path, body, failWith: fake.behaviour.failWith };
  fake.tasks.set(t.id, t);
  (fake as { creates: number }).creates++;
  return t;
}
