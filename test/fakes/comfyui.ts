/**
 * A faithful fake ComfyUI server (providers.md §11; routes of server.py at
 * Comfy-Org/ComfyUI@a125cd8) on 127.0.0.1 for tests: POST /prompt, GET|POST /queue,
 * POST /interrupt, GET /history[/{id}], GET /view, POST /upload/image, WS /ws, GET
 * /system_stats, GET /object_info — every route also under /api/ (the queue routes in
 * comfyui-queue.ts, the file routes in comfyui-files.ts). It records every request and
 * counts creates, and has modes for the failure cases of quality.md JOB-*:
 *   slow (runMs), fail (execution_error), reject (400 node_errors), dropCreate (queue the
 *   prompt, then destroy the socket without answering: JOB-3), throttle (429 + Retry-After:
 *   JOB-4), expireAfterMs (/view 404 for old outputs: JOB-6), outputShape (core | vhs).
 * Control in process: `fake.set({...})`, `fake.requests`, `fake.creates`. Out of process:
 * POST /__fake/set {json}, GET /__fake/log -> {requests, creates}, POST /__fake/reset.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ExecBehaviour, HistoryEntry } from './comfyui-exec.js';
import { madeFile, upload, view } from './comfyui-files.js';
import { FakeExecutor } from './comfyui-exec.js';
import { objectInfo } from './comfyui-validate.js';
import { parseJson, promptQueueRoutes } from './comfyui-queue.js';
import { throttled } from './fakeModes.js';

export interface FakeComfyBehaviour extends ExecBehaviour {
  /** Answer the next POST /prompt requests with 400 (a model file missing). */
  reject: boolean;
  /** Queue the next N prompts but destroy the socket instead of answering. */
  dropCreate: number;
  /** The next K requests (any route) answer 429 with Retry-After. */
  throttle: number;
  retryAfterSec: number;
  /** /view answers 404 for outputs finished longer ago than this. */
  expireAfterMs: number | null;
}

export interface RecordedRequest {
  method: string;
  /** Path without the /api prefix, with the query string. */
  path: string;
  status: number;
  /** A short summary: prompt_id and node classes for /prompt, file name and size for uploads. */
  body?: Record<string, unknown>;
}

const DEFAULTS: FakeComfyBehaviour = {
  runMs: 150,
  steps: 4,
  failWith: null,
  outputShape: 'core',
  reject: false,
  dropCreate: 0,
  throttle: 0,
  retryAfterSec: 1,
  expireAfterMs: null,
};

