/**
 * `storyboard template <dir> [--set name=value]... [--picture name=<image>]...
 * [--first-frame <shotId>=<name>]... [--remove <name>]... [--json]`: the project's template
 * variables. `--set` defines a text variable or gives it a value, `--picture` a picture slot
 * (imported), `--first-frame` makes a slot a shot's first frame; each option is one undo step.
 * Prints the variables and what is still unresolved (which variable in which shot).
 */
import { resolve } from 'node:path';
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import { describeUnresolved, resolveTemplate, VARIABLE_NAME } from '../../shared/template/variables.js';
import { call, withProject } from './client.js';
import { CliError } from './commands.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

function pair(flag: string, raw: string): [string, string] {
  const at = raw.indexOf('=');
  if (at <= 0) throw new CliError(`template: --${flag} takes name=value (got "${raw}")`);
  return [raw.slice(0, at), raw.slice(at + 1)];
}

function checkName(flag: string, name: string): string {
  if (!VARIABLE_NAME.test(name))
    throw new CliError(`template: --${flag} "${name}" is not a variable name (a letter, then letters, digits or _)`);
  return name;
}

export function templateInfo(snap: ProjectSnapshot) {
  const variables = (snap.templateVariables ?? []).map((v) => ({
    name: v.name,
    kind: v.kind,
    value: v.kind === 'text' ? v.value : (snap.assets.find((a) => a.id === v.assetId)?.originalName ?? null),
    firstFrameShotIds: v.firstFrameShotIds,
  }));
  return { variables, unresolved: resolveTemplate(snap).unresolved };
}

export async function cmdTemplate(dir: string, v: Record<string, unknown>): Promise<number> {
  const sets = list(v.set).map((raw) => pair('set', raw));
  const pictures = list(v.picture).map((raw) => pair('picture', raw));
  const frames = list(v['first-frame']).map((raw) => pair('first-frame', raw));
  for (const [name] of sets) checkName('set', name);
  for (const [name] of pictures) checkName('picture', name);
  for (const [, name] of frames) checkName('first-frame', name);
  const removes = list(v.remove).map((name) => checkName('remove', name));
  return withProject(dir, async (services) => {
    const current = async (): Promise<ProjectSnapshot> => {
      const snap = await call(services, 'project.current', {});
      if (!snap) throw new CliError('template: no project open', 1);
      return snap;
    };
    const find = async (name: string) => (await current()).templateVariables?.find((x) => x.name === name);
    for (const [name, value] of sets) {
      const existing = await find(name);
      if (existing?.kind === 'text') await call(services, 'template.setValues', { text: { [name]: value } });
      else await call(services, 'template.set', { name, kind: 'text', value });
    }
    for (const [name, path] of pictures) {
      const existing = await find(name);
      await call(services, 'template.set', {
        name,
        kind: 'picture',
        picture: { path: resolve(path) },
        firstFrameShotIds: existing?.kind === 'picture' ? existing.firstFrameShotIds : [],
      });
    }
    for (const [shotId, name] of frames) {
      const existing = await find(name);
      if (existing?.kind !== 'picture')
        throw new CliError(`template: --first-frame ${shotId}=${name}: {{${name}}} is not a picture slot`, 1);
      await call(services, 'template.set', {
        name,
        kind: 'picture',
        firstFrameShotIds: [...existing.firstFrameShotIds, shotId],
      });
    }
    for (const name of removes) await call(services, 'template.remove', { name });
    const info = templateInfo(await current());
    if (v.json) process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
    else {
      for (const x of info.variables)
        process.stdout.write(
          `{{${x.name}}}  ${x.kind}  ${x.value === null || x.value === '' ? '(no value)' : x.value}\n`,
        );
      if (info.unresolved.length) process.stdout.write(`Unresolved: ${describeUnresolved(info.unresolved)}\n`);
    }
    return 0;
  });
}
