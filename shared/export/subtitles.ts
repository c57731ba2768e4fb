/**
 * Subtitles from the dialogue: one cue per line, timed by the line's voice-over item when it
 * is voiced (so a cue never runs outside the speech it shows) and by its placed estimate when
 * not. Sidecars (SRT, WebVTT) and the layout of burned-in subtitles are pure functions here;
 * burnChain() turns the layout into drawtext filters for the export graph.
 */
import type { ProjectSnapshot } from '../model/entities.js';
import { dialogueTimeline } from '../model/dialogueTiming.js';
import { framesToSeconds } from '../model/time.js';
import { normalizeParagraphs, textWidthEm, wrapParagraph } from '../animatic/wrap.js';
import { escapeFilterValue } from '../animatic/escape.js';
import type { Aspect } from '../model/format.js';

export interface Cue {
  lineId: string;
  /** Seconds on the output timeline. */
  startSec: number;
  endSec: number;
  text: string;
  /** The line's translation ('' = none): a second, smaller line in bilingual subtitles. */
  translation: string;
  language: string;
  voiced: boolean;
}

/** Cues in time order; cut at `endSec` (the cut's length), lines past it dropped. */
export function subtitleCues(doc: ProjectSnapshot, endSec = Number.POSITIVE_INFINITY): Cue[] {
  const fps = doc.project.fps;
  const items = new Map(doc.audioItems.map((i) => [i.id, i]));
  const cues: Cue[] = [];
  for (const shot of dialogueTimeline(doc)) {
    for (const p of shot.placed) {
      const item = p.voiced && p.line.voiceItemId ? items.get(p.line.voiceItemId) : undefined;
      const startFrame = item ? item.startFrame : shot.startFrame + p.startFrame;
      const startSec = framesToSeconds(startFrame, fps);
      const end = Math.min(endSec, framesToSeconds(startFrame + p.frames, fps));
      if (startSec >= end) continue;
      cues.push({
        lineId: p.line.id,
        startSec,
        endSec: end,
        text: p.line.text,
        translation: p.line.translation,
        language: p.line.language,
        voiced: Boolean(item),
      });
    }
  }
  return cues.sort((a, b) => a.startSec - b.startSec);
}

/**
 * A time stamp in milliseconds. Starts round up and ends round down, so a cue written to a
 * file never starts before or ends after the speech it was timed from.
 */
