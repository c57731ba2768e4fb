/**
 * What a shot is called where it is shown as a label or card text (viewer card, timeline clip,
 * storyboard cards, the Generate dialog's shot list, the jobs panel): its title first, else its
 * prompt, with each known @tag shown as its element's name ("@Mara_Lee waves" -> "Mara Lee
 * waves") and an unknown tag left as written. The tags are read by the one parser the prompt
 * field highlights with and the generation sends (elements.ts tagMentions, through
 * promptWithNames), so a label names exactly the elements the model is told about. Pure.
 *
 * shotCaptions() is memoised per document version (the snapshot's shots and elements arrays,
 * replaced on every edit), so 500 timeline clips look their label up instead of parsing it.
 */
import type { Element, ProjectSnapshot, Shot } from './entities.js';
import { promptWithNames } from './elements.js';

type Named = Pick<Element, 'tag' | 'name'>;

/** The text with known tags as names and runs of white space as one space, trimmed. */
export function namedText(text: string, elements: readonly Named[]): string {
  // Most titles and many prompts hold no @ at all: nothing to resolve.
  const named = text.includes('@') ? promptWithNames(text, elements) : text;
  return named.replace(/\s+/gu, ' ').trim();
}

export interface ShotCaption {
  /** The title with names, or "" (a shot without one). */
  title: string;
  /** The whole prompt with names, on one line, or "". */
  prompt: string;
  /** The title, else the prompt's first line, with names: "" when the shot has neither. */
  caption: string;
}

/** One shot's title, prompt and caption with its @tags shown as element names. */
export function shotCaption(shot: Pick<Shot, 'title' | 'prompt'>, elements: readonly Named[]): ShotCaption {
  const title = namedText(shot.title, elements);
  // Names hold no line breaks: the named prompt's first line is the first line's names.
  const named = shot.prompt.includes('@') ? promptWithNames(shot.prompt, elements) : shot.prompt;
  const prompt = named.replace(/\s+/gu, ' ').trim();
  const firstLine = (named.trim().split('\n')[0] ?? '').replace(/\s+/gu, ' ').trim();
  return { title, prompt, caption: title || firstLine };
}

const EMPTY: ReadonlyMap<string, ShotCaption> = new Map();
const memo = new WeakMap<readonly Shot[], { elements: readonly Named[]; captions: ReadonlyMap<string, ShotCaption> }>();

/**
 * Every shot's caption by shot id, computed once per document version: the same shots and
 * elements arrays return the same map (a selector that reads one entry re-renders nothing).
 */
export function shotCaptions(
  doc: (Pick<ProjectSnapshot, 'shots'> & { elements: readonly Named[] }) | null | undefined,
): ReadonlyMap<string, ShotCaption> {
  if (!doc) return EMPTY;
  const hit = memo.get(doc.shots);
  if (hit && hit.elements === doc.elements) return hit.captions;
  const captions = new Map(doc.shots.map((s) => [s.id, shotCaption(s, doc.elements)]));
  memo.set(doc.shots, { elements: doc.elements, captions });
  return captions;
}
