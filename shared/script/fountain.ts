/**
 * A Fountain 1.1 parser (https://fountain.io/syntax), written here rather than taken from npm:
 * fountain-js (MIT, maintained) and @thombruce/fountain.js turn a script into HTML tokens and
 * keep no line numbers, and a malformed script (an unclosed boneyard or note) must be reported
 * by line. Rules, each from the syntax page:
 * - Title page: `Key: value` lines at the very top, indented lines continue a value; it ends at
 *   the first blank line.
 * - Boneyard `/* ... *\/` and notes `[[ ... ]]` are removed (notes kept aside); both may span
 *   lines; line numbers of everything after them stay those of the file.
 * - Scene heading: a line starting INT, EXT, EST, INT./EXT, INT/EXT or I/E followed by a dot or a
 *   space (any case), with a blank line before and after; `.HEADING` forces one (`..` does not);
 *   `#1A#` at its end is the scene number.
 * - Character: a line in upper case (with at least one letter; `(V.O.)`, `(O.S.)`, `(CONT'D)`
 *   extensions may be any case) after a blank line and before a non-blank one; `@Name` forces
 *   one; a trailing `^` makes it the second half of dual dialogue.
 * - Dialogue: the lines after a character up to a blank line (a line of exactly two spaces keeps
 *   the block open); `(…)` lines in it are parentheticals; `~` lines are lyrics.
 * - Transition: an upper-case line ending in `TO:` with blank lines around it; `> TEXT` forces
 *   one; `> TEXT <` is centered text. `!` forces action. `#` sections (depth = count), `=`
 *   synopses, `===` page breaks.
 */
import {
  issue,
  normaliseText,
  unreadable,
  type ParsedScript,
  type ScriptElement,
  type ScriptIssue,
} from './elements.js';

const HEADING = /^(?:INT\.?\/EXT|INT\/EXT|I\.?\/E|INT|EXT|EST)[.\s]/iu;
const SCENE_NUMBER = /\s*#([\w.-]+)#\s*$/u;
/**
 * A title-page key is one to three words with a lower-case letter ("Draft date:"), so neither
 * "FADE IN:" nor an action line such as "As the girl runs: a truck tips over" opens a title page.
 */
function isTitleKey(line: string): boolean {
  const m = /^([A-Za-z]+(?: [A-Za-z]+){0,2}):/u.exec(line);
  return m !== null && (/[a-z]/u.test(m[1] ?? '') || m[1] === 'TITLE');
}
const LETTER = /\p{L}/u;

/** `**bold**`, `*italic*`, `_underline_` markers off (escaped `\*` kept as `*`). */
export function plainText(text: string): string {
  return text
    .replace(/(?<!\\)(?:\*{1,3}|_)/gu, '')
    .replace(/\\([*_])/gu, '$1')
    .replace(/[ \t]{2,}/gu, ' ')
    .trim();
}

/**
 * Removes `open ... close` spans, keeping their newlines so line numbers hold. Returns the text
 * and the spans' contents with the line each opened on; an unclosed span runs to the end and
 * is reported.
 */
function cut(
  text: string,
  open: string,
  close: string,
): { text: string; spans: { line: number; text: string }[]; unclosedAt: number | null } {
  let out = '';
  let at = 0;
  const spans: { line: number; text: string }[] = [];
  let line = 1;
  let unclosedAt: number | null = null;
  for (;;) {
    const start = text.indexOf(open, at);
    if (start < 0) break;
    const before = text.slice(at, start);
    line += before.split('\n').length - 1;
    out += before;
    const end = text.indexOf(close, start + open.length);
    const body = text.slice(start + open.length, end < 0 ? text.length : end);
    spans.push({ line, text: body });
    out += '\n'.repeat(body.split('\n').length - 1);
    line += body.split('\n').length - 1;
    if (end < 0) {
      unclosedAt = spans[spans.length - 1]?.line ?? line;
      at = text.length;
      break;
    }
    at = end + close.length;
  }
  return { text: out + text.slice(at), spans, unclosedAt };
}

