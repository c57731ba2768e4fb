/**
 * Script import, offline and deterministic: text -> ParsedScript (by format) -> proposal.
 * `parseScript` picks the parser from the file name and the text.
 */
import { looksChinese, parseChinese } from './chinese.js';
import type { ParsedScript, ScriptFormat } from './elements.js';
import { parseFountain } from './fountain.js';
import { parseOutline } from './outline.js';
import { buildProposal, type ProposalContext, type ScriptProposal } from './proposal.js';

/** Largest script accepted (a 300-page screenplay is about 300 KB). */
export const MAX_SCRIPT_BYTES = 5 * 1024 * 1024;
export const SCRIPT_EXTENSIONS = ['fountain', 'spmd', 'txt', 'md', 'markdown'] as const;

const SLUG_LINE = /^\s*(?:\.[^.\s]|(?:INT\.?\/EXT|INT\/EXT|I\/E|INT|EXT|EST)[.\s])/imu;
const MD_SIGN = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s)/mu;

export function scriptFormat(text: string, fileName: string): ScriptFormat {
  const ext = /\.([a-z]+)$/iu.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const chinese = looksChinese(text);
  const fountainish = SLUG_LINE.test(text);
  if (ext === 'fountain' || ext === 'spmd') return chinese && !fountainish ? 'chinese' : 'fountain';
  if (ext === 'md' || ext === 'markdown') return chinese && !MD_SIGN.test(text) ? 'chinese' : 'outline';
  if (chinese) return 'chinese';
  if (fountainish) return 'fountain';
  return 'outline';
}

export function parseScript(text: string, fileName: string): ParsedScript {
  const format = scriptFormat(text, fileName);
  if (format === 'chinese') return parseChinese(text);
  if (format === 'fountain') return parseFountain(text);
  return parseOutline(text);
}

export function proposeScript(text: string, ctx: ProposalContext): ScriptProposal {
  return buildProposal(parseScript(text, ctx.fileName), ctx);
}

export { parseFountain, plainText } from './fountain.js';
export { parseChinese } from './chinese.js';
export { parseOutline } from './outline.js';
export * from './proposal.js';
export { castOf, characterKey, displayName } from './cast.js';
export { settingOf, splitLongText } from './shotDraft.js';
export type { ParsedScript, ScriptElement, ScriptIssue, ScriptFormat } from './elements.js';
