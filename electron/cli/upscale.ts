/**
 * `storyboard upscale <dir> --take <id> [--provider ffmpeg|fal-seedvr] [--resume]`: the take's
 * clip made larger (2x, long side at most 3840) as a NEW take of its shot, through the durable
 * job queue: what a crash left is finished first (polled, never sent twice), the estimate is
 * printed before anything is sent, and the new take's id goes to stdout. Exit 1 when it failed.
 */
import { CliError } from './commands.js';
import { call, withProject } from './client.js';
import { failedOf, runJobs } from './dialogue.js';
import { formatEstimate } from './generate.js';

export async function cmdUpscale(dir: string, v: Record<string, unknown>): Promise<number> {
  const take = typeof v.take === 'string' ? v.take : undefined;
  const provider = typeof v.provider === 'string' ? v.provider : undefined;
  if (v.resume)
    return withProject(dir, async (services) => {
      const ids = await runJobs(services, () => call(services, 'upscale.resume', {}));
      process.stderr.write(`Resumed ${ids.length} upscale job(s).\n`);
      return (await failedOf(services, ids)) > 0 ? 1 : 0;
    });
  if (!take) throw new CliError('upscale: --take <id> is required');
  const input = { takeId: take, ...(provider ? { provider } : {}) };
  return withProject(dir, async (services) => {
    process.stderr.write(formatEstimate(await call(services, 'upscale.estimate', input)));
    const ids = await runJobs(services, () => call(services, 'upscale.start', input));
    const jobs = (await call(services, 'jobs.list', {})).filter((j) => ids.includes(j.id));
    for (const j of jobs) if (j.takeId) process.stdout.write(`${j.takeId}\n`);
    return (await failedOf(services, ids)) > 0 ? 1 : 0;
  });
}
