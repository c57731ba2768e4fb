/**
 * The draft a script gives a proposed shot: the setting a heading names, the title, the spoken
 * lines split to a line's length, and the duration (rules in proposal.ts's header).
 */
import {
  estimatedSpeechSec,
  FIT_PADDING_SEC,
  GAP_SEC,
  guessLanguage,
  LEAD_SEC,
  MAX_LINE_CHARS,
} from '../model/dialogue.js';
import type { ProposedShot } from './proposal.js';

/** Headings that name a place and time (Fountain slugs, 内景/外景): their setting joins the prompt. */
export const SLUG = /^(?:INT|EXT|EST|I\/E|I\.\/E|内外景|内\/外景|外\/内景|内景|外景)/iu;

const HEADING_PREFIX: [RegExp, string][] = [
  [/^(?:INT\.?\/EXT|INT\/EXT|I\.?\/E)[.\s-]*/iu, 'Interior/exterior'],
  [/^INT[.\s-]*/iu, 'Interior'],
  [/^EXT[.\s-]*/iu, 'Exterior'],
  [/^EST[.\s-]*/iu, 'Establishing'],
];

/** The setting a heading gives, as prompt text: "INT. OFFICE - MORNING" -> "Interior, office, morning." */
export function settingOf(heading: string): string {
  const h = heading.replace(/\s*#[\w.-]+#?$/u, '').trim();
  if (/^(?:内外景|内\/外景|外\/内景|内景|外景)/u.test(h)) {
    const parts = h.split(/[\s·．.\-—]+/u).filter(Boolean);
    return `（${parts.join('，')}）`;
  }
  const prefix = HEADING_PREFIX.find(([re]) => re.test(h));
  const rest = prefix ? h.replace(prefix[0], '') : h;
  const parts = rest
    .split(/\s+-+\s+|\s+--\s+/u)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  return `${[prefix?.[1], ...parts].filter(Boolean).join(', ')}.`.replace(/^./u, (c) => c.toUpperCase());
}

/** Splits text longer than a spoken line may be at sentence ends (then at spaces, then hard). */
export function splitLongText(text: string, max = MAX_LINE_CHARS): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while ([...rest].length > max) {
    const head = [...rest].slice(0, max).join('');
    const cut = Math.max(
      ...['. ', '! ', '? ', '。', '！', '？', '…'].map((s) => {
        const i = head.lastIndexOf(s);
        return i < 0 ? -1 : i + s.length;
      }),
    );
    const at = cut > max / 3 ? cut : head.lastIndexOf(' ') > max / 3 ? head.lastIndexOf(' ') : head.length;
    out.push(head.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

export function durationSec(shot: ProposedShot, action: string): number {
  const words = action.split(/\s+/u).filter(Boolean).length + (action.match(/\p{Script=Han}/gu)?.length ?? 0) / 2;
  const actionSec = Math.min(8, 3 + Math.max(0, Math.ceil((words - 20) / 12)));
  const speech = shot.dialogue.reduce(
    (sum, l, i) => sum + (l.dual ? 0 : estimatedSpeechSec(l.text, guessLanguage(l.text)) + (i > 0 ? GAP_SEC : 0)),
    0,
  );
  const dialogueSec = shot.dialogue.length ? LEAD_SEC + speech + FIT_PADDING_SEC : 0;
  return Math.min(60, Math.ceil(Math.max(actionSec, dialogueSec) * 2) / 2);
}

export function titleOf(text: string): string {
  const first = text.split(/(?<=[.!?。！？])\s*/u)[0] ?? text;
  const t = first.replace(/\s+/gu, ' ').trim();
  return [...t].length > 60 ? `${[...t].slice(0, 57).join('')}…` : t;
}
