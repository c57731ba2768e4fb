/**
 * Is a take still what its shot asks for? A generated take stores its request as sent
 * (runJob.ts): the prompt after template values, @tag names and facts were put in, the first
 * and last frames' asset ids, and the reference pictures. A take is outdated when the request
 * the shot would send now differs in one of those: the user edited the prompt (or an element's
 * description, a template value), or changed the first or last frame or an element's pictures.
 * Pure: the renderer marks outdated takes on the card, in the timeline and in the gallery; the
 * planner builds its prompt with the same sentPrompt(), so "what would be sent" has one source.
 *
 * Takes with nothing to compare are never outdated: imported clips (no prompt in the request),
 * image takes (keyframe candidates), and takes of a multi-shot request (one prompt for several
 * shots). A request stored without `references` predates them and is not judged on pictures.
 */
import { promptWithNames, shotElements } from '../model/elements.js';
import type { Element, ProjectSnapshot, Shot, Take } from '../model/entities.js';
import { takeKind } from '../model/entities.js';
import { resolveTemplate } from '../template/variables.js';
import { proseWithFacts } from './promptParts.js';

export const OUTDATED_REASONS = ['prompt', 'firstFrame', 'lastFrame', 'pictures'] as const;
export type OutdatedReason = (typeof OUTDATED_REASONS)[number];

/** The video prompt a shot (template values already resolved) sends: names for @tags, shot size, element descriptions. */
export function sentPrompt(
  shot: Pick<Shot, 'prompt' | 'shotSize' | 'elementIds'>,
  elements: readonly Element[],
): string {
  return proseWithFacts({
    prompt: promptWithNames(shot.prompt, elements),
    shotSize: shot.shotSize,
    elements: shotElements(shot, elements),
  });
}

/** Keyframe-first: the shot starts on a still picked from its own image takes (references are then not sent). */
export function startsOnKeyframe(shot: Pick<Shot, 'id' | 'firstFrameAssetId'>, takes: readonly Take[]): boolean {
  return (
    shot.firstFrameAssetId !== null &&
    takes.some((t) => t.shotId === shot.id && takeKind(t) === 'image' && t.assetId === shot.firstFrameAssetId)
  );
}

/** The asset ids of the reference pictures a shot sends now: its elements' pictures, then the style refs. */
export function referenceAssetIds(
  shot: Shot,
  elements: readonly Element[],
  styleRefAssetIds: readonly string[],
): string[] {
  return [...shotElements(shot, elements).flatMap((el) => el.refAssetIds), ...styleRefAssetIds].slice(0, 32);
}

interface Context {
  elements: readonly Element[];
  styleRefAssetIds: readonly string[];
  takes: readonly Take[];
}

const frameId = (ref: unknown): string | null =>
  typeof ref === 'object' && ref !== null && typeof (ref as { assetId?: unknown }).assetId === 'string'
    ? (ref as { assetId: string }).assetId
    : null;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/**
 * Why `take` no longer matches `shot` (template values resolved), in OUTDATED_REASONS order;
 * empty when it matches or cannot be judged.
 */
export function outdatedReasons(take: Take, shot: Shot, ctx: Context): OutdatedReason[] {
  const req = take.request;
  if (takeKind(take) !== 'video' || typeof req.prompt !== 'string' || req.multiShot !== undefined) return [];
  const out: OutdatedReason[] = [];
  if (req.prompt !== sentPrompt(shot, ctx.elements)) out.push('prompt');
  if (frameId(req.firstFrame) !== shot.firstFrameAssetId) out.push('firstFrame');
  if (frameId(req.lastFrame) !== shot.lastFrameAssetId) out.push('lastFrame');
  if (Array.isArray(req.references)) {
    const sent = req.references.map(frameId).filter((id): id is string => id !== null);
    const now = startsOnKeyframe(shot, ctx.takes) ? [] : referenceAssetIds(shot, ctx.elements, ctx.styleRefAssetIds);
    if (!sameSet(sent, now)) out.push('pictures');
  }
  return out;
}

/** Every outdated take of the document, by take id, with its reasons. */
export function outdatedTakes(
  doc: Pick<ProjectSnapshot, 'shots' | 'takes' | 'elements' | 'project'> &
    Partial<Pick<ProjectSnapshot, 'dialogueLines' | 'templateVariables'>>,
): Map<string, OutdatedReason[]> {
  const resolved = new Map(resolveTemplate(doc).shots.map((s) => [s.id, s]));
  const ctx: Context = { elements: doc.elements, styleRefAssetIds: doc.project.styleRefAssetIds, takes: doc.takes };
  const out = new Map<string, OutdatedReason[]>();
  for (const take of doc.takes) {
    const shot = resolved.get(take.shotId);
    if (!shot) continue;
    const reasons = outdatedReasons(take, shot, ctx);
    if (reasons.length > 0) out.set(take.id, reasons);
  }
  return out;
}
