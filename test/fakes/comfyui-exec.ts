/**
 * The fake ComfyUI's executor: one prompt at a time, like the real PromptQueue, sending the
 * same WebSocket events in the same order (execution_start, execution_cached, executing,
 * progress, executed, execution_success | execution_error | execution_interrupted, then
 * executing with node null) and writing the same history entry shape. The "render" is a real
 * H.264 MP4 made with ffmpeg's testsrc2 at the size, length and fps read from the graph.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeGraph } from './comfyui-validate.js';
import { OUTPUT_NODES } from './comfyui-validate.js';
import { lavfiClipArgs, lavfiPictureArgs } from '../helpers/lavfiClip.js';

export interface QueueItem {
  number: number;
  promptId: string;
  prompt: FakeGraph;
  extraData: Record<string, unknown>;
  clientId: string | null;
  outputs: string[];
}

export interface HistoryEntry {
  prompt: [number, string, FakeGraph, Record<string, unknown>, string[]];
  outputs: Record<string, Record<string, unknown>>;
  status: { status_str: 'success' | 'error'; completed: boolean; messages: [string, Record<string, unknown>][] };
  meta: Record<string, unknown>;
  /** Fake-only: when the outputs were written (for the "expire" mode). Stripped from answers. */
  finishedAt: number;
}

export interface ExecBehaviour {
  runMs: number;
  steps: number;
  failWith: string | null;
  outputShape: 'core' | 'vhs';
}

type Send = (type: string, data: Record<string, unknown>, clientId: string | null) => void;

function num(graph: FakeGraph, names: string[], fallback: number): number {
  for (const node of Object.values(graph)) {
    for (const n of names) {
      const v = node.inputs?.[n];
      if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
    }
  }
  return fallback;
}

/** Makes the output clip; size/length/fps come from the graph (else 320x240, 2 s at 8 fps). */
export function renderClip(
  graph: FakeGraph,
  file: string,
): Promise<{ width: number; height: number; frames: number; fps: number }> {
  const even = (v: number): number => Math.max(16, Math.min(1920, Math.round(v / 2) * 2));
  const width = even(num(graph, ['width'], 320));
  const height = even(num(graph, ['height'], 240));
  const fps = Math.min(60, num(graph, ['fps', 'frame_rate'], 8));
  const frames = Math.min(600, Math.round(num(graph, ['length', 'frame_count'], 16)));
  return new Promise((resolve, reject) => {
    execFile(
      process.env.FFMPEG_PATH ?? 'ffmpeg',
      lavfiClipArgs(file, {
        video: `testsrc2=size=${width}x${height}:rate=${fps}`,
        preset: 'ultrafast',
        videoArgs: ['-frames:v', String(frames), '-movflags', '+faststart'],
      }),
      (err, _out, stderr) =>
        err ? reject(new Error(`fake ComfyUI: ffmpeg failed: ${stderr}`)) : resolve({ width, height, frames, fps }),
    );
  });
}

