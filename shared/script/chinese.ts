/**
 * Chinese scripts (剧本) as written in Word or a text editor: scene headings with 内景 / 外景
 * ("1. 内景 咖啡馆 - 日", "第三场 外景·街道·夜", "场景二：内景 厨房 日"), dialogue as
 * `角色：台词` with a full-width or ASCII colon and an optional `（画外音）` extension, a leading
 * `（笑）` as the parenthetical, action lines (often opened by △ or ▲, which start a new beat),
 * `人物：` lists of characters, and transitions such as 切至 / 淡出. The result has the same
 * shape as a Fountain parse, so the same mapping makes the proposal.
 */
import {
  issue,
  normaliseText,
  unreadable,
  type ParsedScript,
  type ScriptElement,
  type ScriptIssue,
} from './elements.js';

const NUM = '0-9０-９一二三四五六七八九十百零〇';
export const CHINESE_HEADING = new RegExp(
  `^\\s*(?:(?:第\\s*([${NUM}]+)\\s*[场幕集]|场景\\s*([${NUM}]*)|([${NUM}]+))[\\s.、．:：-]*)?` +
    `((?:内外景|内/外景|外/内景|内景|外景)[\\s\\S]*)$`,
  'u',
);
const CUE = /^([^\s：:（()[\]【】「」"“”]{1,12})\s*(?:[（(]([^）)]{1,12})[）)])?\s*[：:]\s*(.*)$/u;
const TRANSITION = /^(?:切至|切到|切换至|淡入|淡出|叠化|闪回|转场|黑场|硬切)[^\s]{0,8}?[：:。.]?$/u;
/** Keys that look like `名字：` but are not a speaker. */
const META = new Set(['人物', '时间', '地点', '场景', '字幕', '备注', '注', '标题', '编剧', '作者', '片名', '剧名']);
const NARRATOR = new Set(['旁白', '画外音', 'VO', 'V.O.', 'NARRATOR']);

export function looksChinese(text: string): boolean {
  let headings = 0;
  let cues = 0;
  for (const l of normaliseText(text).split('\n')) {
    if (CHINESE_HEADING.test(l)) headings++;
    else if (/^[\p{Script=Han}]{1,8}\s*(?:（[^）]*）)?：/u.test(l.trim())) cues++;
  }
  return headings > 0 || cues >= 2;
}

export function parseChinese(source: string): ParsedScript {
  const text = normaliseText(source);
  const bad = unreadable(text);
  if (bad) return { format: 'chinese', titlePage: {}, elements: [], notes: [], issues: [bad] };
  const lines = text.split('\n');
  const elements: ScriptElement[] = [];
  const issues: ScriptIssue[] = [];
  const notes: { line: number; text: string }[] = [];
  const titlePage: Record<string, string> = {};
  const cast: { line: number; name: string }[] = [];
  let prevBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    const line = i + 1;
    if (!t) {
      prevBlank = true;
      continue;
    }
    const last = elements[elements.length - 1];
    const wasBlank = prevBlank;
    prevBlank = false;
    const title = /^《(.+)》$/u.exec(t);
    if (title && elements.length === 0 && !titlePage.title) {
      titlePage.title = title[1] ?? '';
      continue;
    }
    if (t.startsWith('#')) {
      const m = /^(#+)\s*(.*)$/u.exec(t);
      elements.push({ type: 'section', line, depth: m?.[1]?.length ?? 1, text: m?.[2] ?? '' });
      continue;
    }
    const heading = CHINESE_HEADING.exec(t);
    if (heading) {
      const body = (heading[4] ?? '')
        .replace(/[·．.]/gu, ' ')
        .replace(/\s+/gu, ' ')
        .trim();
      elements.push({ type: 'scene', line, text: body, number: heading[1] || heading[2] || heading[3] || null });
      continue;
    }
    if (TRANSITION.test(t)) {
      elements.push({ type: 'transition', line, text: t.replace(/[：:。.]$/u, '') });
      continue;
    }
    const cue = t.startsWith('△') || t.startsWith('▲') ? null : CUE.exec(t);
    if (cue) {
      const name = (cue[1] ?? '').trim();
      if (META.has(name)) {
        if (name === '人物') {
          for (const who of (cue[3] ?? '').split(/[、，,;；\s]+/u).filter(Boolean)) {
            cast.push({ line, name: who });
          }
        } else if (name === '字幕') {
          elements.push({ type: 'action', line, text: t, centered: true });
        } else if (['标题', '片名', '剧名'].includes(name)) {
          titlePage.title = cue[3] ?? '';
        } else if (['编剧', '作者'].includes(name)) {
          titlePage.author = cue[3] ?? '';
        } else {
          notes.push({ line, text: t });
        }
        continue;
      }
      let said = (cue[3] ?? '').trim();
      let j = i;
      if (!said && (lines[i + 1] ?? '').trim() && !CUE.exec((lines[i + 1] ?? '').trim())) {
        j = i + 1;
        said = (lines[j] ?? '').trim();
      }
      if (!said) {
        issues.push(
          issue('emptyLine', line, 'warning', { line, name }, `"${name}" speaks, but nothing follows the colon.`),
        );
        continue;
      }
      const ext = cue[2] ? [cue[2].trim()] : [];
      elements.push({
        type: 'character',
        line,
        name: NARRATOR.has(name.toUpperCase()) ? '旁白' : name,
        extensions: ext,
        dual: false,
      });
      const paren = /^[（(]([^）)]*)[）)]\s*([\s\S]*)$/u.exec(said);
      if (paren) {
        elements.push({ type: 'parenthetical', line: j + 1, text: (paren[1] ?? '').trim() });
        said = (paren[2] ?? '').trim();
      }
      if (said) elements.push({ type: 'dialogue', line: j + 1, text: said });
      i = j;
      continue;
    }
    const beat = t.startsWith('△') || t.startsWith('▲');
    const body = t.replace(/^[△▲]\s*/u, '');
    if (!beat && !wasBlank && last?.type === 'action' && !last.centered) last.text = `${last.text}\n${body}`;
    else elements.push({ type: 'action', line, text: body, centered: false });
  }
  return { format: 'chinese', titlePage, elements, notes, issues, cast };
}
