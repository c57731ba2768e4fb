/**
 * Gemini API errors as AppErrors the runner and the user understand (providers.md §2: the SDK
 * throws ApiError{status, message=JSON.stringify(body)}, body `{"error":{code,message,status,details}}`).
 */
import { ApiError } from '@google/genai';
import { AppError } from '../../../../../shared/errors.js';

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; details?: { '@type'?: string; retryDelay?: string }[] };
}

function parseBody(message: string): GoogleErrorBody['error'] {
  try {
    return (JSON.parse(message) as GoogleErrorBody).error;
  } catch {
    return { message };
  }
}

/** google.rpc.RetryInfo `retryDelay` ("30s", "1.5s") in ms; 0 when absent. */
export function retryDelayMs(details: { '@type'?: string; retryDelay?: string }[] | undefined): number {
  const info = details?.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'));
  const m = info?.retryDelay ? /^(\d+(?:\.\d+)?)s$/.exec(info.retryDelay) : null;
  return m ? Math.round(Number(m[1]) * 1000) : 0;
}

/**
 * For any SDK call: a 4xx answer becomes PROVIDER_FAILED/INVALID_INPUT (created nothing), a
 * 429 is throttling with retryAfterMs; anything else (network, 5xx) passes through unchanged,
 * so a create's unknown outcome stays `unknown` in the runner.
 */
export function veoError(err: unknown, what: string): unknown {
  if (!(err instanceof ApiError)) return err;
  const body = parseBody(err.message);
  const reason = body?.message ?? err.message;
  const status = err.status;
  const details = { status, providerStatus: body?.status };
  if (status === 429) {
    // RESOURCE_EXHAUSTED covers both per-minute limits and quota; Google sends RetryInfo with
    // both, so the runner waits and tries again either way (the message says which).
    const quota = /quota|billing/i.test(reason);
    return new AppError(
      'PROVIDER_FAILED',
      quota
        ? `Google is limiting requests: your Gemini API quota is reached for now (${reason}); waiting before trying again.`
        : `Google is throttling requests (${reason}); waiting before trying again.`,
      { ...details, throttled: true, retryAfterMs: retryDelayMs(body?.details) },
    );
  }
  if (status === 401 || status === 403 || body?.status === 'PERMISSION_DENIED' || /API key not valid/i.test(reason)) {
    return new AppError(
      'PROVIDER_FAILED',
      `Google rejected the API key when trying to ${what}: check the Veo key in settings (${reason}).`,
      { ...details, auth: true },
    );
  }
  if (status === 404)
    return new AppError('PROVIDER_FAILED', `Google does not know this when trying to ${what} (${reason}).`, {
      ...details,
      notFound: true,
    });
  if (status === 400 && body?.status === 'FAILED_PRECONDITION') {
    return new AppError(
      'PROVIDER_FAILED',
      `Google refused to ${what}: ${reason} (Veo is a paid-only feature: check billing on the key's project).`,
      { ...details, billing: true },
    );
  }
  if (status >= 400 && status < 500)
    return new AppError('INVALID_INPUT', `Google refused to ${what}: ${reason}`, details);
  // 5xx: the server may have acted (a create may exist), so the outcome stays unknown.
  return err;
}
