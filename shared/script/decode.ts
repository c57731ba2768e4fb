/**
 * A script file's bytes as text. UTF-8 (with or without a byte-order mark) and UTF-16 with one
 * are read as they say; anything else that is not valid UTF-8 is tried as GB18030, the
 * superset of GBK and GB2312 that Chinese editors on Windows save by default, so a Chinese
 * script written there imports instead of turning into replacement characters. Bytes that are
 * neither give null: the caller refuses the file with a translated message (pathErrors.script
 * .encoding). Pure; TextDecoder is the WHATWG Encoding Standard's decoder (Node and Chromium),
 * and `fatal` makes a malformed sequence an error instead of U+FFFD
 * (https://encoding.spec.whatwg.org/#interface-textdecoder).
 */
/** The WHATWG TextDecoder, a global in Node and Chromium (shared/ compiles without DOM or Node types). */
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

export type ScriptEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function decodeScriptBytes(bytes: Uint8Array): { text: string; encoding: ScriptEncoding } | null {
  const bom = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  const strict = (encoding: ScriptEncoding, from = 0): string | null => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    } catch {
      return null;
    }
  };
  const first = (encoding: ScriptEncoding, from = 0) => {
    const text = strict(encoding, from);
    return text === null ? null : { text, encoding };
  };
  if (bom(0xef, 0xbb, 0xbf)) return first('utf-8', 3);
  if (bom(0xff, 0xfe)) return first('utf-16le', 2);
  if (bom(0xfe, 0xff)) return first('utf-16be', 2);
  // A NUL is no text in either: left to the parser, which names the line (scriptIssues.notText).
  if (bytes.includes(0)) return first('utf-8') ?? { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  return first('utf-8') ?? first('gb18030');
}
