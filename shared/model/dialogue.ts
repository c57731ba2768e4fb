/**
 * Dialogue: the lines a shot's characters (or the narrator) speak, the voices that speak them,
 * and where each line sits in time. Pure: the services store and voice the lines, the export
 * turns the placed lines into subtitles, the UI shows the same numbers.
 *
 * A line is placed at the shot's start plus its offset; a line without an offset follows the
 * previous line (or opens the shot after a short lead). Its length is the voiced audio when
 * it has been voiced, else an estimate from a reading-speed table (READING_SPEED).
 */
import { z } from 'zod';
import type { Element } from './entities.js';
import { tagKey } from './elements.js';
import { secondsToFrames, type Fps } from './time.js';

/** A spoken line is a sentence or two; longer text belongs in several lines (subtitles stay readable). */
export const MAX_LINE_CHARS = 500;
/** Lines one shot may hold. */
export const MAX_LINES_PER_SHOT = 50;
export const SPEED_MIN = 0.5;
export const SPEED_MAX = 2;

/** BCP 47-ish language of a line: zh, zh-CN, en, en-US, yue, ja ... */
export const LineLanguageSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u);

export const VoiceSchema = z
  .object({
    /** A speech provider id (electron/services/dialogue/speech/index.ts). */
    provider: z.string().min(1).max(40),
    /** The provider's own voice id (espeak: "cmn", "en-us+f3"; MiniMax: "female-shaonv"; ...). */
    voiceId: z.string().trim().min(1).max(120),
    speed: z.number().min(SPEED_MIN).max(SPEED_MAX).default(1),
  })
  .strict();
export type Voice = z.output<typeof VoiceSchema>;

/** The project's narrator when none is set: the offline voice of the line's language. */
export const NARRATOR = 'narrator';

export const DialogueLineSchema = z.object({
  id: z.string().min(1).max(64),
  shotId: z.string().min(1).max(64),
  position: z.number().int().min(0),
  /** A character element's id, or null for the narrator. */
  speakerId: z.string().min(1).max(64).nullable(),
  text: z.string().min(1).max(MAX_LINE_CHARS),
  language: LineLanguageSchema,
  /** Frames from the shot's start; null: after the previous line. */
  offsetFrames: z.number().int().min(0).nullable(),
  /** A second language shown under the line in bilingual subtitles ('' = none). */
  translation: z.string().max(MAX_LINE_CHARS),
  /** The voice-over item that speaks it (null until voiced). */
  voiceItemId: z.string().nullable(),
  /** What was voiced (speechKey of text + voice); differs from the current key when stale. */
  voiceKey: z.string().nullable(),
});
export type DialogueLine = z.infer<typeof DialogueLineSchema>;

/** A line as an editor sends it (the service assigns ids, positions and voice state). */
export const LineInputSchema = z
  .object({
    id: z.string().min(1).max(64).optional(),
    speakerId: z.string().min(1).max(64).nullable(),
    text: z.string(),
    language: LineLanguageSchema.optional(),
    offsetFrames: z.number().int().min(0).nullable().optional(),
    translation: z.string().optional(),
  })
  .strict();
export type LineInput = z.infer<typeof LineInputSchema>;

/**
 * How fast a line is spoken, to warn before anything is voiced. Mandarin is read at about 4 to
 * 5 characters (syllables) a second in natural speech and Chinese subtitle guides cap reading
 * at 9 characters a second; English speech runs at about 150 words a minute (2.5 words/s).
 * The lower, speaking figures are used: a line is spoken, not only read.
 */
export const READING_SPEED: Record<string, { unit: 'char' | 'word'; perSecond: number }> = {
  zh: { unit: 'char', perSecond: 4.5 },
  yue: { unit: 'char', perSecond: 4.5 },
  ja: { unit: 'char', perSecond: 7 },
  ko: { unit: 'char', perSecond: 5 },
  en: { unit: 'word', perSecond: 2.5 },
  fr: { unit: 'word', perSecond: 2.7 },
  de: { unit: 'word', perSecond: 2.3 },
  es: { unit: 'word', perSecond: 2.8 },
};
const DEFAULT_SPEED = { unit: 'word' as const, perSecond: 2.5 };
/** Before the first line, between lines, and after the last one when fitting a shot. */
export const LEAD_SEC = 0.25;
export const GAP_SEC = 0.2;
export const FIT_PADDING_SEC = 0.5;

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The language a text most likely is: zh when it holds Han characters, else en. */
export function guessLanguage(text: string): string {
  return HAN.test(text) ? 'zh' : 'en';
}

export function readingSpeed(language: string): { unit: 'char' | 'word'; perSecond: number } {
  return READING_SPEED[language.split('-')[0]?.toLowerCase() ?? ''] ?? DEFAULT_SPEED;
}

