/**
 * One HTTP call of a synchronous speech API that answers audio bytes (OpenAI-compatible
 * /v1/audio/speech, ElevenLabs). Error mapping follows the video runner's rules
 * (generation/types.ts submit): a 4xx means the provider answered and made nothing
 * (PROVIDER_FAILED, 429 = throttled); a network error or 5xx leaves the outcome unknown.
 */
import { AppError, keyedError } from '../../../../shared/errors.js';

const TIMEOUT_MS = 120_000;

export interface AudioCall {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  label: string;
  signal?: AbortSignal;
  /** Reads the provider's error text out of a JSON error body. */
  errorText?: (json: unknown) => string | null;
  /** A 4xx that means the voice id is unknown to the provider, for a clear message. */
  unknownVoice?: (status: number, text: string) => boolean;
  voiceId: string;
}

export async function postForAudio(c: AudioCall): Promise<Uint8Array> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = c.signal ? AbortSignal.any([c.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(c.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...c.headers },
      body: JSON.stringify(c.body),
      signal,
    });
  } catch (err) {
    const code = ((err as { cause?: { code?: string } }).cause ?? {}).code;
    throw new Error(`${c.label} did not answer: ${code ?? (err as Error).message}`);
  }
  if (res.ok) return new Uint8Array(await res.arrayBuffer());
  const raw = await res.text().catch(() => '');
  let said = raw.slice(0, 300);
  try {
    said = c.errorText?.(JSON.parse(raw)) ?? said;
  } catch {
    // not JSON: keep the text
  }
  if (res.status === 429) {
    const after = Number(res.headers.get('retry-after') ?? 0);
    throw new AppError('PROVIDER_FAILED', `${c.label} rate limit reached; waiting before trying again.`, {
      status: 429,
      throttled: true,
      retryAfterMs: Number.isFinite(after) ? after * 1000 : 0,
    });
  }
  if (res.status >= 400 && res.status < 500) {
    if (c.unknownVoice?.(res.status, said)) {
      throw keyedError(
        'INVALID_INPUT',
        'svc.speech.unknownCloudVoice',
        { provider: c.label, voice: c.voiceId },
        `${c.label} does not know the voice "${c.voiceId}"; pick one of its voices for this character. (${said})`,
        { status: res.status, unknownVoice: true },
      );
    }
    if (res.status === 401 || res.status === 403)
      throw new AppError('PROVIDER_FAILED', `${c.label} refused the API key; check it in settings. (${said})`, {
        status: res.status,
        auth: true,
      });
    throw new AppError('PROVIDER_FAILED', `${c.label} refused the request (HTTP ${res.status}): ${said}`, {
      status: res.status,
    });
  }
  throw new Error(`${c.label} failed with HTTP ${res.status}: ${said}`);
}
