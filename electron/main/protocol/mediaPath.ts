/**
 * media:// URLs <-> absolute paths. Which paths may then be served is decided in one place
 * for Electron and the browser host: services/media/serving/roots.ts (SEC-6).
 *
 * URL form: media://local/<each path segment percent-encoded>, e.g.
 *   /home/ana/My Film/media/ab/abcd.mp4 -> media://local/home/ana/My%20Film/media/ab/abcd.mp4
 *   C:\Users\ana\film\x.mp4             -> media://local/C%3A/Users/ana/film/x.mp4
 * UNC paths (\\server\share) are not representable yet: such a project's media is refused.
 */
import path from 'node:path';
import { MEDIA_SCHEME } from '../security/origin.js';

export const MEDIA_HOST = 'local';

export function mediaUrlFor(absPath: string, pathApi: path.PlatformPath = path): string {
  const parts = absPath.split(pathApi.sep).filter((p) => p.length > 0);
  return `${MEDIA_SCHEME}://${MEDIA_HOST}/${parts.map(encodeURIComponent).join('/')}`;
}

/**
 * The absolute path a media:// URL names, or null when the URL is not one of ours or is
 * malformed. The URL parser already folded `.`/`..` segments (also `%2e%2e`); a segment
 * that still decodes to a separator, a dot segment or NUL is refused outright, so an
 * encoded `..%2f` cannot climb out after decoding.
 */
export function pathFromMediaUrl(url: string, pathApi: path.PlatformPath = path): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${MEDIA_SCHEME}:` || u.host !== MEDIA_HOST || u.username !== '' || u.password !== '') return null;
  const segments: string[] = [];
  for (const raw of u.pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '.' || seg === '..' || seg.includes('/') || seg.includes('\0')) return null;
    if (pathApi.sep === '\\' && seg.includes('\\')) return null;
    segments.push(seg);
  }
  if (segments.length === 0) return null;
  const joined = pathApi.sep === '\\' ? segments.join('\\') : `/${segments.join('/')}`;
  // Windows: "C:" first (a drive); a UNC or relative form is not absolute and is refused.
  if (!pathApi.isAbsolute(joined) || (pathApi.sep === '\\' && !/^[A-Za-z]:\\/.test(joined))) return null;
  return pathApi.normalize(joined);
}
