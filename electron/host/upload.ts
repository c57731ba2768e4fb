/**
 * POST /upload?token=…&name=<file name>  The browser's way to hand a local file to the
 * services (a page can't know a file's path). The body streams to a fresh staging path from
 * services.stageUpload(); nothing is buffered in memory, and an oversized or interrupted upload
 * leaves no partial file behind. Answers { path } to pass to shots.add / media.import.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { toSerializedError } from '../../shared/errors.js';
import { sendJson } from './security.js';

export const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

class TooLarge extends Error {}

/** The last path segment of a browser-supplied name, without control characters. */
export function cleanUploadName(name: string | null): string | null {
  if (name === null) return null;
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const last = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (last === '' || last === '.' || last === '..' || last.length > 255) return null;
  return last;
}

export async function serveUpload(
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  ctx: { stageUpload(fileName: string): { path: string }; maxBytes: number },
): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'POST' }).end();
    return;
  }
  const name = cleanUploadName(query.get('name'));
  if (name === null) {
    sendJson(res, 400, { error: { code: 'INVALID_INPUT', message: 'Upload needs a file name (?name=…)' } });
    return;
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > ctx.maxBytes) {
    tooLarge(res, ctx.maxBytes);
    // Don't read gigabytes only to discard them: close once the refusal is out.
    res.on('finish', () => req.destroy());
    return;
  }
  let target: string;
  try {
    target = ctx.stageUpload(name).path;
  } catch (err) {
    sendJson(res, 500, { error: toSerializedError(err) });
    return;
  }
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      done(received > ctx.maxBytes ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(target, { flags: 'wx' }));
  } catch (err) {
    await rm(target, { force: true });
    if (err instanceof TooLarge) {
      tooLarge(res, ctx.maxBytes);
      return;
    }
    if (!res.headersSent && !res.destroyed) {
      sendJson(res, 500, {
        error: { code: 'INTERNAL', message: `Upload of ${name} failed: ${(err as Error).message}` },
      });
    }
    return;
  }
  sendJson(res, 200, { path: target });
}

function tooLarge(res: ServerResponse, max: number): void {
  const gib = (max / 1024 ** 3).toFixed(max >= 1024 ** 3 ? 0 : 2);
  // Connection: close, because the rest of the body won't be read.
  res.setHeader('Connection', 'close');
  sendJson(res, 413, {
    error: { code: 'INVALID_INPUT', message: `The file is larger than the ${gib} GiB upload limit` },
  });
}
