/**
 * Conform: what an edited OTIO/FCPXML cut (conformRead.ts) changes in the project. Each clip is
 * matched to a shot by the shot id the file kept, else by its media (the take's file; first
 * unused shot in cut order), else by name; its trim is the visible range widened by the
 * transition handles. Shots come in the file's order; shots the file does not hold keep their
 * order after them. Everything that could not be matched is one sentence in the report. Pure.
 */
import type { ConformReport } from '../api/handoff.js';
import type { Element, ProjectSnapshot, Shot } from '../model/entities.js';
import { cutList, takeFrames } from '../model/timeline.js';
import { shotLabel } from '../export/plan.js';
import { namedText } from '../model/shotCaption.js';
import type { ReadClip } from './conformRead.js';

export interface ConformTrim {
  shotId: string;
  inFrames: number;
  outFrames: number | null;
}

export interface ConformPlan {
  order: string[];
  trims: ConformTrim[];
  report: ConformReport;
}

function decodePath(media: string): string {
  let p = media.replace(/^file:\/\//i, '');
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep it as written
  }
  return p.replace(/\\/g, '/');
}

/** The shot's title and prompt as shown and handed off: known @tags as element names. */
function namedLabel(shot: Pick<Shot, 'title' | 'prompt'>, elements: readonly Pick<Element, 'tag' | 'name'>[]) {
  return { title: namedText(shot.title, elements), prompt: namedText(shot.prompt, elements) };
}

/**
 * The names a hand-off may have given this shot's clip: the title or label with @tags as element
 * names (what handoffCut.ts writes now), and as typed (files written before it named them).
 */
function clipNames(
  shot: Pick<Shot, 'title' | 'prompt'>,
  number: number,
  elements: readonly Pick<Element, 'tag' | 'name'>[],
): string[] {
  const named = namedLabel(shot, elements);
  return [named.title, shotLabel(named, number), shot.title.trim(), shotLabel(shot, number)].filter(Boolean);
}

export function planConform(doc: ProjectSnapshot, clips: readonly ReadClip[]): ConformPlan {
  const cut = cutList(doc);
  const byId = new Map(cut.map((c, i) => [c.shot.id, { c, number: i + 1 }]));
  const used = new Set<string>();
  const unmatched: string[] = [];
  const order: string[] = [];
  const trims: ConformTrim[] = [];
  clips.forEach((clip, k) => {
    const what = `Clip ${k + 1} "${clip.name || decodePath(clip.media).split('/').pop() || '?'}"`;
    const path = decodePath(clip.media);
    let hit = clip.shotId && byId.has(clip.shotId) && !used.has(clip.shotId) ? byId.get(clip.shotId) : undefined;
    hit ??= cut
      .map((c, i) => ({ c, number: i + 1 }))
      .find(({ c }) => !used.has(c.shot.id) && c.asset && (path === c.asset.path || path.endsWith(`/${c.asset.path}`)));
    hit ??= cut
      .map((c, i) => ({ c, number: i + 1 }))
      .find(
        ({ c, number }) =>
          !used.has(c.shot.id) && clip.name !== '' && clipNames(c.shot, number, doc.elements).includes(clip.name),
      );
    if (!hit) {
      unmatched.push(`${what} matches no shot of this project (by shot id, media file or name): left out.`);
      return;
    }
    const { c, number } = hit;
    used.add(c.shot.id);
    order.push(c.shot.id);
    if (!c.asset) {
      unmatched.push(`${what} is shot ${number}, which has no take: its order was applied, not its trim.`);
      return;
    }
    const media = takeFrames(c.asset, doc.project.fps);
    const inFrames = clip.sourceIn - clip.headHandle;
    const outFrames = clip.sourceIn + clip.frames + clip.tailHandle;
    if (inFrames < 0 || outFrames > media || outFrames <= inFrames) {
      unmatched.push(
        `${what} (shot ${number}) asks for frames ${inFrames}–${outFrames} of a take that has ${media}: its trim was left as it was.`,
      );
      return;
    }
    const out = outFrames === media && c.shot.trimOutFrames === null ? null : outFrames;
    if (inFrames !== c.shot.trimInFrames || out !== c.shot.trimOutFrames)
      trims.push({ shotId: c.shot.id, inFrames, outFrames: out });
  });
  cut.forEach((c, i) => {
    if (used.has(c.shot.id)) return;
    // Named as the hand-off and every label name it (tags as element names), not as typed.
    unmatched.push(
      `${shotLabel(namedLabel(c.shot, doc.elements), i + 1)} is not in the file: kept, after the shots that are.`,
    );
    order.push(c.shot.id);
  });
  const moved = order.some((id, i) => cut[i]?.shot.id !== id);
  return { order, trims, report: { matched: used.size, trimmed: trims.length, moved, unmatched } };
}
