/**
 * Dialogue typed as "Name: text" (the CLI's --dialogue, a pasted script) read into lines of
 * dialogue.ts, or the first problem with a key the UI translates. Pure.
 */
import type { Element } from './entities.js';
import {
  guessLanguage,
  lineProblem,
  matchSpeaker,
  MAX_LINE_CHARS,
  MAX_LINES_PER_SHOT,
  splitSpeakerText,
  type LineInput,
} from './dialogue.js';

/** A problem with a line, with a key the UI translates (dialogue.json `dialogueErrors.<key>`) and its values. */
export interface LineIssue {
  key: 'noSpeaker' | 'unknownSpeaker' | 'notCharacter' | 'empty' | 'tooLong' | 'tooMany';
  line: number;
  values: Record<string, string | number>;
  message: string;
}

/**
 * "Name: text" specs (the CLI's --dialogue, a pasted script) -> lines, or the first problem:
 * a missing name, a name no character has, an empty or too long line.
 */
export function parseDialogueSpecs<E extends Pick<Element, 'id' | 'name' | 'tag' | 'kind'>>(
  specs: readonly string[],
  elements: readonly E[],
): { lines: LineInput[] } | { issue: LineIssue } {
  if (specs.length > MAX_LINES_PER_SHOT) {
    return {
      issue: {
        key: 'tooMany',
        line: specs.length,
        values: { max: MAX_LINES_PER_SHOT },
        message: `A shot holds at most ${MAX_LINES_PER_SHOT} lines (got ${specs.length}).`,
      },
    };
  }
  const lines: LineInput[] = [];
  for (const [i, spec] of specs.entries()) {
    const line = i + 1;
    const parts = splitSpeakerText(spec);
    if (!parts) {
      return {
        issue: {
          key: 'noSpeaker',
          line,
          values: {},
          message: `Line ${line} names no speaker: write it as "Name: text" (a character's name or @tag, or Narrator).`,
        },
      };
    }
    const who = matchSpeaker(parts.name, elements);
    if (who === null) {
      const names = elements.filter((e) => e.kind === 'character').map((e) => e.name);
      return {
        issue: {
          key: 'unknownSpeaker',
          line,
          values: { name: parts.name, known: names.join(', ') || '—' },
          message: `Line ${line}: nobody in this project is called "${parts.name}". Characters: ${names.join(', ') || 'none yet (add one with "storyboard element add")'}; or write "Narrator: …".`,
        },
      };
    }
    if (who !== 'narrator' && who.kind !== 'character') {
      return {
        issue: {
          key: 'notCharacter',
          line,
          values: { name: who.name, kind: who.kind },
          message: `Line ${line}: "${who.name}" is a ${who.kind}, not a character; only characters or the narrator speak.`,
        },
      };
    }
    const problem = lineProblem(parts.text, line);
    if (problem) {
      const empty = parts.text.trim().length === 0;
      return {
        issue: {
          key: empty ? 'empty' : 'tooLong',
          line,
          values: { length: [...parts.text.trim()].length, max: MAX_LINE_CHARS },
          message: problem,
        },
      };
    }
    lines.push({
      speakerId: who === 'narrator' ? null : who.id,
      text: parts.text.trim(),
      language: guessLanguage(parts.text),
    });
  }
  return { lines };
}

/** Issues the dialogue form already translates (dialogue.json); the others are in svc.dialogue. */
const DIALOGUE_ISSUE_KEYS: Record<string, string> = {
  empty: 'dialogueErrors.empty',
  tooLong: 'dialogueErrors.tooLong',
  unknownSpeaker: 'dialogueErrors.unknownSpeaker',
};

/** The i18n key of a dialogue issue (LineIssue.key or a service check). */
export function dialogueIssueKey(issue: string): string {
  return DIALOGUE_ISSUE_KEYS[issue] ?? `svc.dialogue.${issue}`;
}
