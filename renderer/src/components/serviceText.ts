/**
 * A service's message in the user's language: a job's error code and parameters
 * (shared/generation/jobErrors.ts) or a service error's message key (shared/errors.ts), each
 * translated when its key exists; the English sentence the service stored is the fallback
 * (rows written before codes, or a key this build does not know).
 */
import type { i18n as I18n } from 'i18next';
import { localizedMessage, toSerializedError, type LocalizedMessage } from '../../../shared/errors';
import { jobErrorKey, type JobErrorInfo } from '../../../shared/generation/jobErrors';
import type { UiError } from '../store/state';

/** The i18n key and parameters of a job error: `service` errors carry their own key. */
export function jobErrorMessage(info: JobErrorInfo): LocalizedMessage {
  if (info.code === 'service') {
    const { messageKey, ...params } = info.params;
    if (typeof messageKey === 'string') return { key: messageKey, params };
  }
  return { key: jobErrorKey(info.code), params: info.params };
}

/**
 * `message` translated, or `fallback` when there is no message or its key is unknown. A
 * `more` parameter (an export plan's other shots with problems) adds its count sentence.
 */
export function localizedText(i18n: I18n, message: LocalizedMessage | null | undefined, fallback: string): string {
  if (!message || !i18n.exists(message.key)) return fallback;
  const more = message.params.more;
  const tail = typeof more === 'number' && more > 0 ? ` ${i18n.t('serviceErrors.moreShots', { count: more })}` : '';
  return `${i18n.t(message.key, { ...withProviderName(i18n, message.params), defaultValue: fallback })}${tail}`;
}

/**
 * Services name a provider by its English label (`provider`, what the CLI prints); when they
 * also send its id (`providerId`, plus `model` when one is meant), the UI names it in its own
 * language, as the provider pickers do ("动态分镜（离线）", not "Animatic (offline)").
 */
function withProviderName(i18n: I18n, params: LocalizedMessage['params']): LocalizedMessage['params'] {
  const id = params.providerId;
  if (typeof id !== 'string' || !i18n.exists(`providers.${id}`)) return params;
  const model = typeof params.model === 'string' && params.model !== '' ? ` (${params.model})` : '';
  return { ...params, provider: `${i18n.t(`providers.${id}`)}${model}` };
}

/** A job's error as the user reads it; `providerId` (the job's provider) names it in the UI's language. */
export function jobErrorText(
  i18n: I18n,
  error: string | null,
  info: JobErrorInfo | null | undefined,
  providerId?: string | null,
): string {
  const message = info ? jobErrorMessage(info) : null;
  const named = message && providerId ? { ...message, params: { providerId, ...message.params } } : message;
  return localizedText(i18n, named, error ?? '');
}

/** A caught service error as a pane shows it: code, English sentence and, when sent, its message key. */
export function uiErrorOf(err: unknown): UiError {
  const e = toSerializedError(err);
  const localized = localizedMessage(e);
  return { code: e.code, message: e.message, ...(localized ? { localized } : {}) };
}