export interface FakeComfy {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Prompts accepted into the queue (answered or dropped): the "paid creates". */
  readonly creates: number;
  /** Ids of accepted prompts, in order. */
  readonly createdIds: string[];
  behaviour: FakeComfyBehaviour;
  set(patch: Partial<FakeComfyBehaviour>): void;
  reset(): void;
  /** Uploaded input files (name -> bytes). */
  uploads: Map<string, number>;
  history: Map<string, HistoryEntry>;
  /** Waits until no prompt is running or pending. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeComfy(opts: Partial<FakeComfyBehaviour> & { root?: string } = {}): Promise<FakeComfy> {
  const root = opts.root ?? mkdtempSync(join(tmpdir(), 'fake comfy 镜头-'));
  const ownRoot = !opts.root;
  const inputDir = join(root, 'input');
  const outputDir = join(root, 'output');
  mkdirSync(inputDir, { recursive: true });
  mkdirSync(outputDir, { recursive: true });
  let behaviour: FakeComfyBehaviour = { ...DEFAULTS, ...opts };
  const requests: RecordedRequest[] = [];
  const createdIds: string[] = [];
  const uploads = new Map<string, number>();
  const sockets = new Map<string, WebSocket>();

  const send = (type: string, data: Record<string, unknown>, clientId: string | null): void => {
    const frame = JSON.stringify({ type, data });
    const target = clientId ? sockets.get(clientId) : null;
    // Like server.send_sync: to the prompt's client when it is connected, else to everyone.
    for (const ws of target ? [target] : sockets.values()) if (ws.readyState === ws.OPEN) ws.send(frame);
  };
  const exec = new FakeExecutor(outputDir, () => behaviour, send);
  const queueRoute = promptQueueRoutes({ exec, inputDir, modes: () => behaviour, createdIds });

  async function route(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/api(?=\/)/, '');
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? await readBody(req) : Buffer.alloc(0);
    const reply = (status: number, value: unknown): void => {
      rec.status = status;
      json(res, status, value);
    };

    if (path.startsWith('/__fake/')) {
      rec.status = -1; // control traffic is not recorded
      if (path === '/__fake/set') {
        behaviour = { ...behaviour, ...(parseJson(body) as Partial<FakeComfyBehaviour>) };
        return json(res, 200, behaviour);
      }
      if (path === '/__fake/reset') {
        fake.reset();
        return json(res, 200, {});
      }
      if (path === '/__fake/log') return json(res, 200, { requests, creates: createdIds.length, createdIds });
      return json(res, 404, {});
    }
    const wait = throttled(behaviour);
    if (wait) {
      rec.status = 429;
      res.writeHead(429, { 'content-type': 'application/json', ...wait });
      res.end(
        JSON.stringify({ error: { type: 'rate_limited', message: 'Too many requests', details: '', extra_info: {} } }),
      );
      return;
    }

    if (queueRoute({ req, rec, method, path, url, body, reply })) return;
    if (method === 'GET' && path === '/view') {
      rec.status = view(url, res, { inputDir, outputDir }, (filename, subfolder) => {
        if (behaviour.expireAfterMs === null) return false;
        const entry = [...exec.history.values()].find((e) => madeFile(e, filename, subfolder));
        return !entry || Date.now() - entry.finishedAt > behaviour.expireAfterMs;
      });
      return;
    }
    if (method === 'POST' && path === '/upload/image') {
      const out = await upload(body, req.headers['content-type'] ?? '', { inputDir, outputDir });
      if (out.ok) {
        uploads.set(out.key, out.bytes);
        rec.body = { ...out.answer, bytes: out.bytes };
      }
      return reply(out.ok ? 200 : 400, out.ok ? out.answer : out.error);
    }
    if (method === 'GET' && path === '/system_stats') {
      return reply(200, {
        system: {
          os: 'posix',
          ram_total: 32e9,
          ram_free: 16e9,
          comfyui_version: '0.3.66',
          python_version: '3.12.3',
          pytorch_version: '2.8.0+cu128',
          embedded_python: false,
          argv: ['main.py'],
        },
        devices: [
          {
            name: 'cuda:0 NVIDIA GeForce RTX 4090 (fake)',
            type: 'cuda',
            index: 0,
            vram_total: 25e9,
            vram_free: 20e9,
            torch_vram_total: 0,
            torch_vram_free: 0,
          },
        ],
      });
    }
    if (method === 'GET' && path.startsWith('/object_info')) {
      const info = objectInfo();
      const node = decodeURIComponent(path.slice('/object_info/'.length));
      return reply(200, node ? (info[node] ? { [node]: info[node] } : {}) : info);
    }
    reply(404, { error: 'Not Found' });
  }

  const server = createServer((req, res) => {
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').replace(/^\/api(?=\/)/, ''),
      status: 0,
    };
    route(req, res, rec).then(
      () => {
        if (rec.status !== -1) requests.push(rec);
      },
      (err: unknown) => {
        rec.status = 500;
        requests.push(rec);
        if (!res.headersSent) json(res, 500, { error: String(err) });
      },
    );
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname !== '/ws' && url.pathname !== '/api/ws') return socket.destroy();
    requests.push({ method: 'WS', path: url.pathname.replace(/^\/api/, '') + url.search, status: 101 });
    wss.handleUpgrade(req, socket, head, (ws) => {
      const sid = url.searchParams.get('clientId') || randomUUID().replace(/-/g, '');
      sockets.set(sid, ws);
      ws.on('close', () => {
        if (sockets.get(sid) === ws) sockets.delete(sid);
      });
      ws.send(
        JSON.stringify({
          type: 'status',
          data: { status: { exec_info: { queue_remaining: exec.queueRemaining() } }, sid },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeComfy = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    uploads,
    history: exec.history,
    createdIds,
    get creates() {
      return createdIds.length;
    },
    get behaviour() {
      return behaviour;
    },
    set behaviour(b) {
      behaviour = b;
    },
    set(patch) {
      behaviour = { ...behaviour, ...patch };
    },
    reset() {
      // Stop leftover work too, so one test's slow render never delays the next test.
      exec.pending = [];
      exec.interrupt();
      behaviour = { ...DEFAULTS };
      requests.length = 0;
      createdIds.length = 0;
    },
    async idle() {
      while (exec.running || exec.pending.length) await new Promise((r) => setTimeout(r, 20));
    },
    async close() {
      for (const ws of sockets.values()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if (ownRoot) rmSync(realpathSync(root), { recursive: true, force: true });
    },
  };
  return fake;
}
