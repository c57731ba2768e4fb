/**
 * The fake ComfyUI's prompt-queue routes (server.py at Comfy-Org/ComfyUI@a125cd8): POST /prompt
 * (validated as execution.py validate_prompt does, then queued; `reject` and `dropCreate` modes),
 * GET|POST /queue (running and pending rows, delete / clear), POST /interrupt and
 * GET /history[/{id}] (`max_items`). The executor (comfyui-exec.ts) runs what is queued.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FakeExecutor, HistoryEntry } from './comfyui-exec.js';
import type { FakeGraph } from './comfyui-validate.js';
import { OUTPUT_NODES, modelMissing, validatePrompt } from './comfyui-validate.js';

/** One request as the server routes it: path without the /api prefix, body already read. */
export interface ComfyCall {
  req: IncomingMessage;
  rec: { status: number; body?: Record<string, unknown> };
  method: string;
  path: string;
  url: URL;
  body: Buffer;
  /** Answers JSON and records the status. */
  reply(status: number, value: unknown): void;
}

/** What the queue routes read and change of the fake. */
export interface PromptQueue {
  exec: FakeExecutor;
  inputDir: string;
  /** The live modes: `reject` answers 400, `dropCreate` is counted down here. */
  modes(): { reject: boolean; dropCreate: number };
  /** Ids of accepted prompts, in order (the "paid creates"). */
  createdIds: string[];
}

/** A JSON body (an empty one is `{}`), or undefined when it is not JSON. */
export function parseJson(buf: Buffer): unknown {
  try {
    return buf.length ? JSON.parse(buf.toString('utf8')) : {};
  } catch {
    return undefined;
  }
}

const publicEntry = (e: HistoryEntry): Omit<HistoryEntry, 'finishedAt'> => {
  const { finishedAt: _f, ...rest } = e;
  return rest;
};

/** The queue routes; each call answers true when it was one of them. */
export function promptQueueRoutes(q: PromptQueue): (call: ComfyCall) => boolean {
  const { exec } = q;
  let number = 0;
  return ({ req, rec, method, path, url, body, reply }) => {
    if (method === 'POST' && path === '/prompt') {
      const parsed = parseJson(body) as
        | { prompt?: FakeGraph; prompt_id?: unknown; client_id?: unknown; extra_data?: Record<string, unknown> }
        | undefined;
      rec.body = {
        prompt_id: parsed?.prompt_id,
        client_id: parsed?.client_id,
        classes:
          parsed?.prompt && typeof parsed.prompt === 'object'
            ? Object.values(parsed.prompt).map((n) => n?.class_type)
            : [],
      };
      if (parsed === undefined) {
        reply(400, {
          error: { type: 'invalid_json', message: 'Invalid JSON', details: '', extra_info: {} },
          node_errors: {},
        });
        return true;
      }
      const problem = validatePrompt(parsed, q.inputDir);
      if (problem) {
        reply(400, problem);
        return true;
      }
      const modes = q.modes();
      if (modes.reject) {
        reply(400, modelMissing(parsed.prompt as FakeGraph));
        return true;
      }
      const promptId = typeof parsed.prompt_id === 'string' && parsed.prompt_id ? parsed.prompt_id : randomUUID();
      const graph = parsed.prompt as FakeGraph;
      const clientId = typeof parsed.client_id === 'string' ? parsed.client_id : null;
      const item = {
        number: number++,
        promptId,
        prompt: graph,
        clientId,
        extraData: { ...(parsed.extra_data ?? {}), ...(clientId ? { client_id: clientId } : {}) },
        outputs: Object.keys(graph).filter((id) => OUTPUT_NODES.has(graph[id]?.class_type ?? '')),
      };
      exec.enqueue(item);
      q.createdIds.push(promptId);
      if (modes.dropCreate > 0) {
        modes.dropCreate--;
        rec.status = 0; // the create happened; its answer is lost
        req.socket.destroy();
        return true;
      }
      reply(200, { prompt_id: promptId, number: item.number, node_errors: {} });
      return true;
    }
    if (path === '/queue') {
      if (method === 'POST') {
        const b = (parseJson(body) ?? {}) as { delete?: string[]; clear?: boolean };
        rec.body = b;
        if (b.clear) exec.pending = [];
        if (Array.isArray(b.delete)) exec.delete(b.delete);
        reply(200, {});
        return true;
      }
      const row = (i: (typeof exec.pending)[number]) => [i.number, i.promptId, i.prompt, i.extraData, i.outputs];
      reply(200, {
        queue_running: exec.running ? [row(exec.running)] : [],
        queue_pending: exec.pending.map(row),
      });
      return true;
    }
    if (method === 'POST' && path === '/interrupt') {
      const b = (parseJson(body) ?? {}) as { prompt_id?: string };
      rec.body = b;
      exec.interrupt(b.prompt_id);
      reply(200, {});
      return true;
    }
    if (method === 'GET' && path.startsWith('/history')) {
      const id = decodeURIComponent(path.slice('/history/'.length));
      if (path.startsWith('/history/') && id) {
        const e = exec.history.get(id);
        reply(200, e ? { [id]: publicEntry(e) } : {});
        return true;
      }
      const max = Number(url.searchParams.get('max_items') ?? Infinity);
      const all = [...exec.history.entries()].slice(-max);
      reply(200, Object.fromEntries(all.map(([k, e]) => [k, publicEntry(e)])));
      return true;
    }
    return false;
  };
}
