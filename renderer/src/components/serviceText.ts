/**
 * A service's message in the user's language: a job's error code and parameters
 * (shared/generation/jobErrors.ts) or a service error's message key (shared/errors.ts), each
 * translated when its key exists; the English sentence the service stored is the fallback
 * (rows written before codes, or a key this build does not know).
 */
import type { i18n as I18n } from 'i18next';
import type { LocalizedMessage } from '../../../shared/errors';
import { jobErrorKey, type JobErrorInfo } from '../../../shared/generation/jobErrors';

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
  return `${i18n.t(message.key, { ...message.params, defaultValue: fallback })}${tail}`;
}

/** A job's error as the user reads it. */
export function jobErrorText(i18n: I18n, error: string | null, info: JobErrorInfo | null | undefined): string {
  return localizedText(i18n, info ? jobErrorMessage(info) : null, error ?? '');
}
