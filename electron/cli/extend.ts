/**
 * `storyboard extend <dir> --take <id> --to <seconds> [--provider <id>] [--model <id>] [--link <s>] [--budget <amount>] [--dry-run]`:
 * the long-take builder. Continues the take with links generated from the exact frame at each
 * clip's trim out (any model that takes a first frame), joined at that frame, until the chain is
 * at least `--to` seconds long. The plan (links x price, against the budget) is printed first and
 * an over-budget plan is refused before anything is sent; `--dry-run` stops there. Each link is
 * one durable generation job (recovered like any other after a kill, never sent twice); running
 * this command again from the chain's last take (printed per link on stdout) continues the chain.
 */
import { CliError } from './commands.js';
import { call, withProject } from './client.js';
import { failedOf, runJobs } from './dialogue.js';
import { formatEstimate } from './generate.js';

export async function cmdExtend(dir: string, v: Record<string, unknown>): Promise<number> {
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const take = str('take');
  if (!take) throw new CliError('extend: --take <id> is required');
  const toSec = Number(v.to);
  if (!(toSec > 0 && toSec <= 3600)) throw new CliError(`--to must be seconds from 0 to 3600 (got "${String(v.to)}")`);
  const linkSec = v.link === undefined ? undefined : Number(v.link);
  if (linkSec !== undefined && !(linkSec > 0 && linkSec <= 600))
    throw new CliError(`--link must be a positive number of seconds (got "${String(v.link)}")`);
  const pick = {
    ...(str('provider') ? { provider: str('provider') as string } : {}),
    ...(str('model') ? { model: str('model') as string } : {}),
    ...(linkSec ? { linkSec } : {}),
  };
  const budget = v.budget === undefined ? undefined : Number(v.budget);
  if (budget !== undefined && !(budget >= 0)) throw new CliError('extend: --budget must be a number >= 0');
  return withProject(dir, async (services) => {
    if (budget !== undefined) await call(services, 'project.setBudget', { budgetCap: budget });
    const plan = await call(services, 'bridges.chainPlan', { takeId: take, toSec, ...pick });
    process.stderr.write(
      `Chain: ${plan.fromSec.toFixed(2)} s -> ${plan.toSec} s: ${plan.links} link(s) of ${plan.linkSec.toFixed(2)} s on ${plan.provider}${plan.model ? ` (${plan.model})` : ''}.\n`,
    );
    process.stderr.write(formatEstimate(plan.estimate));
    if (plan.estimate.overBudget)
      throw new CliError(
        'extend: the chain would go over the project budget (or has unpriced links); nothing was sent.',
      );
    if (v['dry-run']) return 0;
    let last = take;
    for (let i = 0; i < plan.links; i++) {
      const { shotId } = await call(services, 'bridges.chainLink', {
        takeId: last,
        ...pick,
        ...(linkSec ? {} : { linkSec: plan.linkSec }),
      });
      const ids = await runJobs(services, () => call(services, 'generate.start', { shotIds: [shotId] }));
      if ((await failedOf(services, ids)) > 0) {
        process.stderr.write(`Link ${i + 1} of ${plan.links} failed; the chain stops at take ${last}.\n`);
        return 1;
      }
      const made = (await call(services, 'jobs.list', {})).find((j) => ids.includes(j.id))?.takeId;
      if (!made) return 1;
      last = made;
      process.stdout.write(`${shotId} ${made}\n`);
    }
    return 0;
  });
}