function isCharacterCue(raw: string): boolean {
  const t = raw.trim();
  if (t.startsWith('@')) return t.length > 1;
  const name = t
    .replace(/\^$/u, '')
    .replace(/\([^)]*\)/gu, '')
    .trim();
  if (!name || !LETTER.test(name)) return false;
  return name === name.toUpperCase() && name !== name.toLowerCase();
}

function characterOf(raw: string, line: number): Extract<ScriptElement, { type: 'character' }> {
  let t = raw.trim();
  const dual = t.endsWith('^');
  if (dual) t = t.slice(0, -1).trim();
  if (t.startsWith('@')) t = t.slice(1);
  const extensions = [...t.matchAll(/\(([^)]*)\)/gu)].map((m) => (m[1] ?? '').trim()).filter(Boolean);
  const name = t
    .replace(/\([^)]*\)/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return { type: 'character', line, name, extensions, dual };
}

/** Title page at the top: the key/value map and the index of the first body line. */
function titlePage(lines: readonly string[]): { page: Record<string, string>; body: number } {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0 || !isTitleKey(lines[first]?.trim() ?? '')) return { page: {}, body: 0 };
  const page: Record<string, string> = {};
  let key = '';
  let i = first;
  for (; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '') break;
    const m = /^\s/u.test(l) ? null : /^([^:]+):\s*(.*)$/u.exec(l);
    if (m) {
      key = (m[1] ?? '').trim().toLowerCase();
      page[key] = plainText(m[2] ?? '');
    } else if (key) {
      page[key] = [page[key], plainText(l)].filter(Boolean).join('\n');
    }
  }
  return { page, body: i };
}

