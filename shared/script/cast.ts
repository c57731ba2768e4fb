/**
 * The cast a script names: the key a cue's name merges on, how a name is shown, whether a text
 * mentions a character, and the characters met while reading, merged with the project's.
 */
import type { Element } from '../model/entities.js';
import { tagKey } from '../model/elements.js';
import type { ProposedCharacter } from './proposal.js';

const NARRATOR_NAMES = new Set(['NARRATOR', '旁白', '画外音', 'VO', 'V.O.']);

/** The key a cue's name merges on: NFC, single spaces, upper case ("Dick  Steel" = "DICK STEEL"). */
export function characterKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim().toUpperCase();
}

/** "DICK STEEL" -> "Dick Steel"; names with lower case, digits or Han stay as written. */
export function displayName(name: string): string {
  const n = name.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (n !== n.toUpperCase() || !/^[\p{Script=Latin}\s.'’-]+$/u.test(n)) return n;
  return n.toLowerCase().replace(/(^|[\s'’.-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
/**
 * A test of whether a text mentions `name`: a whole word for spaced scripts (any case), a
 * substring for Han names (no spaces to bound them).
 */
export function mentionTest(name: string): (text: string) => boolean {
  if (/\p{Script=Han}/u.test(name)) return (text) => text.includes(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
  return (text) => re.test(text);
}

/** The project's elements as the cast sees them (characters merge by name or @tag). */
export type CastElement = Pick<Element, 'id' | 'name' | 'tag' | 'kind'>;

/**
 * The characters met while reading a script, each merged with the project's character of the
 * same name or @tag; `character(name)` answers the key a line or shot uses (null: a narrator).
 */
export function castOf(elements: readonly CastElement[]): {
  characters: Map<string, ProposedCharacter>;
  character(name: string): string | null;
} {
  const characters = new Map<string, ProposedCharacter>();
  const character = (name: string): string | null => {
    const key = characterKey(name);
    if (NARRATOR_NAMES.has(key)) return null;
    if (!characters.has(key)) {
      const existing = elements.find(
        (e) =>
          e.kind === 'character' &&
          (characterKey(e.name) === key || tagKey(e.tag) === tagKey(`@${name.trim().replace(/\s+/gu, '_')}`)),
      );
      characters.set(key, {
        key,
        name: existing?.name ?? displayName(name),
        existingId: existing?.id ?? null,
        lines: 0,
      });
    }
    return key;
  };
  return { characters, character };
}
