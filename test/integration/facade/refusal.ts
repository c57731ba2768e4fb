/**
 * What a user gets when the services refuse: the message key, its parameters and the English
 * sentence behind it, and the sentences the renderer shows for it in en and zh-CN (its
 * translation files through i18next, as serviceText.ts localizedText renders a message key).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n as I18n } from 'i18next';
import { dispatch } from '../../../shared/api/dispatch.js';
import type { MethodInput, MethodName } from '../../../shared/api/contract.js';
import { localizedMessage, toSerializedError, type LocalizedMessage } from '../../../shared/errors.js';
import type { AppServices } from '../../../electron/services/app.js';
import { ZH_LATIN_ALLOWED } from '../../../renderer/src/i18n/glossary.js';
import { call } from '../../helpers/services.js';

/** What the user gets: the message key and its parameters, and the English sentence behind it. */
export interface Refusal {
  localized: LocalizedMessage | null;
  message: string;
}

/** A call the services must refuse, dispatched as the renderer dispatches it. */
export async function refusal<M extends MethodName>(
  s: AppServices,
  method: M,
  input: MethodInput<M>,
): Promise<Refusal> {
  const r = await dispatch(s.handlers, method, input);
  if (r.ok) throw new Error(`${method} succeeded; expected a refusal`);
  return { localized: localizedMessage(r.error), message: r.error.message };
}

/** What the user gets from an error thrown by the services. */
export function refusalOf(err: unknown): Refusal {
  const e = toSerializedError(err);
  return { localized: localizedMessage(e), message: e.message };
}

/** A synchronous step that must throw. */
export function caught(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (err) {
    return refusalOf(err);
  }
  throw new Error('no error');
}

/** The script's first error, as the import panel translates it (scriptIssues.<key>). */
export async function scriptIssue(s: AppServices, text: string): Promise<Refusal> {
  const proposal = await call(s, 'script.propose', { text, fileName: '剧本.fountain' });
  const first = proposal.issues.find((i) => i.severity === 'error');
  if (!first) throw new Error('no error issue');
  return { localized: { key: `scriptIssues.${first.key}`, params: first.values }, message: first.message };
}

/** Parameters that name what the user gave (paths, file names, provider ids): kept as written. */
export const VERBATIM = new Set([
  'dir',
  'file',
  'path',
  'name',
  'originalName',
  'outPath',
  'folder',
  'ffmpeg',
  'provider',
]);

/** Latin words of a Chinese sentence once the user's own names and paths are taken out. */
export function englishLeft(text: string, params: Record<string, string | number>): string[] {
  let rest = text;
  const values = Object.entries(params)
    .filter(([k, v]) => VERBATIM.has(k) && typeof v === 'string' && v !== '')
    .map(([, v]) => String(v))
    .sort((a, b) => b.length - a.length);
  for (const v of values) rest = rest.split(v).join(' ');
  return (rest.match(/[A-Za-z][A-Za-z0-9._]*/g) ?? []).filter(
    (w) => !ZH_LATIN_ALLOWED.some((re) => re.test(w.replace(/\.$/, ''))),
  );
}

type Tree = { [k: string]: string | Tree };
const I18N_DIR = fileURLToPath(new URL('../../../renderer/src/i18n/', import.meta.url));

/** One language's translation files merged (the renderer's resources.ts, read from disk). */
function translations(lang: 'en' | 'zh-CN'): Tree {
  const dir = join(I18N_DIR, lang);
  const merge = (a: Tree, b: Tree): Tree => {
    const out: Tree = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const have = out[k];
      out[k] = typeof v === 'object' && typeof have === 'object' ? merge(have, v) : v;
    }
    return out;
  };
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reduce<Tree>((all, f) => merge(all, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Tree), {});
}

/** The sentence the renderer shows for a message key (serviceText.ts localizedText). */
export function localizedText(i18n: I18n, message: LocalizedMessage, fallback: string): string {
  return i18n.exists(message.key) ? i18n.t(message.key, { ...message.params, defaultValue: fallback }) : fallback;
}

/** An i18next instance over the renderer's translations in `lng`, with no fallback language. */
export async function rendererI18n(lng: 'en' | 'zh-CN'): Promise<I18n> {
  const i = i18next.createInstance();
  await i.init({
    resources: { en: { translation: translations('en') }, 'zh-CN': { translation: translations('zh-CN') } },
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return i;
}
