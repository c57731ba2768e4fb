/**
 * Object keys a request may never carry. JSON.parse makes `"__proto__"` an own property; zod
 * (like any `obj[key] = value` merge) then drops it or, worse, sets the prototype, so a
 * settings.update with `{"providers": {"__proto__": {...}}}` "succeeded" and did nothing. Such a
 * payload is refused by name before validation instead (pure, depth-bounded).
 */
export const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** The first reserved key anywhere in `value` with its path, or null. */
export function findReservedKey(value: unknown, path: string[] = [], depth = 0): { key: string; path: string } | null {
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    if ((RESERVED_KEYS as readonly string[]).includes(key)) return { key, path: [...path, key].join('.') };
    const found = findReservedKey((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
