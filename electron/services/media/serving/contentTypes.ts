/**
 * Content types for every file we serve (project media and the built renderer), by extension.
 * Unknown is application/octet-stream; every server also sends `nosniff`, so a file is never
 * read as HTML or script because of what is inside it.
 */
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.ogg': 'audio/ogg',
  '.flac': 'audio/flac',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function contentTypeFor(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Media routes (media:// and the host's /media/) serve pictures and sound only. A project
 * folder may hold anything (a shared project is untrusted input, SEC-13): an .html or .svg
 * file served from the app's own origin could run script there, so it is refused instead.
 */
export function isServableMedia(file: string): boolean {
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!type || type === 'image/svg+xml') return false;
  return type.startsWith('video/') || type.startsWith('audio/') || type.startsWith('image/');
}
