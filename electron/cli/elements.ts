/** `storyboard element add` and the `--element` option of add-shot. */
import { resolve } from 'node:path';
import { ELEMENT_KINDS, type Element } from '../../shared/model/entities.js';
import { normalizeTag, tagKey } from '../../shared/model/elements.js';
import type { AppServices } from '../services/app.js';
import { call, withProject } from './client.js';
import { CliError } from './commands.js';

type ElementKind = (typeof ELEMENT_KINDS)[number];

export async function cmdElementAdd(dir: string, v: Record<string, unknown>): Promise<number> {
  if (typeof v.name !== 'string' || !v.name.trim()) throw new CliError('element add: --name <text> is required');
  const kind = v.kind === undefined ? 'character' : String(v.kind);
  if (!ELEMENT_KINDS.includes(kind as ElementKind)) {
    throw new CliError(`--kind must be one of ${ELEMENT_KINDS.join(', ')} (got "${kind}")`);
  }
  const images = Array.isArray(v.image) ? (v.image as string[]) : [];
  return withProject(dir, async (services) => {
    const { element } = await call(services, 'elements.create', {
      name: v.name as string,
      kind: kind as ElementKind,
      ...(typeof v.tag === 'string' ? { tag: v.tag } : {}),
      ...(typeof v.description === 'string' ? { description: v.description } : {}),
      ...(images.length ? { picturePaths: images.map((p) => resolve(p)) } : {}),
    });
    process.stdout.write(`${element.id} ${element.tag}\n`);
    process.stderr.write(
      `Added ${element.kind} "${element.name}" with ${element.refAssetIds.length} reference picture(s)\n`,
    );
    return 0;
  });
}

/** Element ids for `--element` values: an id, or a tag with or without the @ (any case). */
export function resolveElementRefs(values: readonly string[], elements: readonly Element[]): string[] {
  return values.map((value) => {
    const byId = elements.find((e) => e.id === value);
    if (byId) return byId.id;
    const tag = normalizeTag(value);
    const byTag = tag ? elements.find((e) => tagKey(e.tag) === tagKey(tag)) : undefined;
    if (byTag) return byTag.id;
    const known = elements.map((e) => e.tag).join(', ') || 'none yet; add one with `storyboard element add`';
    throw new CliError(`--element "${value}" is neither an element id nor a tag of this project (tags: ${known})`);
  });
}

/** Picks the elements for a new shot (before anything else is written, the values are checked). */
export async function elementIdsFor(services: AppServices, values: readonly string[]): Promise<string[]> {
  if (values.length === 0) return [];
  const snap = await call(services, 'project.current', {});
  return resolveElementRefs(values, snap?.elements ?? []);
}

export async function attachElements(
  services: AppServices,
  shotId: string,
  elementIds: readonly string[],
): Promise<void> {
  if (elementIds.length) await call(services, 'shots.setElements', { shotId, elementIds: [...elementIds] });
}
