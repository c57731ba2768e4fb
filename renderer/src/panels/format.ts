/**
 * Display helpers for durations, in the UI's language: numbers through Intl.NumberFormat for
 * the locale, the unit word from the glossary ("4.0 s", "4.0 秒"), never a mix.
 */
import i18next from 'i18next';
import { secondsUnit } from '../i18n/glossary';

function locale(language?: string): string {
  return language ?? (i18next.language || 'en');
}

// Building an Intl.NumberFormat costs far more than formatting with one (the grid formats a
// duration per card: 500 constructions took ~0.6 s of a 500-shot open), so one per language and
// number of decimals.
const decimalFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number with exactly `digits` decimals for the locale ("3,725.50"): what the UI shows
 * instead of `toFixed`, which ignores the language.
 */
export function formatDecimal(value: number, digits: number, language?: string): string {
  const lang = locale(language);
  const key = `${lang}/${digits}`;
  let nf = decimalFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    decimalFormats.set(key, nf);
  }
  return nf.format(value);
}

/** 4 -> "4.0 s" ("4.0 秒"), 75.5 -> "1:15.5". */
export function formatSeconds(seconds: number, language?: string): string {
  const lang = locale(language);
  if (seconds < 60) return `${formatDecimal(seconds, 1, lang)} ${secondsUnit(lang)}`;
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${formatDecimal(s, 1, lang).padStart(4, '0')}`;
}

/** A list or range of whole seconds: "2–10 s", "4, 6, 8 秒". */
export function formatSecondsList(values: readonly number[], range: boolean, language?: string): string {
  const lang = locale(language);
  const nf = new Intl.NumberFormat(lang);
  const text = range
    ? values.map((v) => nf.format(v)).join('–')
    : values.map((v) => nf.format(v)).join(lang.startsWith('zh') ? '、' : ', ');
  return `${text} ${secondsUnit(lang)}`;
}
