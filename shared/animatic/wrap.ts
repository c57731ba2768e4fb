/**
 * Word wrap for title cards, with estimated glyph widths (no font metrics in pure code).
 * Latin text breaks at spaces; CJK text (Han, Kana, Hangul, fullwidth forms) may break
 * between any two characters, except that no line starts with closing punctuation (，。！？、）」)
 * and none ends with opening punctuation (（「《) — the core of the kinsoku rules
 * (https://www.w3.org/TR/clreq/#prohibition_rules_for_line_breaking).
 */

/** Ideographs, kana, hangul, CJK symbols and punctuation, fullwidth forms: about 1 em wide. */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2E80-\u2FDF\u3000-\u303F\u3200-\u33FF\uFE30-\uFE4F\uFF01-\uFF60\uFFE0-\uFFE6]/u;
/** May not start a line (attaches to the character before it). */
const CLOSING = new Set([...'，。！？、；：）」』】》〉〕｝］〗〙〛…‥・ー々～’”%,.!?;:)]}']);
/** May not end a line (attaches to the character after it). */
const OPENING = new Set([...'（「『【《〈〔｛［〖〘〚‘“([{']);

export const ELLIPSIS = '…';

/** Not CJK for line breaking, but drawn 1 em wide by CJK fonts (the card's font is one). */
const CJK_FONT_WIDE = new Set([...'‘’“”…—']);

export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

/** Estimated advance in em: CJK about 1, latin about 0.55 (Noto Sans averages), space 0.3. */
export function charWidthEm(ch: string): number {
  if (ch === ' ') return 0.3;
  if (isWide(ch) || CJK_FONT_WIDE.has(ch)) return 1;
  return 0.55;
}

export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidthEm(ch);
  return w;
}

/** An unbreakable run (a latin word, one CJK character with its glued punctuation). */
interface Unit {
  text: string;
  width: number;
  spaceBefore: boolean;
}

function canBreakBetween(prev: string, next: string): boolean {
  if (CLOSING.has(next) || OPENING.has(prev)) return false;
  return isWide(prev) || isWide(next);
}

function toUnits(paragraph: string): Unit[] {
  const units: Unit[] = [];
  let current: Unit | null = null;
  let prev = '';
  let spacePending = false;
  for (const ch of paragraph) {
    if (ch === ' ') {
      spacePending = true;
      prev = ' ';
      continue;
    }
    if (current && !spacePending && prev !== '' && !canBreakBetween(prev, ch)) {
      current.text += ch;
      current.width += charWidthEm(ch);
    } else {
      // A space never separates glued punctuation from its word: "word ," keeps the comma.
      if (current && spacePending && CLOSING.has(ch)) {
        current.text += ` ${ch}`;
        current.width += charWidthEm(' ') + charWidthEm(ch);
      } else {
        current = { text: ch, width: charWidthEm(ch), spaceBefore: spacePending && units.length > 0 };
        units.push(current);
      }
    }
    spacePending = false;
    prev = ch;
  }
  return units;
}

/** Splits a unit wider than a line at character boundaries (a very long word or URL). */
function hardSplit(text: string, maxEm: number): string[] {
  const parts: string[] = [];
  let part = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidthEm(ch);
    if (part !== '' && w + cw > maxEm) {
      parts.push(part);
      part = '';
      w = 0;
    }
    part += ch;
    w += cw;
  }
  if (part !== '') parts.push(part);
  return parts;
}

/** Greedy wrap of one paragraph (no newlines) into lines of at most maxEm (estimated). */
export function wrapParagraph(paragraph: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const u of toUnits(paragraph)) {
    const gap = line !== '' && u.spaceBefore ? charWidthEm(' ') : 0;
    if (width + gap + u.width <= maxEm) {
      line += (gap ? ' ' : '') + u.text;
      width += gap + u.width;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    width = 0;
    if (u.width <= maxEm) {
      line = u.text;
      width = u.width;
      continue;
    }
    const parts = hardSplit(u.text, maxEm);
    const last = parts.pop() ?? '';
    lines.push(...parts);
    line = last;
    width = textWidthEm(last);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Cuts a line so that it plus the ellipsis fits in maxEm, then appends the ellipsis. */
export function withEllipsis(line: string, maxEm: number): string {
  const chars = [...line.trimEnd()];
  while (chars.length > 0 && textWidthEm(chars.join('')) + charWidthEm(ELLIPSIS) > maxEm) chars.pop();
  // Don't leave the ellipsis after a dangling space or opening bracket.
  while (chars.length > 0 && (chars[chars.length - 1] === ' ' || OPENING.has(chars[chars.length - 1] ?? '')))
    chars.pop();
  return chars.join('') + ELLIPSIS;
}

/**
 * Prompt text to paragraphs: newlines kept as paragraph breaks, tabs and other control
 * characters become spaces, runs of spaces collapse, empty paragraphs are dropped.
 */
export function normalizeParagraphs(text: string): string[] {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      // eslint-disable-next-line no-control-regex -- control characters have no glyph
      .map((p) => p.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/gu, ' ').trim())
      .filter((p) => p !== '')
  );
}
