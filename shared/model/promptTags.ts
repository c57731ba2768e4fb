/**
 * Writing @tags in a prompt field: the mention being typed at the caret, the elements that match
 * it, the text after one is picked, and the prompt cut into plain text, known tags and unknown
 * tags for the highlight behind the field. Pure; the same rules as the parser the generation
 * reads (elements.ts tagMentions: an @ after a word character is no tag, the longest known tag
 * wins, a Latin tag does not run on into a Latin word), so what is highlighted is what resolves.
 */
import type { Element } from './entities.js';
import { MAX_TAG_LENGTH, TAG_CHAR, WORD_CHAR, tagKey, tagMentions } from './elements.js';

/** The @mention being typed: the @ at `start`, the caret at `end`, the text between. */
export interface MentionQuery {
  start: number;
  end: number;
  query: string;
}

/** The code point that ends at `index` (a surrogate pair is one character). */
function charBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) return text.slice(index - 2, index);
  return text.slice(index - 1, index);
}

/** True when an @ at `at` can start a tag: first in the text, or after no word character. */
function canStartTag(text: string, at: number): boolean {
  return at === 0 || !WORD_CHAR.test(charBefore(text, at));
}

/**
 * The mention the caret is in: from an @ that can start a tag up to the caret, nothing but tag
 * characters between ("@Ma|" -> "Ma", "@|" -> ""). Null anywhere else ("ann@ma|": an address).
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  let i = caret;
  let length = 0;
  while (i > 0 && length <= MAX_TAG_LENGTH) {
    const ch = charBefore(text, i);
    if (ch === '@') return canStartTag(text, i - 1) ? { start: i - 1, end: caret, query: text.slice(i, caret) } : null;
    if (!TAG_CHAR.test(ch)) return null;
    i -= ch.length;
    length++;
  }
  return null;
}

/** Words of a name ("Mara Lee", "old_harbour-café" -> Mara, Lee / old, harbour, café). */
const words = (text: string): string[] =>
  tagKey(text)
    .split(/[\s_-]+/u)
    .filter(Boolean);

/**
 * The elements a query names, best first: tag or name starting with it, then a word of the name
 * starting with it, then containing it (case-insensitive, any script); ties keep the library's
 * order. An empty query lists every element.
 */
export function filterElements<E extends Pick<Element, 'tag' | 'name'>>(elements: readonly E[], query: string): E[] {
  const q = tagKey(query.trim().replace(/^@/u, ''));
  if (!q) return [...elements];
  const rank = (e: E): number => {
    const tag = tagKey(e.tag).replace(/^@/u, '');
    const name = tagKey(e.name);
    if (tag.startsWith(q) || name.startsWith(q)) return 0;
    if (words(e.name).some((w) => w.startsWith(q)) || words(tag).some((w) => w.startsWith(q))) return 1;
    if (tag.includes(q) || name.includes(q)) return 2;
    // Chinese runs on without a space, so "@小明走进厨房" typed at once is @小明 followed by
    // text (the parser reads it so): offer the element whose tag the query starts with.
    const end = [...tag].at(-1);
    if (end !== undefined && !WORD_CHAR.test(end) && q.startsWith(tag)) return 2;
    return 3;
  };
  return elements
    .map((e, i) => ({ e, i, r: rank(e) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}

/**
 * The text with the mention replaced by `tag`, and where the caret goes (after it). A space
 * follows when the next character would otherwise run on into a Latin tag ("@Mara" + "waves"),
 * or at the end of the text after one; a Chinese tag needs none ("@小明走进厨房" reads as @小明).
 */
export function insertMention(
  text: string,
  mention: Pick<MentionQuery, 'start' | 'end'>,
  tag: string,
): { text: string; caret: number } {
  const after = text.slice(mention.end);
  const next = [...after.slice(0, 2)][0];
  const last = [...tag].at(-1) ?? '';
  const runsOn = WORD_CHAR.test(last) && (next === undefined || TAG_CHAR.test(next));
  const inserted = runsOn ? `${tag} ` : tag;
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}

export type PromptSegment<E> =
  | { kind: 'text'; start: number; text: string }
  | { kind: 'tag'; start: number; text: string; element: E }
  | { kind: 'unknown'; start: number; text: string };

/** The run of tag characters from `from` (at most a tag's length). */
function tagRun(text: string, from: number): number {
  let end = from;
  let n = 0;
  for (const ch of text.slice(from)) {
    if (!TAG_CHAR.test(ch) || n >= MAX_TAG_LENGTH) break;
    end += ch.length;
    n++;
  }
  return end;
}

/**
 * The prompt as plain text, the tags of known elements and the @words no element has (an @ that
 * can start a tag, then tag characters). The segments' texts joined are the prompt, so a mirror
 * drawn from them lines up with the field. A prompt not in NFC is one plain segment (the
 * parser's indexes are in NFC; typed text already is).
 */
export function promptSegments<E extends Pick<Element, 'tag'>>(
  prompt: string,
  elements: readonly E[],
): PromptSegment<E>[] {
  if (prompt.normalize('NFC') !== prompt) return prompt ? [{ kind: 'text', start: 0, text: prompt }] : [];
  const known = tagMentions(prompt, elements);
  const out: PromptSegment<E>[] = [];
  let at = 0;
  const plain = (to: number) => {
    if (to > at) out.push({ kind: 'text', start: at, text: prompt.slice(at, to) });
    at = to;
  };
  const unknownsUpTo = (to: number) => {
    for (let i = prompt.indexOf('@', at); i >= 0 && i < to; i = prompt.indexOf('@', Math.max(at, i + 1))) {
      if (!canStartTag(prompt, i)) continue;
      const end = Math.min(tagRun(prompt, i + 1), to);
      if (end === i + 1) continue;
      plain(i);
      out.push({ kind: 'unknown', start: i, text: prompt.slice(i, end) });
      at = end;
    }
  };
  for (const m of known) {
    unknownsUpTo(m.index);
    plain(m.index);
    out.push({ kind: 'tag', start: m.index, text: prompt.slice(m.index, m.index + m.length), element: m.element });
    at = m.index + m.length;
  }
  unknownsUpTo(prompt.length);
  plain(prompt.length);
  return out;
}

/** The distinct unknown tags of a prompt, in order of first use (for the field's warning line). */
export function unknownTags(segments: readonly PromptSegment<unknown>[]): string[] {
  const seen = new Map<string, string>();
  for (const s of segments) if (s.kind === 'unknown' && !seen.has(tagKey(s.text))) seen.set(tagKey(s.text), s.text);
  return [...seen.values()];
}
