/**
 * Plain-text and Markdown outlines: `#` headings (and INT./EXT. or 内景/外景 lines) open scenes;
 * each list item (`-`, `*`, `+`, `1.`) or paragraph is a shot; a line `NAME: text` with the
 * name in capitals (or `名字：台词` with a full-width colon) is a line of dialogue in the shot
 * above it. A single level-1 heading at the top, followed by other headings, is the title.
 * Fenced code, rules and HTML comments are skipped.
 */
import { CHINESE_HEADING } from './chinese.js';
import { plainText } from './fountain.js';
import { normaliseText, unreadable, type ParsedScript, type ScriptElement } from './elements.js';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*$/u;
const ITEM = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(.*)$/u;
const SLUG = /^(?:INT\.?\/EXT|INT\/EXT|I\/E|INT|EXT|EST)[.\s]/u;
const LATIN_CUE = /^([A-Z][A-Z0-9 .'-]{0,30}[A-Z0-9.])\s*(?:\(([^)]{1,20})\))?\s*:\s+(.+)$/u;
const HAN_CUE = /^([\p{Script=Han}]{1,8})\s*(?:（([^）]{1,12})）)?\s*：\s*(.+)$/u;

function cueOf(text: string): { name: string; ext: string[]; said: string } | null {
  const m = LATIN_CUE.exec(text) ?? HAN_CUE.exec(text);
  if (!m) return null;
  return { name: (m[1] ?? '').trim(), ext: m[2] ? [m[2].trim()] : [], said: (m[3] ?? '').trim() };
}

export function parseOutline(source: string): ParsedScript {
  const text = normaliseText(source);
  const bad = unreadable(text);
  if (bad) return { format: 'outline', titlePage: {}, elements: [], notes: [], issues: [bad] };
  const lines = text.split('\n');
  const elements: ScriptElement[] = [];
  const titlePage: Record<string, string> = {};
  const depth = new Map<ScriptElement, number>();
  let fenced = false;
  let inComment = false;
  let openParagraph = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const t = raw.trim().replace(/^>\s?/u, '');
    const line = i + 1;
    if (/^(```|~~~)/u.test(t)) {
      fenced = !fenced;
      openParagraph = false;
      continue;
    }
    if (fenced) continue;
    if (inComment || t.startsWith('<!--')) {
      inComment = !t.includes('-->');
      continue;
    }
    if (!t || /^(?:[-*_]\s*){3,}$/u.test(t)) {
      openParagraph = false;
      continue;
    }
    const h = HEADING.exec(t);
    if (h || SLUG.test(t) || CHINESE_HEADING.test(t)) {
      const scene: ScriptElement = { type: 'scene', line, text: plainText(h ? (h[2] ?? '') : t), number: null };
      elements.push(scene);
      depth.set(scene, h ? (h[1]?.length ?? 1) : 7);
      openParagraph = false;
      continue;
    }
    const item = ITEM.exec(raw);
    const body = plainText(item ? (item[1] ?? '') : t);
    const cue = cueOf(body);
    if (cue) {
      elements.push({ type: 'character', line, name: cue.name, extensions: cue.ext, dual: false });
      elements.push({ type: 'dialogue', line, text: cue.said });
      openParagraph = false;
      continue;
    }
    const last = elements[elements.length - 1];
    if (!item && openParagraph && last?.type === 'action') {
      last.text = `${last.text} ${body}`;
      continue;
    }
    elements.push({ type: 'action', line, text: body, centered: false });
    openParagraph = true;
  }
  // One level-1 heading first, with other headings after it: the document's title.
  const headings = [...depth.entries()];
  const [first] = headings;
  if (first && elements[0] === first[0] && first[1] === 1 && headings.length > 1) {
    if (headings.filter(([, d]) => d === 1).length === 1 && first[0].type === 'scene') {
      titlePage.title = first[0].text;
      elements.shift();
    }
  }
  return { format: 'outline', titlePage, elements, notes: [], issues: [] };
}
