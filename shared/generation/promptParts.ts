/**
 * Everything stored about a shot that a model should read, put into its prompt: the shot size
 * as the framing words cinematographers (and the models' prompt guides) use, and each element's
 * description beside its name. Pure; each image adapter picks a style (how it names its
 * reference pictures), and video requests get the provider-neutral `prose` form (plan.ts).
 *
 * Styles, each from the provider's own prompt guide (cited in the adapter that uses it):
 * - 'prose': sentences, references unnamed (models that take pictures without labels).
 * - 'indexed': "Image 1 is Mara (character) ..." — Gemini, Seedream and FLUX Kontext read their
 *   input pictures in the order sent and are prompted by their position.
 * - 'tagged': "@Mara" — Runway gen4_image names each reference with a `tag` the prompt mentions.
 */
import type { Element } from '../model/entities.js';
import type { SHOT_SIZES } from '../model/entities.js';
import type { ReferenceRef } from './request.js';

export type ShotSize = (typeof SHOT_SIZES)[number];
export type PromptStyle = 'prose' | 'indexed' | 'tagged';

/** The framing words for each shot size (the usual names in shot lists and prompt guides). */
export const SHOT_SIZE_WORDS: Record<ShotSize, string> = {
  extreme_wide: 'Extreme wide shot',
  wide: 'Wide shot',
  medium: 'Medium shot',
  close_up: 'Close-up',
  extreme_close_up: 'Extreme close-up',
  insert: 'Insert shot (a detail)',
};

export interface PromptFacts {
  /** The shot's prompt with @tags already replaced by names (elements.ts promptWithNames). */
  prompt: string;
  shotSize: ShotSize | null;
  /** The shot's elements, in reference order. */
  elements: readonly Pick<Element, 'name' | 'kind' | 'description'>[];
  stylePrompt?: string;
}

const sentence = (text: string): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  return t && !/[.!?。！？]$/.test(t) ? `${t}.` : t;
};

/** "Mara (character): a tall woman with red hair." for each element with a description. */
function descriptions(elements: PromptFacts['elements']): string[] {
  return elements
    .filter((e) => e.description.trim())
    .map((e) => sentence(`${e.name} (${e.kind}): ${e.description.trim()}`));
}

/**
 * The video prompt with the shot size and the element descriptions (each only when set, so a
 * shot without them is sent exactly as before). Style prompts stay with the adapters.
 */
export function proseWithFacts(facts: Omit<PromptFacts, 'stylePrompt'>): string {
  const parts = [
    facts.shotSize ? sentence(SHOT_SIZE_WORDS[facts.shotSize]) : '',
    facts.prompt.trim(),
    ...descriptions(facts.elements),
  ].filter(Boolean);
  return parts.length > 1 || facts.shotSize ? parts.join(' ') : facts.prompt;
}

/** A Runway reference tag for a name: letters, digits and _, starting with a letter, 3-16 long. */
export function runwayTag(name: string, index: number): string {
  let t = name.normalize('NFKD').replace(/[^A-Za-z0-9_]/g, '');
  if (!t) t = `ref${index + 1}`;
  else if (!/^[A-Za-z]/.test(t)) t = `ref${t}`;
  if (t.length < 3) t = `${t}${index + 1}`.padEnd(3, '_');
  return t.slice(0, 16);
}

/**
 * One tag per reference, the same for pictures of one element (by name), distinct between
 * elements (a clash gets _2, _3 within the 16 characters).
 */
export function referenceTags(refs: readonly Pick<ReferenceRef, 'name'>[]): string[] {
  const byName = new Map<string, string>();
  const used = new Set<string>();
  return refs.map((r, i) => {
    const key = r.name ?? `#${i}`;
    const known = byName.get(key);
    if (known) return known;
    let tag = runwayTag(r.name ?? '', i);
    for (let n = 2; used.has(tag); n++) tag = `${runwayTag(r.name ?? '', i).slice(0, 13)}_${n}`;
    used.add(tag);
    byName.set(key, tag);
    return tag;
  });
}

/**
 * The keyframe prompt in a model's style: framing, the shot, the references named the way the
 * model reads them, descriptions, the style. `refs` are the references actually sent, in order.
 */
export function keyframePrompt(
  facts: PromptFacts,
  refs: readonly Pick<ReferenceRef, 'name' | 'kind'>[],
  style: PromptStyle,
  role: 'first' | 'last',
): string {
  const frame = role === 'first' ? 'the opening frame' : 'the closing frame';
  const framing = facts.shotSize ? SHOT_SIZE_WORDS[facts.shotSize] : 'A film still';
  const lines = [sentence(`${framing}, ${frame} of the shot: ${facts.prompt.trim() || 'the scene'}`)];
  if (refs.length > 0) {
    if (style === 'indexed') {
      lines.push(
        refs
          .map((r, i) => sentence(`Image ${i + 1} shows ${r.name ?? 'a reference'}${r.kind ? ` (${r.kind})` : ''}`))
          .join(' '),
      );
      lines.push('Keep each character, place and object exactly as in its images.');
    } else if (style === 'tagged') {
      const tags = referenceTags(refs);
      const seen = new Map<string, string>();
      refs.forEach((r, i) => seen.set(tags[i] as string, r.name ?? (tags[i] as string)));
      lines.push([...seen].map(([tag, name]) => sentence(`@${tag} is ${name}`)).join(' '));
    } else {
      lines.push('Keep the people, places and objects as in the reference pictures.');
    }
  }
  lines.push(...descriptions(facts.elements));
  if (facts.stylePrompt?.trim()) lines.push(sentence(`Style: ${facts.stylePrompt.trim()}`));
  return lines.join(' ');
}
