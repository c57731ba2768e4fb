/** Keeps API keys out of text that is stored or shown (job errors, events, logs: SEC-10). */

/** Replaces every occurrence of each secret (4+ characters) in `text` with a mask. */
export function redact(text: string, secrets: readonly (string | undefined | null)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('••••');
  return out;
}
