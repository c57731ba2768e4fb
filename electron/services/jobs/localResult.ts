/**
 * A result that came back in the create's own answer (synchronous providers and the offline
 * renderers: speech, pictures, upscales): written beside the job as `<outDir>/<jobId>.<ext>`
 * before submit() returns, and named by a `local:` task id. Poll finds the file, fetch moves
 * it to the runner's temp path.
 */
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { PollResult } from '../generation/types.js';
import type { JobContext } from './paidJob.js';

/** Task id of a result that came with the create's answer and is already on disk. */
export const LOCAL_TASK = 'local:';

export async function writeLocalResult(ctx: JobContext, bytes: Uint8Array, ext: string): Promise<{ taskId: string }> {
  await mkdir(ctx.outDir, { recursive: true });
  const name = `${ctx.jobId}.${ext}`;
  const part = join(ctx.outDir, `${name}.part`);
  await writeFile(part, bytes);
  await rename(part, join(ctx.outDir, name));
  return { taskId: `${LOCAL_TASK}${name}` };
}

/** The file a job's synchronous answer left (after a kill between the answer and the row update). */
export async function findLocalResult(outDir: string, jobId: string): Promise<string | null> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const hit = names.find((n) => n.startsWith(`${jobId}.`) && !n.endsWith('.part'));
  return hit ? `${LOCAL_TASK}${hit}` : null;
}

function localPath(taskId: string, ctx: JobContext): string {
  const name = taskId.slice(LOCAL_TASK.length);
  if (!/^[\w-]+\.[a-z0-9]+$/i.test(name)) throw new AppError('INVALID_INPUT', `Not a local speech result: ${taskId}`);
  return join(ctx.outDir, name);
}

export async function pollLocal(taskId: string, ctx: JobContext, label: string): Promise<PollResult> {
  const names = await readdir(ctx.outDir).catch(() => [] as string[]);
  if (names.includes(taskId.slice(LOCAL_TASK.length))) return { state: 'succeeded', progress: 1 };
  return { state: 'failed', taskLost: true, error: `The ${label} audio of this job is no longer on disk.` };
}

export async function fetchLocal(taskId: string, destPath: string, ctx: JobContext): Promise<void> {
  await rename(localPath(taskId, ctx), destPath);
}
