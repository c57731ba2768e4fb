/**
 * One POST to an OpenAI-compatible /chat/completions endpoint, with a timeout, mapped to keyed,
 * translated errors: the endpoint unreachable, the timeout passed, an HTTP error (its
 * `{error: {message}}` quoted), an answer that is not JSON. The key goes in the Authorization
 * header only and never into a message.
 */
import { keyedError } from '../../../shared/errors.js';
import { chatCompletionsUrl } from '../../../shared/breakdown/presets.js';
import { httpError } from '../../../shared/breakdown/chat.js';
import type { ChatRequestBody } from '../../../shared/breakdown/chat.js';
import { redact } from '../../../shared/generation/redact.js';
import { causeCode, readErrorBody } from '../generation/providers/http.js';

export interface ChatCall {
  baseUrl: string;
  apiKey: string | null;
  timeoutMs: number;
  body: ChatRequestBody;
  /** Cancels the request (the window closed). */
  signal?: AbortSignal;
}

/** The endpoint as shown to the user: its origin and path, no query (a key could sit there). */
function shown(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

export async function postChat(call: ChatCall): Promise<unknown> {
  const url = chatCompletionsUrl(call.baseUrl);
  const endpoint = shown(url);
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(call.apiKey ? { authorization: `Bearer ${call.apiKey}` } : {}),
      },
      body: JSON.stringify(call.body),
      signal,
    });
  } catch (err) {
    throw requestError(err, { endpoint, timeoutMs: call.timeoutMs, timedOut: timeout.aborted });
  }
  if (!res.ok) {
    const { body } = await readErrorBody(res);
    const e = httpError(res.status, body, { endpoint, model: call.body.model });
    if (call.apiKey) {
      e.message = redact(e.message, [call.apiKey]);
      if (typeof e.details?.detail === 'string') e.details.detail = redact(e.details.detail, [call.apiKey]);
    }
    throw e;
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw requestError(err, { endpoint, timeoutMs: call.timeoutMs, timedOut: timeout.aborted });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.notChat',
      { endpoint },
      `${endpoint} did not answer like an OpenAI-compatible chat endpoint (no choices[0].message); check the address.`,
    );
  }
}

function requestError(err: unknown, ctx: { endpoint: string; timeoutMs: number; timedOut: boolean }): Error {
  if (ctx.timedOut) {
    const seconds = Math.round(ctx.timeoutMs / 100) / 10;
    return keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.timeout',
      { endpoint: ctx.endpoint, seconds },
      `${ctx.endpoint} did not answer within ${seconds} s; nothing was changed. A local model may need longer (Settings → AI breakdown → timeout).`,
    );
  }
  if ((err as Error).name === 'AbortError')
    return keyedError('CANCELED', 'svc.breakdown.canceled', {}, 'The AI request was cancelled; nothing was changed.');
  const code = causeCode(err) ?? 'network error';
  return keyedError(
    'PROVIDER_FAILED',
    'svc.breakdown.unreachable',
    { endpoint: ctx.endpoint, code },
    `${ctx.endpoint} could not be reached (${code}); is the server running (a local Ollama: \`ollama serve\`) and the address right?`,
  );
}
