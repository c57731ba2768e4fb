/**
 * Telling "nothing was sent" from "sent, answer lost" when a create request fails (JOB-3).
 * Only the second is ambiguous (the provider may have started, and billed, a task): the job
 * becomes `unknown` and its estimate stays held against the budget. A connection the network
 * stack refused (ECONNREFUSED: the TCP handshake was answered with RST, so no request byte left
 * this machine; https://man7.org/linux/man-pages/man2/connect.2.html) or a host name that did
 * not resolve (ENOTFOUND) sent nothing: the job simply failed, and costs nothing.
 *
 * fetch (undici) reports these as `TypeError: fetch failed` with the system error as `cause`;
 * adapters wrap it (with `cause`, with `details.notRunning`, or with the code in the message,
 * as every adapter's "did not answer … : ECONNREFUSED" does), so all three are read.
 */
import { AppError } from '../../../shared/errors.js';

const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND'] as const;
type NotSentCode = (typeof NOT_SENT_CODES)[number];

/** The system error code proving nothing was sent, or null when the request may have gone out. */
export function refusedBeforeSending(err: unknown): NotSentCode | null {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (NOT_SENT_CODES.includes(code as NotSentCode)) return code as NotSentCode;
    if ((e as { details?: { notRunning?: unknown } }).details?.notRunning === true) return 'ECONNREFUSED';
    const message = e instanceof Error ? e.message : '';
    const named = NOT_SENT_CODES.find((c) => new RegExp(`\\b${c}\\b`).test(message));
    if (named) return named;
  }
  return null;
}

export function notSentError(label: string, code: NotSentCode, cause: unknown): AppError {
  const why = code === 'ECONNREFUSED' ? 'refused the connection' : 'could not be found (its address did not resolve)';
  return new AppError(
    'PROVIDER_FAILED',
    `${label} ${why} before anything was sent: the job failed, nothing was charged and nothing is held against the budget. Check the provider's address (base URL) and that it is running. (${code}${cause instanceof Error ? `: ${cause.message}` : ''})`,
    { notSent: true, code, provider: label, messageKey: 'hardening.error.notSent' },
  );
}
