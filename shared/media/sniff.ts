/**
 * A look at a file's first bytes when ffprobe can't read it (pure): a text file named .mp4 is
 * "not media" (MEDIA_UNSUPPORTED), random or broken bytes are "damaged" (MEDIA_CORRUPT).
 */

/** Bytes worth reading for looksLikeText. */
export const SNIFF_BYTES = 4096;

/**
 * True when the bytes read like text (UTF-8 or ASCII): no NUL, and at most 1 % control
 * characters other than tab, newlines and form feed. Media containers start with binary
 * headers (mp4 "\0\0\0 ftyp", PNG "\x89PNG\r\n\x1a\n", Matroska 0x1A45DFA3), so they fail fast.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    else if (b === 0x7f) control++;
  }
  return control / bytes.length <= 0.01;
}
