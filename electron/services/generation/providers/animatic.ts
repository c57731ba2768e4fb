/**
 * The built-in offline provider (design.md §5): renders the shot's first frame with its camera
 * move, or a title card with its prompt for a text-only shot, at the shot's exact length. No
 * key, no network, no cost: honest placeholders for timing before paying for generation.
 *
 * It has the same create-then-poll shape as a cloud provider: submit() starts an in-process
 * render into <tmpDir>/animatic-<taskId>/ and returns at once. Tasks live in memory only, so
 * after a restart poll() answers "lost" and the job runner renders again (free).
 */
import { randomUUID } from 'node:crypto';
import { access, copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { buildAnimaticImageInvocation } from '../../../../shared/animatic/camera.js';
import { buildTitleCardInvocation, cardLabel, layoutTitleCard } from '../../../../shared/animatic/titleCard.js';
import { AppError, isCanceled } from '../../../../shared/errors.js';
import type { FfmpegInvocation } from '../../../../shared/ffmpeg/invocation.js';
import { requestFrames } from '../../../../shared/generation/request.js';
import type { FontOptions, ResolvedFont } from '../fonts.js';
import { resolveTitleFont } from '../fonts.js';
import type { GenerationRequest, PollResult, ProviderAdapter, ProviderContext, RunFfmpeg } from '../types.js';

interface Task {
  dir: string;
  output: string;
  state: 'running' | 'succeeded' | 'failed';
  progress: number;
  error?: string;
  abort: AbortController;
  done: Promise<void>;
}

export interface AnimaticDeps {
  runFfmpeg: RunFfmpeg;
  /** Defaults to resolveTitleFont; tests pass a fixed font. */
  resolveFont?: (opts: FontOptions) => Promise<ResolvedFont>;
  /** Placeholder text for a card whose shot has no prompt and no title. */
  placeholder?: string;
}

/** A render must finish in this time or is treated as hung (MEDIA-12: never hang). */
const RENDER_TIMEOUT_MS = 10 * 60_000;

/** The invocation for a request, writing the card's text files first when it is a card. */
async function planRender(
  req: GenerationRequest,
  dir: string,
  output: string,
  deps: AnimaticDeps,
  ctx: ProviderContext,
): Promise<FfmpegInvocation> {
  // What either render writes: the project's frame size and rate, the shot's length, the file.
  const clip = {
    width: req.width,
    height: req.height,
    fps: req.fps,
    frames: requestFrames(req),
    output,
    label: `animatic shot ${req.shotNumber}`,
  };
  if (req.firstFrame) {
    const path = req.firstFrame.path;
    await access(path, constants.R_OK).catch(() => {
      throw new AppError(
        'MEDIA_MISSING',
        `The first frame of shot ${req.shotNumber} is missing or unreadable: ${path}`,
        { path },
      );
    });
    return buildAnimaticImageInvocation({
      imagePath: req.firstFrame.path,
      camera: req.camera,
      ...clip,
    });
  }
  const layout = layoutTitleCard(req.prompt.trim() || req.title, {
    width: req.width,
    height: req.height,
    placeholder: deps.placeholder,
  });
  const font = await (deps.resolveFont ?? resolveTitleFont)({ preferred: ctx.settings.fontFile ?? null });
  // One file per line with an ASCII name in our own folder: user text never enters the filter
  // graph, and the names need no escaping (the folder path is escaped by the builder).
  const textFiles = layout.lines.map((_, i) => join(dir, `line-${i}.txt`));
  await Promise.all(layout.lines.map((line, i) => writeFile(textFiles[i] as string, line, 'utf8')));
  // The title, not "#N": a burned-in number goes stale after a reorder. Its @tags arrive as
  // element names (the planner names them with shared/model/shotCaption.ts namedText).
  const title = cardLabel(req.title);
  const labelFile = title === null ? undefined : join(dir, 'label.txt');
  if (labelFile) await writeFile(labelFile, title as string, 'utf8');
  return buildTitleCardInvocation({
    ...layout,
    fontFile: font.file,
    textFiles,
    ...(labelFile ? { labelFile } : {}),
    ...clip,
  });
}

/**
 * A short reason for the job row: the error's first line, plus ffmpeg's first line that says
 * what was wrong (the full stderr tail stays in the runner's log and the error details).
 */
export function reason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const [first = '', ...rest] = message.split('\n');
  const cause = rest.find(
    (l) => /invalid|error|no such|not found|unsupported|denied|could not/i.test(l) && !/^Conversion failed/i.test(l),
  );
  return cause ? `${first} ${cause.replace(/^\[[^\]]*\]\s*/, '').trim()}` : first;
}

