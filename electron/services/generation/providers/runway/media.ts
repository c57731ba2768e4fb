/**
 * Pictures in, clips out, for cloud adapters: a local picture as a data URI (Runway takes
 * `data:image/png;base64,...` up to 5 MB: docs.dev.runwayml.com/assets/inputs), and the finished
 * clip downloaded at once from its signed URL (they expire: Runway 24-48 h, Luma unknown) to a
 * temp file renamed into place, so a cut download never leaves a file at destPath (JOB-7).
 */
import { AppError } from '../../../../../shared/errors.js';
import type { FrameRef } from '../../../../../shared/generation/request.js';
import { readInputFile } from '../imageInput.js';

/** The picture's type from its first bytes (extensions lie); null when not PNG/JPEG/WebP. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50
  )
    return 'image/webp';
  return null;
}

/** A frame's bytes and type. INVALID_INPUT (nothing was sent) when missing or not a picture. */
export async function readFrame(frame: FrameRef, what: string): Promise<{ bytes: Buffer; type: string }> {
  const bytes = await readInputFile(frame.path, `The ${what}`);
  const type = sniffImageType(bytes);
  if (!type)
    throw new AppError('INVALID_INPUT', `The ${what} is not a PNG, JPEG or WebP picture: ${frame.path}`, {
      path: frame.path,
    });
  return { bytes, type };
}

/** Bytes of `bytes` once written as a data URI of `type` (base64 grows 4/3). */
export function dataUriSize(byteLength: number, type: string): number {
  return Math.ceil(byteLength / 3) * 4 + `data:${type};base64,`.length;
}

/**
 * A frame as a data URI. INVALID_INPUT (nothing was sent) for a missing, unknown or too large
 * picture, naming the shot and the file.
 */
export async function frameDataUri(frame: FrameRef, what: string, maxBytes: number): Promise<string> {
  const { bytes, type } = await readFrame(frame, what);
  const size = dataUriSize(bytes.length, type);
  if (size > maxBytes) {
    throw new AppError(
      'INVALID_INPUT',
      `The ${what} is too large to send inline (${(size / 1e6).toFixed(1)} MB encoded, limit ${(maxBytes / 1e6).toFixed(0)} MB): ${frame.path}. Use a smaller picture.`,
      { path: frame.path, bytes: size, maxBytes },
    );
  }
  return `data:${type};base64,${bytes.toString('base64')}`;
}

/** A frame as raw base64 + MIME type (Luma Agents `{data, media_type}`), same checks as above. */
export async function frameBase64(
  frame: FrameRef,
  what: string,
  maxBytes: number,
): Promise<{ data: string; media_type: string }> {
  const uri = await frameDataUri(frame, what, maxBytes);
  const comma = uri.indexOf(',');
  return { data: uri.slice(comma + 1), media_type: uri.slice('data:'.length, uri.indexOf(';')) };
}
