/**
 * Errors that cross the contract. `code` is stable (tests and the UI branch on it); `message`
 * is a complete sentence for the user that names the thing at fault (file, shot, setting).
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'PROJECT_IN_USE',
  'PROJECT_EXISTS',
  'PROJECT_DAMAGED',
  'NO_PROJECT',
  'MEDIA_UNSUPPORTED',
  'MEDIA_CORRUPT',
  'MEDIA_EMPTY',
  'MEDIA_MISSING',
  'MEDIA_TIMEOUT',
  'FFMPEG_MISSING',
  'FFMPEG_FAILED',
  'EXPORT_INVALID',
  'OUTPUT_NOT_WRITABLE',
  'CANCELED',
  'PROVIDER_FAILED',
  'FORBIDDEN',
  'INTERNAL',
  // A project file holding schema objects (views, triggers, tables, indexes) the app never makes.
  'PROJECT_FOREIGN',
  // A picture over the pixel limit (or a decompression bomb), refused before it is decoded.
  'MEDIA_TOO_LARGE',
  // The disk is full: the message names the disk and the space needed.
  'DISK_FULL',
  // Relink: the chosen file is not the asset's file (hash, duration or size differ).
  'MEDIA_MISMATCH',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export function toSerializedError(err: unknown): SerializedError {
  if (err instanceof AppError) {
    return err.details
      ? { code: err.code, message: err.message, details: err.details }
      : { code: err.code, message: err.message };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

export function isCanceled(err: unknown): boolean {
  return err instanceof AppError && err.code === 'CANCELED';
}

/**
 * A translatable message: `details.messageKey` names an i18n key and the other string/number
 * fields of `details` are its parameters (the English `message` stays the fallback, and what
 * the CLI prints). The renderer shows t(messageKey, params) instead of the English sentence.
 */
export interface LocalizedMessage {
  key: string;
  params: Record<string, string | number>;
}

/** An AppError whose message the renderer translates: `keyed('NO_PROJECT', 'serviceErrors.noProject', {}, 'No project…')`. */
export function keyedError(
  code: ErrorCode,
  messageKey: string,
  params: Record<string, string | number>,
  message: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { ...extra, ...params, messageKey });
}

export function localizedMessage(err: Pick<SerializedError, 'details'>): LocalizedMessage | null {
  const key = err.details?.messageKey;
  if (typeof key !== 'string' || !/^[\w.-]+$/.test(key)) return null;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(err.details ?? {})) {
    if (k !== 'messageKey' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
  }
  return { key, params };
}
