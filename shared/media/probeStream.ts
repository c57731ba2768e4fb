/**
 * Reading ffprobe's JSON as it streams, without holding it whole (pure). A 10-hour clip's
 * packet list is over 100 MB of JSON (measured: 114,509,591 bytes for 10 h of 16x16 video at
 * 25 fps with 8 kHz AAC), more than any output buffer should hold, and most of it is packets.
 * So the `"packets": [ … ]` array of the top-level object is cut out as it arrives: each
 * packet object is handed to `onPacket` on its own (a few dozen bytes of JSON.parse), and the
 * rest (streams, format: a few KiB) is kept, bounded, and parsed at the end with an empty
 * packets array in place.
 *
 * The scanner follows JSON's lexical structure only (strings with escapes, nesting of {} and
 * []), which is all it needs to find where each element starts and ends; the elements and the
 * rest are parsed by JSON.parse, so malformed input still fails there.
 */

/** The non-packet JSON kept at most; a probe answer with more is refused (it is not media). */
export const PROBE_REST_MAX_CHARS = 4 * 1024 * 1024;

type Mode = 'rest' | 'drop' | 'elem';

export class ProbeJsonSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The latest string at depth 1 (a key of the top-level object), while short. */
  private key = '';
  private keyOpen = false;
  private mode: Mode = 'rest';
  private restParts: string[] = [];
  private restChars = 0;
  private elem = '';
  /** Set when the rest outgrew PROBE_REST_MAX_CHARS. */
  overflow = false;

  constructor(
    private readonly onPacket: (packet: unknown) => void,
    private readonly maxRest = PROBE_REST_MAX_CHARS,
  ) {}

  private keep(text: string): void {
    if (text.length === 0 || this.overflow) return;
    this.restChars += text.length;
    if (this.restChars > this.maxRest) {
      this.overflow = true;
      this.restParts = [];
      return;
    }
    this.restParts.push(text);
  }

  private flush(text: string): void {
    if (this.mode === 'rest') this.keep(text);
    else if (this.mode === 'elem') this.elem += text;
  }

  push(chunk: string): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c)
          this.escaped = true; // backslash
        else if (c === 0x22) this.inString = false; // closing quote
        if (this.keyOpen) {
          if (this.inString) {
            if (this.key.length < 32) this.key += chunk[i];
          } else this.keyOpen = false;
        }
        continue;
      }
      if (c === 0x22) {
        this.inString = true;
        if (this.depth === 1) {
          this.key = '';
          this.keyOpen = true;
        }
      } else if (c === 0x7b || c === 0x5b) {
        // { [
        if (this.mode === 'drop' && c === 0x7b && this.depth === 2) {
          start = i; // dropped separators are discarded, the element starts here
          this.mode = 'elem';
          this.elem = '';
        }
        this.depth++;
        if (c === 0x5b && this.depth === 2 && this.mode === 'rest' && this.key === 'packets') {
          this.flush(chunk.slice(start, i + 1));
          start = i + 1;
          this.mode = 'drop';
        }
      } else if (c === 0x7d || c === 0x5d) {
        // } ]
        this.depth--;
        if (this.mode === 'elem' && this.depth === 2) {
          this.elem += chunk.slice(start, i + 1);
          start = i + 1;
          this.mode = 'drop';
          this.onPacket(JSON.parse(this.elem) as unknown);
          this.elem = '';
        } else if (this.mode === 'drop' && this.depth === 1) {
          start = i; // the closing ] goes to the rest
          this.mode = 'rest';
        }
      }
    }
    this.flush(chunk.slice(start));
  }

  /** The JSON without the packets (their array left empty); null if it outgrew the bound. */
  rest(): string | null {
    return this.overflow ? null : this.restParts.join('');
  }
}
