/**
 * Reading ComfyUI's answers (providers.md §11): GET /history/{id} and GET /queue. Pure, so
 * both output shapes and every failure message are unit tested without a server.
 */
import type { PollResult } from '../../types.js';

export interface ComfyFileRef {
  filename: string;
  subfolder: string;
  type: string;
}

export interface ComfyHistoryEntry {
  outputs?: Record<string, Record<string, unknown>>;
  status?: { status_str?: string; completed?: boolean; messages?: [string, Record<string, unknown>][] };
}

export interface ComfyQueue {
  queue_running?: unknown[][];
  queue_pending?: unknown[][];
}

const VIDEO_EXT = /\.(mp4|webm|mov|mkv|m4v|avi|gif)$/i;

function fileRefs(list: unknown): ComfyFileRef[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((f: unknown) => {
    const r = f as Partial<ComfyFileRef> | null;
    return r && typeof r.filename === 'string' && r.filename
      ? [{ filename: r.filename, subfolder: String(r.subfolder ?? ''), type: String(r.type ?? 'output') }]
      : [];
  });
}

/**
 * The clip a finished prompt made: core SaveVideo / SaveWEBM report `{images:[...],
 * animated:[true]}`, VideoHelperSuite's VHS_VideoCombine `{gifs:[...]}`; a `videos` key is
 * accepted too. Files of type "output" win over temp previews; a video extension over an
 * animated image. null when the prompt produced no video.
 */
export function findVideoOutput(entry: ComfyHistoryEntry): ComfyFileRef | null {
  const found: ComfyFileRef[] = [];
  for (const ui of Object.values(entry.outputs ?? {})) {
    const animated = Array.isArray(ui.animated) && ui.animated.some(Boolean);
    for (const ref of [...fileRefs(ui.gifs), ...fileRefs(ui.videos), ...fileRefs(ui.video)]) found.push(ref);
    for (const ref of fileRefs(ui.images)) if (animated || VIDEO_EXT.test(ref.filename)) found.push(ref);
  }
  const score = (r: ComfyFileRef): number =>
    (r.type === 'output' ? 2 : 0) + (/\.(mp4|webm|mov|mkv|m4v)$/i.test(r.filename) ? 1 : 0);
  return found.sort((a, b) => score(b) - score(a))[0] ?? null;
}

/** The user-facing reason of a failed prompt, from its history messages. */
export function historyFailure(entry: ComfyHistoryEntry): string {
  const messages = entry.status?.messages ?? [];
  const err = messages.find(([type]) => type === 'execution_error')?.[1];
  if (err) {
    const node = [err.node_type, err.node_id !== undefined ? `node ${String(err.node_id)}` : null]
      .filter(Boolean)
      .join(' ');
    const type = typeof err.exception_type === 'string' && err.exception_type ? ` (${err.exception_type})` : '';
    return `ComfyUI failed${node ? ` in ${node}` : ''}: ${String(err.exception_message ?? 'no message').trim()}${type}`;
  }
  if (messages.some(([type]) => type === 'execution_interrupted'))
    return 'The ComfyUI render was interrupted (canceled in ComfyUI or by another client).';
  return 'ComfyUI reported an error for this prompt without a message.';
}

/** Poll state from the history entry, when the prompt has one. */
export function pollFromHistory(entry: ComfyHistoryEntry): PollResult {
  const status = entry.status?.status_str;
  if (status === 'error') return { state: 'failed', error: historyFailure(entry) };
  if (status === 'success' || entry.status?.completed) {
    if (!findVideoOutput(entry)) {
      return {
        state: 'failed',
        error:
          'The ComfyUI workflow finished but saved no video (it needs a SaveVideo, SaveWEBM or VHS_VideoCombine node).',
      };
    }
    return { state: 'succeeded', progress: 1 };
  }
  return { state: 'running' };
}

/** Where a prompt is in GET /queue: rows are [number, prompt_id, prompt, extra_data, outputs]. */
export function queuePosition(queue: ComfyQueue, promptId: string): 'running' | 'pending' | null {
  const has = (rows: unknown[][] | undefined): boolean =>
    (rows ?? []).some((row) => Array.isArray(row) && row[1] === promptId);
  if (has(queue.queue_running)) return 'running';
  if (has(queue.queue_pending)) return 'pending';
  return null;
}

/** Every prompt id in the queue, running first. */
export function queueIds(queue: ComfyQueue): string[] {
  return [...(queue.queue_running ?? []), ...(queue.queue_pending ?? [])].flatMap((row) =>
    typeof row[1] === 'string' ? [row[1]] : [],
  );
}
