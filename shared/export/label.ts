/**
 * The visible AI label: a drawtext filter in a corner of the picture, and whether a deliverable
 * shows it. Pure; the font file is found by the service (label text in CJK needs a CJK font).
 */
import type { LabelOptions } from './deliverable.js';

/**
 * Escapes a value for a filter option inside a -filter_complex graph. Two parsers read it in
 * turn, each taking a backslash as "next character is literal": the graph parser (special:
 * \ ' [ ] , ;) and then the filter's option parser (special: \ ' :)
 * (https://ffmpeg.org/ffmpeg-filters.html#Notes-on-filtergraph-escaping).
 */
export function escapeFilterValue(value: string): string {
  const level1 = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return level1.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

/** Show the label? `auto`: when any shot of the cut was made by an AI model. */
export function labelShown(label: LabelOptions, hasGeneratedShots: boolean): boolean {
  return label.visible === 'on' || (label.visible === 'auto' && hasGeneratedShots);
}

/**
 * drawtext with white text on a half-transparent dark box, `sizePct` of the picture height,
 * inset from the corner by 3% of the height. expansion=none: the text is printed as written
 * (no %{...} expansion, https://ffmpeg.org/ffmpeg-filters.html#drawtext-1).
 */
export function labelFilter(label: LabelOptions, height: number, fontFile: string): string {
  const size = Math.max(8, Math.round((height * label.sizePct) / 100));
  const margin = Math.max(4, Math.round(height * 0.03));
  const pad = Math.max(2, Math.round(size * 0.3));
  const right = label.corner.endsWith('right');
  const bottom = label.corner.startsWith('bottom');
  const x = right ? `w-tw-${margin + pad}` : String(margin + pad);
  const y = bottom ? `h-th-${margin + pad}` : String(margin + pad);
  return [
    `drawtext=fontfile=${escapeFilterValue(fontFile)}`,
    `text=${escapeFilterValue(label.text)}`,
    'expansion=none',
    `fontsize=${size}`,
    'fontcolor=white',
    'box=1',
    'boxcolor=black@0.55',
    `boxborderw=${pad}`,
    `x=${x}`,
    `y=${y}`,
  ].join(':');
}

/** True when the text has characters a Latin font lacks (CJK, kana, hangul): use the CJK font. */
export function needsCjkFont(text: string): boolean {
  return /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(text);
}
