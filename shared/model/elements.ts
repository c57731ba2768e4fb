/**
 * Elements (characters, places, props, styles) as the prompt and the generation plan see them:
 * their `@tag`s, how a prompt mentions them, and which elements a shot uses (design.md §6: "a
 * shot references elements by @tag in the prompt or by picking them").
 */
import type { Element } from './entities.js';

/** What a tag is made of after the @ (entities.ts ElementSchema.tag). */
export const TAG_CHAR = /[\p{L}\p{N}_-]/u;
/**
 * Characters of scripts written with spaces between words (and digits, _ and -): a Latin tag
 * next to one of them is part of a longer word ("@Mara" in "@Marathon"), while Chinese or
 * Japanese text runs on without spaces ("@小明走进厨房", "和@Ann在"), so it bounds nothing.
 */
export const WORD_CHAR =
  /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{N}_-]/u;
export const MAX_TAG_LENGTH = 64;

/**
 * The tag a name suggests: "Mara Lee" -> "@Mara_Lee", "小明" -> "@小明", "Café" -> "@Café";
 * characters a tag cannot hold are dropped; a name with none left falls back to `fallback`.
 */
export function deriveTag(name: string, fallback = 'element'): string {
  const body = [...name.normalize('NFC').trim().replace(/\s+/gu, '_')]
    .filter((ch) => TAG_CHAR.test(ch))
    .join('')
    .replace(/^[_-]+|[_-]+$/gu, '')
    .slice(0, MAX_TAG_LENGTH);
  return `@${body || fallback}`;
}

/**
 * Tags compare without case (a prompt's "@mara" means "@Mara"). toLowerCase() is Unicode's
 * default case mapping, the root locale's ("und"): the same result as toLocaleLowerCase('und')
 * at a tenth of the cost (measured: 1.4 s vs 0.1 s per 100k tags), which matters when 500
 * timeline labels are resolved per document version.
 */
export function tagKey(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

/** `wanted`, or wanted_2, _3, ... : the first not in `taken` (compared without case). */
export function uniqueTag(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(tagKey));
  if (!used.has(tagKey(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}_${n}`;
    if (!used.has(tagKey(candidate))) return candidate;
  }
}

/** Normalizes a tag the user typed ("mara", "@Mara") to "@Mara"; null when it cannot be a tag. */
export function normalizeTag(text: string): string | null {
  const body = text.normalize('NFC').trim().replace(/^@/u, '');
  if (body.length === 0 || body.length > MAX_TAG_LENGTH) return null;
  return [...body].every((ch) => TAG_CHAR.test(ch)) ? `@${body}` : null;
}

export interface TagMention<E extends Pick<Element, 'tag'>> {
  element: E;
  /** Where the @ is, and the length of the mention (the @ included). */
  index: number;
  length: number;
}

/**
 * Every mention of a known tag in `prompt`, in order. The @ must not follow a word character
 * (so "ann@mara.com" mentions nobody); a tag ending in a letter of a spaced script must not run
 * on into one ("@Mara" is not in "@Marathon" but is in "@Mara's", "@Mara," and "@Mara走");
 * among tags that fit at one place, the longest wins ("@小明明" over "@小明").
 */
export function tagMentions<E extends Pick<Element, 'tag'>>(prompt: string, elements: readonly E[]): TagMention<E>[] {
  const text = prompt.normalize('NFC');
  const index = tagIndex(elements);
  const out: TagMention<E>[] = [];
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    const prev = [...text.slice(Math.max(0, i - 2), i)].at(-1);
    if (prev !== undefined && WORD_CHAR.test(prev)) continue;
    let hit: TagCandidate<E> | undefined;
    // Longest first; one lower-casing per tag length, not per element.
    for (const length of index.lengths) {
      const c = index.byKey.get(tagKey(text.slice(i, i + length)));
      if (!c || c.length !== length) continue;
      const next = [...text.slice(i + length, i + length + 2)][0];
      if (next === undefined || !c.wordEnd || !WORD_CHAR.test(next)) {
        hit = c;
        break;
      }
    }
    if (!hit) continue;
    out.push({ element: hit.element, index: i, length: hit.length });
    i += hit.length - 1;
  }
  return out;
}

interface TagCandidate<E> {
  element: E;
  length: number;
  /** The tag ends in a letter of a spaced script: it must not run on into one. */
  wordEnd: boolean;
}
interface TagIndex<E> {
  /** The tags' lengths, longest first. */
  lengths: number[];
  /** Each tag's key (tagKey) to its element; the first element wins a key two share. */
  byKey: Map<string, TagCandidate<E>>;
}

/**
 * The elements' tags by key and length, made once per elements array (a snapshot's array is
 * replaced on every edit; the same elements in it are checked, so an array changed in place
 * is indexed again).
 */
const indexes = new WeakMap<readonly object[], { refs: readonly object[]; index: TagIndex<unknown> }>();
function tagIndex<E extends Pick<Element, 'tag'>>(elements: readonly E[]): TagIndex<E> {
  const known = indexes.get(elements);
  if (known && known.refs.length === elements.length && known.refs.every((e, i) => e === elements[i]))
    return known.index as TagIndex<E>;
  const byKey = new Map<string, TagCandidate<E>>();
  for (const element of elements) {
    const tag = element.tag.normalize('NFC');
    const key = tagKey(tag);
    if (tag.length <= 1 || byKey.has(key)) continue;
    byKey.set(key, { element, length: tag.length, wordEnd: WORD_CHAR.test([...key].at(-1) ?? '') });
  }
  const lengths = [...new Set([...byKey.values()].map((c) => c.length))].sort((a, b) => b - a);
  const index = { lengths, byKey };
  indexes.set(elements, { refs: [...elements], index });
  return index;
}

/**
 * The elements a shot uses: the ones picked for it (in the shot's order), then the ones its
 * prompt mentions by @tag (in order of first mention), each once. Unknown ids are skipped.
 */
export function shotElements<E extends Pick<Element, 'id' | 'tag'>>(
  shot: { elementIds: readonly string[]; prompt: string },
  elements: readonly E[],
): E[] {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const out: E[] = [];
  const add = (e: E | undefined): void => {
    if (!e || seen.has(e.id)) return;
    seen.add(e.id);
    out.push(e);
  };
  for (const id of shot.elementIds) add(byId.get(id));
  for (const m of tagMentions(shot.prompt, elements)) add(m.element);
  return out;
}

/**
 * The prompt as a model reads it: each @tag mention replaced by the element's name ("@Mara_Lee
 * waves" -> "Mara Lee waves"). No provider parses our tags; adapters that label references
 * (Wan's "Image 1") find the element by its name, as they do in a prompt written without tags.
 */
export function promptWithNames(prompt: string, elements: readonly Pick<Element, 'tag' | 'name'>[]): string {
  const text = prompt.normalize('NFC');
  let out = '';
  let at = 0;
  for (const m of tagMentions(text, elements)) {
    out += text.slice(at, m.index) + m.element.name;
    at = m.index + m.length;
  }
  return at === 0 ? prompt : out + text.slice(at);
}
