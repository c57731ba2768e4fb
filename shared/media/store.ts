/**
 * Layout of a project's content-addressed media store (pure; design.md §4):
 *   media/<first 2 hex of sha256>/<sha256>.<ext>   imported, generated and derived files
 *   media/thumbs/<sha256>.jpg                       thumbnails
 *   media/.tmp-*, media/thumbs/.tmp-*               files being written (renamed when complete)
 * Paths stored in the database are these relative, forward-slash paths.
 */
import type { MediaInfo } from '../model/entities.js';

export const MEDIA_DIR = 'media';
export const THUMBS_DIR = 'media/thumbs';
/** Files being written start with this; anything left with it after a crash is garbage. */
export const TEMP_PREFIX = '.tmp-';

export function isSha256Hex(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}

export function mediaRelPath(sha256: string, ext: string): string {
  return `${MEDIA_DIR}/${sha256.slice(0, 2)}/${sha256}.${ext}`;
}

export function thumbRelPath(sha256: string): string {
  return `${THUMBS_DIR}/${sha256}.jpg`;
}

/** The last path segment of a POSIX or Windows path. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** What the store names a file of this kind when its own extension is missing or odd. */
function extensionFromInfo(info: MediaInfo): string {
  const c = info.container;
  if (info.kind === 'image') {
    const byCodec: Record<string, string> = {
      png: 'png',
      mjpeg: 'jpg',
      webp: 'webp',
      bmp: 'bmp',
      tiff: 'tif',
      gif: 'gif',
    };
    return byCodec[info.videoCodec ?? ''] ?? 'img';
  }
  if (c.includes('mp4')) return info.kind === 'audio' ? 'm4a' : 'mp4';
  if (c.includes('webm') && (info.videoCodec === 'vp8' || info.videoCodec === 'vp9' || info.videoCodec === 'av1'))
    return 'webm';
  if (c.includes('matroska')) return 'mkv';
  const first = c.split(',')[0] ?? '';
  return /^[a-z0-9]{1,8}$/.test(first) ? first : 'bin';
}

/**
 * The stored extension: the original file's, lowercased, when it is plain (1-8 letters or
 * digits); otherwise one derived from the probed container/codec. Keeping the extension lets
 * ffmpeg and the browser pick demuxers and MIME types from the name.
 */
export function storeExtension(originalName: string, info: MediaInfo): string {
  const name = baseName(originalName);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return /^[a-z0-9]{1,8}$/.test(ext) ? ext : extensionFromInfo(info);
}
