/**
 * `storyboard keyframe <dir> --shot <id> [--provider <id>] [--model <id>] [--variations <n>] [--last]`:
 * "make keyframe from references" over the same contract as the app. Finishes what a crash left
 * (polled by task id, never sent twice), prints the estimate and the prompt as it will be sent
 * (stderr), then one line per new image take on stdout: `<takeId> <asset path>`. Pick one with
 * `storyboard keyframe <dir> --pick <takeId> [--last]`; `--resume` only finishes what a crash left. Exit 1 when a job did not succeed.
 */
import { CliError } from './commands.js';
import { call, withProject } from './client.js';
import { failedOf, runJobs } from './dialogue.js';
import { formatEstimate } from './generate.js';

export async function cmdKeyframe(dir: string, v: Record<string, unknown>): Promise<number> {
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const role = v.last ? ('last' as const) : ('first' as const);
  const pick = str('pick');
  if (pick)
    return withProject(dir, async (services) => {
      await call(services, 'keyframes.pick', { takeId: pick, ...(v.last ? { which: 'last' as const } : {}) });
      process.stdout.write(`${pick}\n`);
      return 0;
    });
  if (v.resume)
    return withProject(dir, async (services) => {
      const ids = await runJobs(services, () => call(services, 'keyframes.resume', {}));
      process.stderr.write(`Resumed ${ids.length} image job(s).\n`);
      return (await failedOf(services, ids)) > 0 ? 1 : 0;
    });
  const shotId = str('shot');
  if (!shotId) throw new CliError('keyframe: --shot <id> (or --pick <takeId>) is required');
  const variations = v.variations === undefined ? undefined : Number(v.variations);
  if (variations !== undefined && !(Number.isInteger(variations) && variations >= 1 && variations <= 16))
    throw new CliError(`--variations must be a whole number from 1 to 16 (got "${String(v.variations)}")`);
  const input = {
    shotId,
    role,
    ...(str('provider') ? { provider: str('provider') as string } : {}),
    ...(str('model') ? { model: str('model') as string } : {}),
    ...(variations ? { variations } : {}),
  };
  return withProject(dir, async (services) => {
    process.stderr.write(formatEstimate(await call(services, 'keyframes.estimate', input)));
    const preview = await call(services, 'keyframes.preview', input);
    process.stderr.write(
      `Prompt (${preview.provider}${preview.model ? ` ${preview.model}` : ''}): ${preview.prompt}\n` +
        `Pictures: ${preview.references.map((r) => r.name ?? r.assetId.slice(0, 8)).join(', ') || 'none'}\n`,
    );
    const ids = await runJobs(services, () => call(services, 'keyframes.make', input));
    const jobs = (await call(services, 'jobs.list', {})).filter((j) => ids.includes(j.id));
    const snap = await call(services, 'project.current', {});
    for (const j of jobs) {
      if (!j.takeId) continue;
      const asset = snap?.assets.find((a) => a.id === j.resultAssetId);
      process.stdout.write(`${j.takeId} ${asset?.path ?? ''}\n`);
    }
    return (await failedOf(services, ids)) > 0 ? 1 : 0;
  });
}