function stamp(sec: number, sep: ',' | '.', round: 'up' | 'down'): string {
  const ms = round === 'up' ? Math.ceil(sec * 1000 - 1e-6) : Math.floor(sec * 1000 + 1e-6);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`;
}

/** A cue's text lines: the line, then its translation (one paragraph each, no blank lines). */
function cueLines(c: Cue): string[] {
  return [...normalizeParagraphs(c.text), ...normalizeParagraphs(c.translation)];
}

/** SubRip: numbered blocks, `hh:mm:ss,mmm --> hh:mm:ss,mmm`, blank line between (https://en.wikipedia.org/wiki/SubRip#Format). */
export function formatSrt(cues: readonly Cue[]): string {
  return cues
    .map(
      (c, i) =>
        `${i + 1}\n${stamp(c.startSec, ',', 'up')} --> ${stamp(c.endSec, ',', 'down')}\n${cueLines(c).join('\n')}\n`,
    )
    .join('\n');
}

/**
 * WebVTT: the "WEBVTT" header, then cues with `hh:mm:ss.mmm` times; "-->" and "&", "<" in the
 * text must be escaped (https://www.w3.org/TR/webvtt1/#file-structure, §4.2.2 cue text).
 */
export function formatVtt(cues: readonly Cue[]): string {
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = cues.map(
    (c) =>
      `${c.lineId}\n${stamp(c.startSec, '.', 'up')} --> ${stamp(c.endSec, '.', 'down')}\n${cueLines(c).map(esc).join('\n')}\n`,
  );
  return ['WEBVTT\n', ...body].join('\n');
}

/**
 * Sidecar formats `storyboard export --format` writes: one row per format, so more formats
 * are one more row (the writer gets the snapshot and the cut's length).
 */
export const SUBTITLE_FORMATS = {
  srt: { extension: '.srt', write: (doc: ProjectSnapshot, endSec?: number) => formatSrt(subtitleCues(doc, endSec)) },
  vtt: { extension: '.vtt', write: (doc: ProjectSnapshot, endSec?: number) => formatVtt(subtitleCues(doc, endSec)) },
} as const;
export type SubtitleFormat = keyof typeof SUBTITLE_FORMATS;

// ---- burned-in subtitles ----

export interface SubtitleStyle {
  /** Font size as a share of the frame's short side. */
  sizeOfShortSide: number;
  /** The safe area: text stays inside these shares of the width and height from each edge. */
  safeX: number;
  /** Bottom margin as a share of the height (the text's baseline block sits above it). */
  safeBottom: number;
  /** Outline width as a share of the font size. */
  outline: number;
  /** The translation line's size relative to the main text. */
  translationScale: number;
  maxLines: number;
}

/**
 * Per aspect. Wide frames keep text inside the 10% title-safe margin (EBU R 95 title-safe
 * area); vertical video lifts it above the bottom fifth, where phone apps draw their own
 * captions and buttons.
 */
export const SUBTITLE_STYLES: Record<Aspect, SubtitleStyle> = {
  '16:9': { sizeOfShortSide: 0.05, safeX: 0.1, safeBottom: 0.08, outline: 0.08, translationScale: 0.8, maxLines: 2 },
  '21:9': { sizeOfShortSide: 0.06, safeX: 0.12, safeBottom: 0.08, outline: 0.08, translationScale: 0.8, maxLines: 2 },
  '1:1': { sizeOfShortSide: 0.05, safeX: 0.08, safeBottom: 0.1, outline: 0.08, translationScale: 0.8, maxLines: 3 },
  '4:5': { sizeOfShortSide: 0.05, safeX: 0.08, safeBottom: 0.12, outline: 0.08, translationScale: 0.8, maxLines: 3 },
  '9:16': { sizeOfShortSide: 0.055, safeX: 0.08, safeBottom: 0.2, outline: 0.08, translationScale: 0.8, maxLines: 3 },
};

export interface LaidLine {
  text: string;
  fontSize: number;
  /** Top of the line in pixels. */
  y: number;
}

/**
 * Lines of one cue, bottom-anchored in the safe area: the text wrapped by Chinese and English
 * rules (wrap.ts: CJK breaks between characters but not before closing punctuation; Latin at
 * spaces), then the translation smaller under it.
 */
export function layoutCue(
  cue: Pick<Cue, 'text' | 'translation'>,
  frame: { width: number; height: number },
  style: SubtitleStyle,
): LaidLine[] {
  const base = Math.max(12, Math.round(Math.min(frame.width, frame.height) * style.sizeOfShortSide));
  const small = Math.max(10, Math.round(base * style.translationScale));
  const maxPx = frame.width * (1 - 2 * style.safeX);
  const wrap = (text: string, size: number): string[] => {
    const lines = normalizeParagraphs(text).flatMap((p) => wrapParagraph(p, maxPx / size));
    return lines.length > style.maxLines
      ? [...lines.slice(0, style.maxLines - 1), lines.slice(style.maxLines - 1).join(' ')]
      : lines;
  };
  const rows = [
    ...wrap(cue.text, base).map((t) => ({ text: t, fontSize: base })),
    ...wrap(cue.translation, small).map((t) => ({ text: t, fontSize: small })),
  ];
  let bottom = frame.height * (1 - style.safeBottom);
  const out: LaidLine[] = [];
  for (const row of [...rows].reverse()) {
    const lineHeight = Math.round(row.fontSize * 1.3);
    bottom -= lineHeight;
    out.unshift({ text: row.text, fontSize: row.fontSize, y: Math.round(bottom) });
  }
  return out;
}

/** Estimated width of a laid line in pixels (tests check it stays in the safe area). */
export function laidWidthPx(line: LaidLine): number {
  return textWidthEm(line.text) * line.fontSize;
}

/**
 * drawtext filters that draw every cue over `[inLabel]`, ending in `[outLabel]`: white text with
 * a black outline, centred, shown between the cue's times (https://ffmpeg.org/ffmpeg-filters.html#drawtext-1;
 * `expansion=none` so % in dialogue is literal). With no cues the picture passes through.
 */
export function burnChain(
  cues: readonly Cue[],
  frame: { width: number; height: number },
  style: SubtitleStyle,
  fontFile: string,
  inLabel: string,
  outLabel: string,
): string {
  const filters: string[] = [];
  for (const cue of cues) {
    const enable = `between(t,${cue.startSec.toFixed(3)},${cue.endSec.toFixed(3)})`;
    for (const line of layoutCue(cue, frame, style)) {
      filters.push(
        [
          `drawtext=fontfile=${escapeFilterValue(fontFile)}`,
          `text=${escapeFilterValue(line.text)}`,
          'expansion=none',
          `fontsize=${line.fontSize}`,
          'fontcolor=white',
          `borderw=${Math.max(1, Math.round(line.fontSize * style.outline))}`,
          'bordercolor=black',
          'x=(w-text_w)/2',
          `y=${line.y}`,
          `enable=${escapeFilterValue(enable)}`,
        ].join(':'),
      );
    }
  }
  if (filters.length === 0) return `[${inLabel}]null[${outLabel}]`;
  return `[${inLabel}]${filters.join(',')}[${outLabel}]`;
}