/** Seconds a line takes to say, from the table: ideographs count one each, other text by words. */
export function estimatedSpeechSec(text: string, language: string): number {
  const speed = readingSpeed(language);
  const chars = [...text].filter((c) => HAN.test(c)).length;
  const words = text
    .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, ' ')
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const units = speed.unit === 'char' ? chars + words : words + chars / 2;
  return Math.max(0.5, units / speed.perSecond);
}

/** Why a line cannot be stored, or null. */
export function lineProblem(text: string, number: number): string | null {
  const t = text.trim();
  if (t.length === 0) return `Line ${number} is empty: type what is said, or remove the line.`;
  if ([...t].length > MAX_LINE_CHARS) {
    return `Line ${number} is ${[...t].length} characters long; a spoken line holds at most ${MAX_LINE_CHARS}. Split it into several lines.`;
  }
  return null;
}

/** "小明: 你好" or "Narrator：…" -> speaker name and text (full-width colon too); null without a name. */
export function splitSpeakerText(spec: string): { name: string; text: string } | null {
  const m = /^\s*([^:：]{1,80}?)\s*[:：]\s*([\s\S]*)$/u.exec(spec);
  if (!m) return null;
  return { name: m[1] ?? '', text: (m[2] ?? '').trim() };
}

/** Names that mean the narrator (any case). */
const NARRATOR_NAMES = new Set(['narrator', '旁白', 'vo', 'v.o.']);

/**
 * The speaker a name means: 'narrator', a character element by name or @tag (without case),
 * or null when nobody in the project has it.
 */
export function matchSpeaker<E extends Pick<Element, 'id' | 'name' | 'tag' | 'kind'>>(
  name: string,
  elements: readonly E[],
): E | 'narrator' | null {
  const n = name.normalize('NFC').trim();
  if (NARRATOR_NAMES.has(n.toLocaleLowerCase('und'))) return 'narrator';
  const key = tagKey(n.startsWith('@') ? n : `@${n.replace(/\s+/gu, '_')}`);
  const byName = elements.find((e) => e.name.normalize('NFC').toLocaleLowerCase('und') === n.toLocaleLowerCase('und'));
  return byName ?? elements.find((e) => tagKey(e.tag) === key) ?? null;
}

/** The voice of a line's speaker: the character's, else the narrator's, else none. */
export function voiceOf(
  line: Pick<DialogueLine, 'speakerId'>,
  voices: { elements: readonly Pick<Element, 'id' | 'voice'>[]; narrator: string | null | undefined },
): Voice | null {
  const el = line.speakerId ? voices.elements.find((e) => e.id === line.speakerId) : null;
  return parseVoice(el?.voice ?? null) ?? parseVoice(voices.narrator ?? null);
}

/** A stored voice (JSON in elements.voice / project.narrator_voice), or null when absent or unreadable. */
export function parseVoice(text: string | null | undefined): Voice | null {
  if (!text) return null;
  try {
    const parsed = VoiceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function formatVoice(v: Voice): string {
  return JSON.stringify({ provider: v.provider, voiceId: v.voiceId, speed: v.speed });
}

/** What identifies a voiced line's audio: same text, language and voice = same audio (the cache key). */
export function speechKeyText(text: string, language: string, voice: Voice): string {
  return JSON.stringify([
    voice.provider,
    voice.voiceId,
    Number(voice.speed.toFixed(3)),
    language,
    text.normalize('NFC').trim(),
  ]);
}

export interface PlacedLine {
  line: DialogueLine;
  /** Frames from the shot's start. */
  startFrame: number;
  frames: number;
  /** True when the length is the voiced audio's, false when estimated. */
  voiced: boolean;
}

/**
 * Where each of a shot's lines sits, in frames from the shot's start. `voicedFrames` gives the
 * length of a line's current voice-over audio (undefined: not voiced, use the estimate).
 */
export function placeLines(
  lines: readonly DialogueLine[],
  fps: Fps,
  voicedFrames: (line: DialogueLine) => number | undefined,
): PlacedLine[] {
  const lead = secondsToFrames(LEAD_SEC, fps);
  const gap = secondsToFrames(GAP_SEC, fps);
  const out: PlacedLine[] = [];
  let end = 0;
  for (const line of [...lines].sort((a, b) => a.position - b.position)) {
    const v = voicedFrames(line);
    const frames = v ?? Math.max(1, secondsToFrames(estimatedSpeechSec(line.text, line.language), fps));
    const startFrame = line.offsetFrames ?? (out.length === 0 ? lead : end + gap);
    out.push({ line, startFrame, frames, voiced: v !== undefined });
    end = Math.max(end, startFrame + frames);
  }
  return out;
}

/** Frames a shot needs for its placed lines: the end of the last one plus the fit padding. */
export function neededFrames(placed: readonly PlacedLine[], fps: Fps): number {
  if (placed.length === 0) return 0;
  return Math.max(...placed.map((p) => p.startFrame + p.frames)) + secondsToFrames(FIT_PADDING_SEC, fps);
}