export function parseFountain(source: string): ParsedScript {
  const text = normaliseText(source);
  const bad = unreadable(text);
  if (bad) return { format: 'fountain', titlePage: {}, elements: [], notes: [], issues: [bad] };
  const issues: ScriptIssue[] = [];
  const bone = cut(text, '/*', '*/');
  if (bone.unclosedAt !== null) {
    issues.push(
      issue(
        'unclosedBoneyard',
        bone.unclosedAt,
        'error',
        { line: bone.unclosedAt },
        'a boneyard "/*" is never closed with "*/", so everything after it would be left out.',
      ),
    );
  }
  const noted = cut(bone.text, '[[', ']]');
  if (noted.unclosedAt !== null) {
    issues.push(
      issue(
        'unclosedNote',
        noted.unclosedAt,
        'error',
        { line: noted.unclosedAt },
        'a note "[[" is never closed with "]]", so everything after it would be left out.',
      ),
    );
  }
  const lines = noted.text.split('\n');
  const { page, body } = titlePage(lines);
  const elements: ScriptElement[] = [];
  const blank = (i: number): boolean => i < 0 || i >= lines.length || (lines[i] ?? '').trim() === '';
  let inDialogue = false;
  let lastCue: Extract<ScriptElement, { type: 'character' }> | null = null;
  let cueHadDialogue = true;
  for (let i = body; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const t = raw.trim();
    const line = i + 1;
    const prev = elements[elements.length - 1];
    if (t === '') {
      // A line of exactly two spaces keeps a dialogue block open (the syntax page's rule).
      if (inDialogue && raw === '  ' && !blank(i + 1)) continue;
      if (inDialogue && lastCue && !cueHadDialogue) pushCueWithoutDialogue(issues, lastCue);
      inDialogue = false;
      continue;
    }
    if (inDialogue) {
      if (t.startsWith('(')) {
        if (!t.endsWith(')')) {
          issues.push(
            issue(
              'unclosedParenthetical',
              line,
              'warning',
              { line },
              'a parenthetical "(" is not closed with ")" on the same line.',
            ),
          );
        }
        elements.push({ type: 'parenthetical', line, text: t.replace(/^\(|\)$/gu, '').trim() });
        continue;
      } else if (t.startsWith('~')) {
        elements.push({ type: 'lyrics', line, text: plainText(t.slice(1)) });
      } else if (prev?.type === 'dialogue') {
        prev.text = `${prev.text}\n${plainText(t)}`;
      } else {
        elements.push({ type: 'dialogue', line, text: plainText(t) });
      }
      cueHadDialogue = true;
      continue;
    }
    const before = blank(i - 1);
    const after = blank(i + 1);
    if (/^={3,}$/u.test(t)) {
      elements.push({ type: 'pageBreak', line });
    } else if (t.startsWith('#')) {
      const m = /^(#+)\s*(.*)$/u.exec(t);
      elements.push({ type: 'section', line, depth: m?.[1]?.length ?? 1, text: plainText(m?.[2] ?? '') });
    } else if (t.startsWith('=')) {
      elements.push({ type: 'synopsis', line, text: plainText(t.replace(/^=\s*/u, '')) });
    } else if (/^>.*<$/u.test(t)) {
      elements.push({ type: 'action', line, text: plainText(t.slice(1, -1)), centered: true });
    } else if (t.startsWith('>')) {
      elements.push({ type: 'transition', line, text: plainText(t.slice(1)) });
    } else if (t.startsWith('.') && !t.startsWith('..')) {
      const heading = t.slice(1).trim();
      if (!heading) {
        issues.push(
          issue('emptyHeading', line, 'warning', { line }, 'a "." forces a scene heading but no heading follows it.'),
        );
        continue;
      }
      elements.push(sceneOf(heading, line));
    } else if (!t.startsWith('!') && before && after && HEADING.test(`${t} `)) {
      elements.push(sceneOf(t, line));
    } else if (
      !t.startsWith('!') &&
      before &&
      after &&
      raw === raw.trimEnd() &&
      t.endsWith('TO:') &&
      t === t.toUpperCase()
    ) {
      elements.push({ type: 'transition', line, text: t });
    } else if (!t.startsWith('!') && before && !after && isCharacterCue(t) && !HEADING.test(`${t} `)) {
      const cue = characterOf(t, line);
      if (cue.dual && !elements.some((e) => e.type === 'character')) {
        issues.push(
          issue(
            'dualWithoutPartner',
            line,
            'warning',
            { line, name: cue.name },
            `"${cue.name} ^" marks dual dialogue, but no character speaks before it.`,
          ),
        );
      }
      elements.push(cue);
      lastCue = cue;
      cueHadDialogue = false;
      inDialogue = true;
    } else {
      const body = plainText(t.startsWith('!') ? t.slice(1) : t);
      if (!before && prev?.type === 'action' && !prev.centered) prev.text = `${prev.text}\n${body}`;
      else elements.push({ type: 'action', line, text: body, centered: false });
    }
  }
  if (inDialogue && lastCue && !cueHadDialogue) pushCueWithoutDialogue(issues, lastCue);
  return { format: 'fountain', titlePage: page, elements, notes: noted.spans.map(trimSpan), issues };
}

function pushCueWithoutDialogue(issues: ScriptIssue[], cue: { line: number; name: string }): void {
  issues.push(
    issue(
      'cueWithoutDialogue',
      cue.line,
      'warning',
      { line: cue.line, name: cue.name },
      `"${cue.name}" is a character cue with no dialogue under it.`,
    ),
  );
}

function trimSpan(s: { line: number; text: string }): { line: number; text: string } {
  return { line: s.line, text: s.text.replace(/\s+/gu, ' ').trim() };
}

function sceneOf(text: string, line: number): Extract<ScriptElement, { type: 'scene' }> {
  const m = SCENE_NUMBER.exec(text);
  return {
    type: 'scene',
    line,
    text: plainText(m ? text.slice(0, m.index) : text),
    number: m?.[1] ?? null,
  };
}
