/**
 * What a script is made of once parsed, whatever it was written in (Fountain, a Chinese
 * script, a Markdown outline): a flat list of elements, each with the 1-based line it starts on,
 * and the problems found on the way, each with its line. Pure data; proposal.ts maps it to
 * scenes, shots, characters and dialogue lines.
 */

export type ScriptFormat = 'fountain' | 'chinese' | 'outline';

export type ScriptElement =
  | { type: 'scene'; line: number; text: string; number: string | null }
  | { type: 'action'; line: number; text: string; centered: boolean }
  | { type: 'character'; line: number; name: string; extensions: string[]; dual: boolean }
  | { type: 'parenthetical'; line: number; text: string }
  | { type: 'dialogue'; line: number; text: string }
  | { type: 'lyrics'; line: number; text: string }
  | { type: 'transition'; line: number; text: string }
  | { type: 'section'; line: number; depth: number; text: string }
  | { type: 'synopsis'; line: number; text: string }
  | { type: 'pageBreak'; line: number };

/** The keys the UI translates (script.json `scriptIssues.<key>`); `values` fill the message. */
export const SCRIPT_ISSUE_KEYS = [
  'empty',
  'notText',
  'badEncoding',
  'tooLarge',
  'unclosedBoneyard',
  'unclosedNote',
  'unclosedParenthetical',
  'dualWithoutPartner',
  'cueWithoutDialogue',
  'emptyLine',
  'emptyHeading',
] as const;
export type ScriptIssueKey = (typeof SCRIPT_ISSUE_KEYS)[number];

export interface ScriptIssue {
  key: ScriptIssueKey;
  /** 1-based line of the file (0: the file as a whole). */
  line: number;
  /** error: the import is refused until the file is fixed; warning: imported, but look. */
  severity: 'error' | 'warning';
  values: Record<string, string | number>;
  /** English, with the line number, for the CLI and logs. */
  message: string;
}

export interface ParsedScript {
  format: ScriptFormat;
  /** Title-page keys, lower case (title, author, credit, draft date, ...). */
  titlePage: Record<string, string>;
  elements: ScriptElement[];
  /** [[notes]] with the line each starts on. */
  notes: { line: number; text: string }[];
  issues: ScriptIssue[];
  /** Characters listed without speaking (a Chinese script's `人物：` line). */
  cast?: { line: number; name: string }[];
}

/** The same English text the CLI prints and en/script.json holds (the UI translates by key). */
export function issue(
  key: ScriptIssueKey,
  line: number,
  severity: ScriptIssue['severity'],
  values: Record<string, string | number>,
  text: string,
): ScriptIssue {
  return { key, line, severity, values, message: line > 0 ? `Line ${line}: ${text}` : text };
}

/** Newlines normalised, byte-order mark dropped: line numbers then match any editor's. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
}

/** An error at the first line that holds `ch`, or null when no line does. */
function errorAtFirst(text: string, ch: string, key: ScriptIssueKey, message: string): ScriptIssue | null {
  const at = text.indexOf(ch);
  if (at < 0) return null;
  const line = text.slice(0, at).split('\n').length;
  return issue(key, line, 'error', { line }, message);
}

/**
 * Input that is not a text script: NUL bytes (a binary file, a .docx or .pdf renamed), U+FFFD
 * (what a decoder writes for bytes it could not read: a GBK script read as UTF-8, whose import
 * would store the damage), or nothing but blanks. Null when the text can be parsed.
 */
export function unreadable(text: string): ScriptIssue | null {
  const bad =
    errorAtFirst(
      text,
      '\u0000',
      'notText',
      'this is not a text file (it holds binary data). Save the script as Fountain (.fountain), plain text (.txt) or Markdown (.md).',
    ) ??
    errorAtFirst(
      text,
      '\uFFFD',
      'badEncoding',
      'the text holds characters that could not be read (the file is not in UTF-8). Save the script as UTF-8 and import it again.',
    );
  if (bad) return bad;
  if (text.trim().length === 0) return issue('empty', 0, 'error', {}, 'The script is empty: nothing to import.');
  return null;
}