export function createAnimaticProvider(deps: AnimaticDeps): ProviderAdapter {
  const tasks = new Map<string, Task>();

  async function render(task: Task, req: GenerationRequest, ctx: ProviderContext): Promise<void> {
    try {
      await mkdir(task.dir, { recursive: true });
      const inv = await planRender(req, task.dir, task.output, deps, ctx);
      await deps.runFfmpeg(inv, {
        signal: task.abort.signal,
        timeoutMs: RENDER_TIMEOUT_MS,
        onProgress: (p) => {
          task.progress = Math.min(1, Math.max(0, p));
        },
      });
      task.state = 'succeeded';
      task.progress = 1;
    } catch (err) {
      task.state = 'failed';
      task.error = isCanceled(err)
        ? 'The animatic render was canceled.'
        : `The animatic render of shot ${req.shotNumber} failed: ${reason(err)}`;
      await rm(task.dir, { recursive: true, force: true });
    }
  }

  function known(taskId: string): Task | null {
    return tasks.get(taskId) ?? null;
  }

  return {
    id: 'animatic',
    label: 'Animatic (offline)',
    offline: true,
    capabilities: {
      textToVideo: true,
      imageToVideo: true,
      lastFrame: false,
      referenceImagesMax: 0,
      extend: false,
      audio: false,
      // The animatic renders the move itself (shared/animatic/camera.ts).
      cameraMoves: 'field',
      durations: { kind: 'range', min: 0.04, max: 600 },
      aspects: 'any',
      resolutions: 'any',
      models: [{ id: 'animatic', label: 'Camera move / title card' }],
    },
    // In-process renders answer instantly; poll often so short shots don't wait on the timer.
    pollPolicy: { initialMs: 100, maxMs: 500, factor: 1.5 },
    estimateCost: () => 0,

    async submit(req, ctx) {
      const taskId = `animatic-${randomUUID()}`;
      const dir = join(ctx.tmpDir, taskId);
      const task: Task = {
        dir,
        output: join(dir, 'out.mp4'),
        state: 'running',
        progress: 0,
        abort: new AbortController(),
        done: Promise.resolve(),
      };
      tasks.set(taskId, task);
      task.done = render(task, req, ctx);
      return { taskId };
    },

    async poll(taskId): Promise<PollResult> {
      const task = known(taskId);
      if (!task) {
        return {
          state: 'failed',
          taskLost: true,
          error: 'This animatic render was lost when the app stopped; it will be rendered again.',
        };
      }
      if (task.state === 'failed') return { state: 'failed', error: task.error ?? 'The animatic render failed.' };
      return { state: task.state, progress: task.progress };
    },

    async fetchResult(taskId, destPath) {
      const task = known(taskId);
      if (!task || task.state !== 'succeeded') {
        throw new AppError('PROVIDER_FAILED', `Animatic task "${taskId}" has no finished result.`);
      }
      await task.done;
      try {
        await rename(task.output, destPath);
      } catch (err) {
        // Another file system (a temp dest outside the project): copy instead of moving.
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        await copyFile(task.output, destPath);
      }
      tasks.delete(taskId);
      await rm(task.dir, { recursive: true, force: true });
    },

    async cancel(taskId) {
      const task = known(taskId);
      if (!task) return;
      task.abort.abort();
      await task.done;
      tasks.delete(taskId);
      await rm(task.dir, { recursive: true, force: true });
    },
  };
}
