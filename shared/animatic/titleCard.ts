/**
 * The animatic of a text-only shot: its prompt on a dark card, centred, with the shot's title,
 * fading in and out. Layout is pure and estimated (wrap.ts); drawing is ffmpeg's drawtext.
 */
import type { FfmpegInvocation } from '../ffmpeg/invocation.js';
import type { Fps } from '../model/time.js';
import { framesToSeconds, fpsToString, fpsValue } from '../model/time.js';
import { ANIMATIC_GLOBAL_OPTIONS, h264OutputOptions, validateRenderSize } from './encode.js';
import { escapeFilterValue } from './escape.js';
import { normalizeParagraphs, textWidthEm, withEllipsis, wrapParagraph } from './wrap.js';

export const MAX_TITLE_LINES = 8;
export const DEFAULT_PLACEHOLDER = 'Untitled shot';
export const CARD_BACKGROUND = '0x111418';
const TEXT_COLOR = '0xE8EAED';
const LABEL_COLOR = '0x8A93A0';
/** Share of the width and height the text block may use (the rest is margin). */
const TEXT_AREA = 0.84;
const LINE_HEIGHT = 1.4;
/** Sizes tried, as factors of the base size, before long text is cut with an ellipsis. */
const SHRINK_STEPS = [1, 0.85, 0.7];

export interface TitleCardLayout {
  lines: string[];
  fontSize: number;
  lineHeight: number;
}

/**
 * Lines and sizes for a card of width x height. The base font size follows the SHORT side
 * (min/18: 40 px at 1280x720, 60 px at 1080x1920) so portrait cards don't get giant text.
 * Long text first shrinks (down to 70%), then is cut to MAX_TITLE_LINES with an ellipsis.
 */
export function layoutTitleCard(
  text: string,
  size: { width: number; height: number; placeholder?: string },
): TitleCardLayout {
  const paragraphs = normalizeParagraphs(text);
  if (paragraphs.length === 0) paragraphs.push(...normalizeParagraphs(size.placeholder ?? DEFAULT_PLACEHOLDER));
  if (paragraphs.length === 0) paragraphs.push(DEFAULT_PLACEHOLDER);
  const base = Math.max(8, Math.round(Math.min(size.width, size.height) / 18));
  let layout: TitleCardLayout | null = null;
  for (const step of SHRINK_STEPS) {
    const fontSize = Math.max(8, Math.round(base * step));
    const lineHeight = Math.round(fontSize * LINE_HEIGHT);
    const maxEm = (size.width * TEXT_AREA) / fontSize;
    const maxLines = Math.max(1, Math.min(MAX_TITLE_LINES, Math.floor((size.height * TEXT_AREA) / lineHeight)));
    const lines = paragraphs.flatMap((p) => wrapParagraph(p, maxEm));
    layout = { lines, fontSize, lineHeight };
    if (lines.length <= maxLines) return layout;
    layout.lines = [...lines.slice(0, maxLines - 1), withEllipsis(lines[maxLines - 1] ?? '', maxEm)];
  }
  return layout as TitleCardLayout;
}

/**
 * The small label burned into a title card: the shot's title (one line, at most 60 characters),
 * never its number — a number frozen into the picture goes stale as soon as the shots are
 * reordered. No title, no label.
 */
export function cardLabel(title: string): string | null {
  const line = title.trim().replace(/\s+/g, ' ');
  if (line === '') return null;
  const chars = [...line];
  return chars.length <= 60 ? line : `${chars.slice(0, 59).join('')}…`;
}

/** Estimated width of a laid-out line in pixels (for tests and previews). */
export function lineWidthPx(line: string, fontSize: number): number {
  return textWidthEm(line) * fontSize;
}

export interface TitleCardOptions extends TitleCardLayout {
  /** A font that covers the text's script (CJK for Chinese); see services/generation/fonts.ts. */
  fontFile: string;
  /**
   * One UTF-8 file per line, written by the caller, without a trailing newline. drawtext's
   * textfile= keeps user text out of the filter graph, so no prompt can break its syntax.
   */
  textFiles: string[];
  width: number;
  height: number;
  fps: Fps;
  frames: number;
  output: string;
  /** A file holding the small label drawn top-left (the shot's title: cardLabel), if any. */
  labelFile?: string;
  label?: string;
}

