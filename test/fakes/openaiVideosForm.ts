/**
 * How the OpenAI videos fake reads a create: a multipart form (each file recorded as
 * {name, type, size, sha256} and decoded by the system ffprobe through a pipe, as the real API
 * decodes an input_reference) or a JSON body.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A multipart file as received; `decoded` is its picture size "WxH" (null: not a picture). */
export interface FileField {
  name: string;
  type: string;
  size: number;
  sha256: string;
  decoded: string | null;
}

/**
 * The picture's size as a decoder sees it (ffprobe on the bytes, through a pipe), else null.
 * Only still-image formats count (png_pipe, jpeg_pipe, webp_pipe...): a video is no picture.
 */
function decodedSize(bytes: Buffer): Promise<string | null> {
  return new Promise((resolve) => {
    const p = spawn(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=width,height:format=format_name',
        '-of',
        'json',
        '-i',
        'pipe:0',
      ],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    );
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stdin.on('error', () => undefined); // ffprobe may stop reading early: not our failure
    p.on('error', () => resolve(null));
    p.on('close', (code) => {
      try {
        const j = JSON.parse(out) as {
          streams?: { width?: number; height?: number }[];
          format?: { format_name?: string };
        };
        const st = j.streams?.[0];
        resolve(
          code === 0 && /_pipe$/.test(j.format?.format_name ?? '') && st?.width && st.height
            ? `${st.width}x${st.height}`
            : null,
        );
      } catch {
        resolve(null);
      }
    });
    p.stdin.end(bytes);
  });
}

/** The create's body as the gateway reads it: multipart fields and files (kept in `files` by hash), or JSON. */
export async function parseBody(req: IncomingMessage, files: Map<string, Buffer>): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = String(req.headers['content-type'] ?? '');
  if (!raw.length) return undefined;
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    }).formData();
    const out: Record<string, string | FileField> = {};
    for (const [k, v] of form.entries()) {
      if (typeof v === 'string') out[k] = v;
      else {
        const bytes = Buffer.from(await v.arrayBuffer());
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        files.set(sha256, bytes);
        out[k] = { name: v.name, type: v.type, size: bytes.length, sha256, decoded: await decodedSize(bytes) };
      }
    }
    return out;
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return raw.toString('utf8');
  }
}
