/**
 * Who the app trusts, as pure functions (no `electron` import) so they are unit tested:
 * the renderer's own origin, IPC senders, navigation targets, external links, permissions
 * and outgoing requests. Electron security checklist items 5, 13-15, 17:
 * https://www.electronjs.org/docs/latest/tutorial/security
 */

/** The renderer is served from a custom scheme, never file:// (checklist item 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'storyboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** Project media (clips, frames, thumbnails) for <video>/<img>; see protocol/mediaUrl.ts. */
export const MEDIA_SCHEME = 'media';

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for our own page: scheme, host and no credentials/port compared on a parsed URL
 * (a string prefix test lets `app://storyboard.evil/` through, checklist item 13). Node gives
 * custom schemes an opaque origin, so the parts are compared instead of `url.origin`.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

export interface SenderInfo {
  /** `event.senderFrame?.url`; undefined when the frame is gone (navigated or destroyed). */
  url: string | null | undefined;
  /** The frame is the top frame of one of our windows (not an iframe). */
  isMainFrame: boolean;
}

/**
 * IPC is answered only for the main frame of our page (VS Code's validatedIpcMain does the
 * same): an iframe, about:blank, data: or any other origin is refused before the handler runs.
 */
export function isTrustedSender(sender: SenderInfo | null | undefined): boolean {
  return sender != null && sender.isMainFrame === true && isAppUrl(sender.url);
}

/** In-app navigation is allowed only within our own origin (hash routes, reloads). */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * A link the user clicked that may be opened in the system browser: http(s) only, no
 * credentials, a real host. Anything else (javascript:, file:, smb:, custom handlers that
 * launch programs) is refused, checklist item 15. Returns the normalised URL or null.
 */
export function externalLinkTarget(url: string): string | null {
  const u = parse(url);
  if (u === null) return null;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username !== '' || u.password !== '' || u.hostname === '') return null;
  return u.href;
}

/**
 * Permissions the renderer may use. None today: the editor needs no camera, microphone,
 * notifications, geolocation, MIDI or clipboard-read (Electron grants every request unless
 * a handler says no, checklist item 5). Add one here with a reason when a feature needs it.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/**
 * The renderer loads nothing from the network or the file system directly ("no remote
 * content", design.md §8): only our two schemes plus in-memory data/blob URLs and devtools.
 */
const ALLOWED_REQUEST_SCHEMES: ReadonlySet<string> = new Set([
  `${APP_SCHEME}:`,
  `${MEDIA_SCHEME}:`,
  'data:',
  'blob:',
  'devtools:',
]);

export function isAllowedRequest(url: string): boolean {
  const u = parse(url);
  return u !== null && ALLOWED_REQUEST_SCHEMES.has(u.protocol);
}
