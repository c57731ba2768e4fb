/**
 * Why a job failed or waits, as a code and parameters the renderer translates
 * (renderer/src/i18n/<lang>/jobErrors.json, key `jobErrors.<code>`). The job row keeps the
 * English sentence too (`error`: what the CLI prints, and what rows written before codes show).
 *
 * One vocabulary for every generation job: a provider's own words (its failure reason) travel
 * as the `detail` parameter and are shown quoted, never translated (they are not ours).
 */
import { localizedMessage } from '../errors.js';
import { failureKindOf, type FlaggedInput } from './failure.js';

/** The code naming the input a provider's safety review flagged. */
const FLAGGED_CODES = {
  prompt: 'moderationPrompt',
  image: 'moderationImage',
  video: 'moderationVideo',
  output: 'moderationOutput',
} as const satisfies Record<FlaggedInput, string>;
const FLAGGED_CODE: Partial<Record<string, (typeof FLAGGED_CODES)[FlaggedInput]>> = FLAGGED_CODES;

/** Each code with the parameters its sentence names (the translation test checks both languages). */
export const JOB_ERROR_PARAMS = {
  /** The provider reported the task as failed; `detail` is its reason. */
  providerFailed: ['provider', 'detail'],
  /** The provider's safety review refused the prompt, a picture or the result. */
  moderation: ['provider', 'detail'],
  /** …and the provider said which input it flagged (details.flagged: failure.ts FlaggedInput). */
  moderationPrompt: ['provider', 'detail'],
  moderationImage: ['provider', 'detail'],
  moderationVideo: ['provider', 'detail'],
  moderationOutput: ['provider', 'detail'],
  /** The result's link expired before it was downloaded. */
  expired: ['provider'],
  /** The provider no longer knows the task. */
  taskLost: ['provider', 'detail'],
  /** Rate or concurrency limit on create: the job waits and is sent again. */
  busy: ['provider'],
  /** Sent, answer lost: not sent again (never paid twice). */
  answerLost: ['provider', 'detail'],
  /** The app stopped while the job was being sent. */
  lostWhileSending: [],
  /** The provider was turned off in Settings before the job was sent. */
  providerOff: ['provider'],
  /** Connection refused or address not resolved: nothing was sent. */
  notSent: ['provider', 'code'],
  /** The stored request no longer validates. */
  invalidRequest: ['detail'],
  /** The shot has a first frame; the provider cannot start from an image. */
  capImage: ['number', 'provider'],
  /** The shot has no first frame; the provider needs one. */
  capText: ['number', 'provider'],
  /** The shot has a last frame; the provider cannot end on a frame. */
  capLastFrame: ['number', 'provider'],
  /** The shot extends a take; the provider (model) cannot extend. */
  capExtend: ['number', 'provider'],
  /** The shot restyles a clip; the provider (model) edits no video. */
  capVideo: ['number', 'provider'],
  /** The model only edits clips; the shot gave none to restyle. */
  capNeedsVideo: ['number', 'provider'],
  /** The shot both extends and restyles a take. */
  capExtendRestyle: ['number'],
  /** The model makes video only from reference pictures; the shot has none. */
  capReferences: ['number', 'provider'],
  /** The request for this shot could not be built; `detail` says why. */
  shotNotGeneratable: ['number', 'detail'],
  /** A service error that has its own translated message (`messageKey` plus its parameters). */
  service: ['messageKey'],
  /** Our side failed (a file, ffmpeg, the disk); `detail` says what. */
  local: ['detail'],
} as const satisfies Record<string, readonly string[]>;

export type JobErrorCode = keyof typeof JOB_ERROR_PARAMS;
export const JOB_ERROR_CODES = Object.keys(JOB_ERROR_PARAMS) as JobErrorCode[];

export type JobErrorParams = Record<string, string | number>;

/** What a job row and a job.progress event carry beside the English sentence. */
export interface JobErrorInfo {
  code: JobErrorCode;
  params: JobErrorParams;
}

export function isJobErrorCode(v: unknown): v is JobErrorCode {
  return typeof v === 'string' && Object.hasOwn(JOB_ERROR_PARAMS, v);
}

export function jobError(code: JobErrorCode, params: JobErrorParams = {}): JobErrorInfo {
  return { code, params };
}

/** The i18n key of a code's sentence. */
export function jobErrorKey(code: JobErrorCode): string {
  return `jobErrors.${code}`;
}

/**
 * The code of an error thrown on a job's path: a keyed service error keeps its own message key
 * (`service`); a provider failure is `moderation`, `expired`, `taskLost` or `providerFailed`
 * by its failure kind; a refused connection `notSent`; anything else `local`.
 */
export function jobErrorOf(err: unknown, providerLabel: string): JobErrorInfo {
  const message = err instanceof Error ? err.message : String(err);
  const details = (typeof err === 'object' && err !== null ? (err as { details?: unknown }).details : undefined) as
    Record<string, unknown> | undefined;
  if (details?.notSent === true && typeof details.code === 'string')
    return jobError('notSent', { provider: providerLabel, code: details.code });
  const kind = failureKindOf(err);
  if (kind === 'expired') return jobError('expired', { provider: providerLabel });
  if (kind === 'moderation') {
    const flagged = FLAGGED_CODE[String(details?.flagged)];
    return jobError(flagged ?? 'moderation', { provider: providerLabel, detail: message });
  }
  if (kind === 'lost') return jobError('taskLost', { provider: providerLabel, detail: message });
  const keyed = localizedMessage({ details });
  if (keyed) return jobError('service', { ...keyed.params, messageKey: keyed.key });
  if (kind === 'provider') return jobError('providerFailed', { provider: providerLabel, detail: message });
  if ((err as { code?: unknown })?.code === 'INVALID_INPUT') return jobError('invalidRequest', { detail: message });
  return jobError('local', { detail: message });
}
