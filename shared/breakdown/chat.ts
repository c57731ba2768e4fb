/**
 * The OpenAI chat-completions wire shapes the breakdown and the enhancer use (pure): the request
 * body for a preset's structured-output mode, and reading an answer into validated JSON or a
 * keyed, translated error that says what went wrong (refusal, content filter, cut off, not
 * JSON, a field that does not fit the schema).
 *
 * Answer shape (https://platform.openai.com/docs/api-reference/chat/object):
 * `{choices: [{message: {content, refusal}, finish_reason}]}`; finish_reason is "stop",
 * "length" (max tokens reached), "content_filter" (omitted by a content filter), "tool_calls".
 * Error bodies: `{error: {message, type, code, param}}` (OpenAI; DashScope documents the same
 * shape: https://help.aliyun.com/zh/model-studio/openai-compatible-agents-api-errors).
 */
import { z } from 'zod';
import { keyedError, type AppError } from '../errors.js';
import type { StructuredMode } from './presets.js';
import { fieldPath } from './schema.js';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ChatRequestBody {
  model: string;
  messages: ChatMessage[];
  temperature: number;
  stream: false;
  response_format:
    { type: 'json_object' } | { type: 'json_schema'; json_schema: { name: string; strict: true; schema: object } };
  max_tokens?: number;
}

export function chatBody(opts: {
  model: string;
  messages: ChatMessage[];
  structured: StructuredMode;
  schemaName: string;
  schema: object;
  maxTokens: number | null;
}): ChatRequestBody {
  return {
    model: opts.model,
    messages: opts.messages,
    // Low: a breakdown should follow the script, not invent.
    temperature: 0.2,
    stream: false,
    response_format:
      opts.structured === 'json_schema'
        ? { type: 'json_schema', json_schema: { name: opts.schemaName, strict: true, schema: opts.schema } }
        : { type: 'json_object' },
    ...(opts.maxTokens ? { max_tokens: opts.maxTokens } : {}),
  };
}

const ChoiceSchema = z.object({
  finish_reason: z.string().nullable().optional(),
  message: z
    .object({
      content: z.string().nullable().optional(),
      refusal: z.string().nullable().optional(),
    })
    .passthrough(),
});
const CompletionSchema = z.object({ choices: z.array(ChoiceSchema).min(1) }).passthrough();

function short(text: string, max = 300): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  return [...t].length > max ? `${[...t].slice(0, max - 1).join('')}…` : t;
}

/** The assistant's text from a chat completion, or the reason there is none. */
export function answerText(json: unknown, endpoint: string): string {
  const parsed = CompletionSchema.safeParse(json);
  if (!parsed.success)
    throw keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.notChat',
      { endpoint },
      `${endpoint} did not answer like an OpenAI-compatible chat endpoint (no choices[0].message); check the address.`,
    );
  const choice = parsed.data.choices[0]!;
  const refusal = choice.message.refusal?.trim();
  if (refusal)
    throw keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.refused',
      { reason: short(refusal) },
      `The model refused: ${short(refusal)}`,
    );
  if (choice.finish_reason === 'content_filter')
    throw keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.filtered',
      {},
      "The provider's content filter stopped the answer; nothing was changed. Rephrase the script or use another model.",
    );
  const content = choice.message.content?.trim() ?? '';
  if (choice.finish_reason === 'length')
    throw keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.truncated',
      {},
      'The answer was cut off at the model’s output limit before the JSON was complete; break down a shorter part of the script.',
    );
  if (!content)
    throw keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.empty',
      {},
      'The model answered with no text; try again or use another model.',
    );
  return content;
}

/** Models in JSON mode sometimes still wrap the object in a ```json fence: take what is inside. */
function unfenced(text: string): string {
  const m = /^```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/iu.exec(text.trim());
  return m ? m[1]! : text;
}

/** Parses the assistant's text as JSON and validates it; errors name the field at fault. */
export function validatedAnswer<T extends z.ZodType>(text: string, schema: T): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(unfenced(text));
  } catch (err) {
    throw keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.invalidJson',
      { detail: short((err as Error).message, 120), start: short(text, 80) },
      `The model's answer is not valid JSON (${short((err as Error).message, 120)}); it starts “${short(text, 80)}”. Nothing was changed.`,
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = fieldPath(issue.path);
    throw keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.schemaMismatch',
      { field, problem: issue.message },
      `The model's answer does not fit the breakdown format at ${field}: ${issue.message}. Nothing was changed.`,
      { issues: result.error.issues.length },
    );
  }
  return result.data as z.output<T>;
}

/** The message an OpenAI-compatible error body carries, if any. */
export function errorBodyMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const e = (body as { error?: unknown }).error;
  if (typeof e === 'string') return short(e);
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string')
    return short((e as { message: string }).message);
  const m = (body as { message?: unknown }).message;
  return typeof m === 'string' ? short(m) : null;
}

/** A keyed error for an HTTP failure of the chat endpoint. */
export function httpError(status: number, body: unknown, ctx: { endpoint: string; model: string }): AppError {
  const detail = errorBodyMessage(body) ?? `HTTP ${status}`;
  if (status === 401 || status === 403)
    return keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.auth',
      { endpoint: ctx.endpoint, status, detail },
      `${ctx.endpoint} refused the API key (HTTP ${status}: ${detail}); check the key in Settings → AI breakdown.`,
    );
  if (status === 404)
    return keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.notFound',
      { endpoint: ctx.endpoint, model: ctx.model, detail },
      `${ctx.endpoint} has no model “${ctx.model}” or no chat endpoint (HTTP 404: ${detail}).`,
    );
  if (status === 429)
    return keyedError(
      'PROVIDER_FAILED',
      'svc.breakdown.rateLimited',
      { endpoint: ctx.endpoint, detail },
      `${ctx.endpoint} is rate-limiting or out of quota (HTTP 429: ${detail}); wait and try again.`,
    );
  return keyedError(
    'PROVIDER_FAILED',
    'svc.breakdown.http',
    { endpoint: ctx.endpoint, status, detail },
    `${ctx.endpoint} answered HTTP ${status}: ${detail}`,
  );
}
