/**
 * Validation shared by both bindings: unknown methods and malformed payloads are rejected
 * before any handler runs (SEC-4/5), and errors come back in one serialisable shape.
 */
import { AppError, toSerializedError, type SerializedError } from '../errors.js';
import { contract, isMethodName, type Handlers, type MethodName } from './contract.js';
import { findReservedKey } from './reservedKeys.js';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: SerializedError };

export async function dispatch(handlers: Handlers, method: unknown, payload: unknown): Promise<DispatchResult> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}` },
    };
  }
  const reserved = findReservedKey(payload);
  if (reserved) {
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid request for ${method} (${reserved.path}): the name "${reserved.key}" is not allowed in a request.`,
        details: { key: reserved.key, messageKey: 'hardening.error.reservedKey' },
      },
    };
  }
  const parsed = contract[method].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (${first.path.join('.')})` : '';
    // Keyed (pathErrors.invalidRequest): the UI says so in its language; zod's English detail
    // stays in the message the CLI prints and the log.
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid request for ${method}${where}: ${first?.message ?? 'bad input'}`,
        details: { method, messageKey: 'pathErrors.invalidRequest' },
      },
    };
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    return { ok: false, error: toSerializedError(err) };
  }
}

export function methodOf(name: MethodName): (typeof contract)[MethodName] {
  return contract[name];
}

export function errorFromSerialized(e: SerializedError): AppError {
  return new AppError(e.code, e.message, e.details);
}