function drawtext(o: {
  fontFile: string;
  textFile: string;
  fontSize: number;
  color: string;
  x: string;
  y: string;
}): string {
  return [
    `drawtext=fontfile=${escapeFilterValue(o.fontFile)}`,
    `textfile=${escapeFilterValue(o.textFile)}`,
    // Text is literal: with the default expansion=normal, "%{" in a prompt would be expanded
    // (https://ffmpeg.org/ffmpeg-filters.html#Text-expansion).
    'expansion=none',
    `fontsize=${o.fontSize}`,
    `fontcolor=${o.color}`,
    `x=${o.x}`,
    `y=${o.y}`,
  ].join(':');
}

/**
 * Baselines of the lines, centring the block vertically. drawtext puts the top of the
 * line's tallest glyph at y, so `y=<baseline>-ascent` (ascent = that glyph's height above the
 * baseline) keeps baselines evenly spaced whatever the glyphs. An ideograph's body is centred
 * about 0.38 em above its baseline.
 */
export function lineBaselines(count: number, fontSize: number, lineHeight: number, height: number): number[] {
  const top = (height - count * lineHeight) / 2;
  return Array.from({ length: count }, (_, i) => Math.round(top + i * lineHeight + lineHeight / 2 + 0.38 * fontSize));
}

/** Fade length in frames: 0.4 s, but at most a third of the card, so short cards still read. */
export function fadeFrames(frames: number, fps: Fps): number {
  return Math.min(Math.round(0.4 * fpsValue(fps)), Math.floor(frames / 3));
}

export function buildTitleCardInvocation(o: TitleCardOptions): FfmpegInvocation {
  validateRenderSize(o.width, o.height, o.frames);
  if (o.textFiles.length !== o.lines.length) {
    throw new Error(`Title card needs one text file per line (${o.lines.length} lines, ${o.textFiles.length} files)`);
  }
  const baselines = lineBaselines(o.lines.length, o.fontSize, o.lineHeight, o.height);
  const filters = o.textFiles.map((textFile, i) =>
    drawtext({
      fontFile: o.fontFile,
      textFile,
      fontSize: o.fontSize,
      color: TEXT_COLOR,
      x: '(w-text_w)/2',
      y: `${baselines[i]}-ascent`,
    }),
  );
  if (o.labelFile) {
    const margin = Math.round(Math.min(o.width, o.height) * 0.05);
    const labelSize = Math.max(8, Math.round(o.fontSize * 0.55));
    filters.push(
      drawtext({
        fontFile: o.fontFile,
        textFile: o.labelFile,
        fontSize: labelSize,
        color: LABEL_COLOR,
        x: String(margin),
        y: String(margin),
      }),
    );
  }
  const fade = fadeFrames(o.frames, o.fps);
  if (fade > 0) {
    // Fading from/to the card colour (not black) makes only the text fade: a subtle in/out.
    filters.push(`fade=t=in:s=0:n=${fade}:color=${CARD_BACKGROUND}`);
    filters.push(`fade=t=out:s=${o.frames - fade}:n=${fade}:color=${CARD_BACKGROUND}`);
  }
  filters.push('format=yuv420p');
  return {
    label: o.label ?? 'animatic title card',
    globalOptions: [...ANIMATIC_GLOBAL_OPTIONS],
    inputs: [
      {
        // A generated solid background at the project size and rate (lavfi color source,
        // https://ffmpeg.org/ffmpeg-filters.html#allrgb_002c-allyuv_002c-color_002c-colorchart_002c-colorspectrum_002c-haldclutsrc_002c-nullsrc_002c-pal75bars_002c-pal100bars_002c-rgbtestsrc_002c-smptebars_002c-smptehdbars_002c-testsrc_002c-testsrc2_002c-yuvtestsrc).
        options: ['-f', 'lavfi'],
        source: `color=c=${CARD_BACKGROUND}:s=${o.width}x${o.height}:r=${fpsToString(o.fps)}`,
      },
    ],
    filterComplex: `[0:v]${filters.join(',')}[v]`,
    outputOptions: h264OutputOptions({ fps: o.fps, frames: o.frames, still: true }),
    output: o.output,
    durationSec: framesToSeconds(o.frames, o.fps),
  };
}