/** SaveImage's picture: one testsrc2 frame at the graph's size (ComfyUI writes PNGs). */
export function renderPicture(graph: FakeGraph, file: string): Promise<void> {
  const even = (v: number): number => Math.max(16, Math.min(4096, Math.round(v / 2) * 2));
  const size = `${even(num(graph, ['width'], 512))}x${even(num(graph, ['height'], 512))}`;
  return new Promise((resolve, reject) => {
    execFile(
      process.env.FFMPEG_PATH ?? 'ffmpeg',
      lavfiPictureArgs(file, `testsrc2=size=${size}`),
      (err, _out, stderr) => (err ? reject(new Error(`fake ComfyUI: ffmpeg failed: ${stderr}`)) : resolve()),
    );
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class FakeExecutor {
  pending: QueueItem[] = [];
  running: QueueItem | null = null;
  history = new Map<string, HistoryEntry>();
  private interrupted = new Set<string>();
  private counter = 0;
  private busy = false;

  constructor(
    private readonly outputDir: string,
    private readonly behaviour: () => ExecBehaviour,
    private readonly send: Send,
  ) {}

  queueRemaining(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  enqueue(item: QueueItem): void {
    this.pending.push(item);
    this.send('status', { status: { exec_info: { queue_remaining: this.queueRemaining() } } }, null);
    void this.pump();
  }

  /** POST /interrupt: stops the running prompt (all, or only `promptId` when given). */
  interrupt(promptId?: string): void {
    if (this.running && (!promptId || this.running.promptId === promptId)) this.interrupted.add(this.running.promptId);
  }

  delete(ids: string[]): void {
    this.pending = this.pending.filter((p) => !ids.includes(p.promptId));
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let item = this.pending.shift(); item; item = this.pending.shift()) {
        this.running = item;
        await this.execute(item).catch((err: unknown) =>
          this.finish(item, 'error', {}, [
            [
              'execution_error',
              {
                prompt_id: item.promptId,
                node_id: '?',
                node_type: '?',
                executed: [],
                exception_message: String(err),
                exception_type: 'Exception',
                traceback: [],
                current_inputs: {},
                current_outputs: {},
                timestamp: Date.now(),
              },
            ],
          ]),
        );
        this.running = null;
        this.send('status', { status: { exec_info: { queue_remaining: this.queueRemaining() } } }, null);
      }
    } finally {
      this.busy = false;
    }
  }

  private async execute(item: QueueItem): Promise<void> {
    const b = this.behaviour();
    const { promptId, clientId } = item;
    const messages: HistoryEntry['status']['messages'] = [];
    const event = (type: string, data: Record<string, unknown>): void => {
      const full = { ...data, prompt_id: promptId };
      if (type.startsWith('execution_')) messages.push([type, { ...full, timestamp: Date.now() }]);
      this.send(type, full, clientId);
    };
    event('execution_start', {});
    event('execution_cached', { nodes: [] });
    const ids = Object.keys(item.prompt);
    const sampler = ids.find((id) => /Sampler/.test(item.prompt[id]?.class_type ?? '')) ?? ids[0] ?? '1';
    const executed: string[] = [];
    for (const id of ids) {
      const node = item.prompt[id] as FakeGraph[string];
      if (this.interrupted.delete(promptId)) {
        event('execution_interrupted', { node_id: id, node_type: node.class_type, executed });
        this.finish(item, 'error', {}, messages);
        return;
      }
      this.send('executing', { node: id, display_node: id, prompt_id: promptId }, clientId);
      if (id === sampler) {
        for (let step = 1; step <= b.steps; step++) {
          await sleep(b.runMs / b.steps);
          if (this.interrupted.has(promptId)) break;
          this.send('progress', { value: step, max: b.steps, prompt_id: promptId, node: id }, clientId);
        }
        if (this.interrupted.delete(promptId)) {
          event('execution_interrupted', { node_id: id, node_type: node.class_type, executed });
          this.finish(item, 'error', {}, messages);
          return;
        }
        if (b.failWith) {
          event('execution_error', {
            node_id: id,
            node_type: node.class_type,
            executed,
            exception_message: b.failWith,
            exception_type: /out of memory/i.test(b.failWith) ? 'torch.OutOfMemoryError' : 'RuntimeError',
            traceback: ['  File "execution.py", line 496, in execute\n'],
            current_inputs: {},
            current_outputs: {},
          });
          this.finish(item, 'error', {}, messages);
          return;
        }
      }
      executed.push(id);
    }
    const outputs: HistoryEntry['outputs'] = {};
    for (const id of ids.filter((i) => OUTPUT_NODES.has(item.prompt[i]?.class_type ?? ''))) {
      const ui = await this.save(item, id, b.outputShape);
      outputs[id] = ui;
      this.send('executed', { node: id, display_node: id, output: ui, prompt_id: promptId }, clientId);
    }
    event('execution_success', {});
    this.finish(item, 'success', outputs, messages);
  }

  /** What SaveVideo (core) or VHS_VideoCombine puts in the node's ui output. */
  private async save(item: QueueItem, nodeId: string, shape: 'core' | 'vhs'): Promise<Record<string, unknown>> {
    const inputs = item.prompt[nodeId]?.inputs ?? {};
    const prefix = String(inputs.filename_prefix ?? 'ComfyUI');
    const parts = prefix.split('/');
    const base = parts.pop() || 'ComfyUI';
    const subfolder = parts.join('/');
    const dir = join(this.outputDir, ...parts);
    mkdirSync(dir, { recursive: true });
    if (item.prompt[nodeId]?.class_type === 'SaveImage') {
      // SaveImage (nodes.py) reports `{images: [{filename, subfolder, type: "output"}]}`, no `animated`.
      const picture = `${base}_${String(++this.counter).padStart(5, '0')}_.png`;
      await renderPicture(item.prompt, join(dir, picture));
      return { images: [{ filename: picture, subfolder, type: 'output' }] };
    }
    const filename = `${base}_${String(++this.counter).padStart(5, '0')}_.mp4`;
    const info = await renderClip(item.prompt, join(dir, filename));
    if (shape === 'vhs') {
      return {
        gifs: [
          {
            filename,
            subfolder,
            type: 'output',
            format: 'video/h264-mp4',
            frame_rate: info.fps,
            workflow: `${base}.png`,
            fullpath: join(dir, filename),
          },
        ],
      };
    }
    return { images: [{ filename, subfolder, type: 'output' }], animated: [true] };
  }

  private finish(
    item: QueueItem,
    status: 'success' | 'error',
    outputs: HistoryEntry['outputs'],
    messages: HistoryEntry['status']['messages'],
  ): void {
    this.history.set(item.promptId, {
      prompt: [item.number, item.promptId, item.prompt, item.extraData, item.outputs],
      outputs,
      status: { status_str: status, completed: status === 'success', messages },
      meta: Object.fromEntries(
        Object.keys(outputs).map((id) => [id, { node_id: id, display_node: id, parent_node: null, real_node_id: id }]),
      ),
      finishedAt: Date.now(),
    });
    this.send('executing', { node: null, prompt_id: item.promptId }, item.clientId);
  }
}
