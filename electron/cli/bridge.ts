/**
 * `storyboard bridge <dir> --after <shotId> [--provider <id>] [--model <id>] [--duration <s>] [--no-generate]`:
 * inserts a bridge shot after the given one, from its last frame to the next shot's first frame
 * (both at their trims), prints the new shot's id, then generates it (estimate first, like
 * `generate`). A provider/model that cannot end on a frame is refused with the models that can.
 */
import { CliError } from './commands.js';
import { call, withProject } from './client.js';
import { failedOf, runJobs } from './dialogue.js';
import { formatEstimate } from './generate.js';

export async function cmdBridge(dir: string, v: Record<string, unknown>): Promise<number> {
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const after = str('after');
  if (!after) throw new CliError('bridge: --after <shotId> is required');
  const durationSec = v.duration === undefined ? undefined : Number(v.duration);
  if (durationSec !== undefined && !(durationSec > 0 && durationSec <= 600))
    throw new CliError(`--duration must be a positive number of seconds (got "${String(v.duration)}")`);
  return withProject(dir, async (services) => {
    const { shotId } = await call(services, 'bridges.insert', {
      afterShotId: after,
      ...(str('provider') ? { provider: str('provider') as string } : {}),
      ...(str('model') ? { model: str('model') as string } : {}),
      ...(durationSec ? { durationSec } : {}),
    });
    process.stdout.write(`${shotId}\n`);
    if (v['no-generate']) return 0;
    process.stderr.write(formatEstimate(await call(services, 'generate.estimate', { shotIds: [shotId] })));
    const ids = await runJobs(services, () => call(services, 'generate.start', { shotIds: [shotId] }));
    return (await failedOf(services, ids)) > 0 ? 1 : 0;
  });
}
