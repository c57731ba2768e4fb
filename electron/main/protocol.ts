/**
 * Our two schemes. app:// serves the built renderer (never file://, checklist item 18);
 * media:// serves project media with Range support so <video> can seek (SEC-6/7).
 * The decisions live in protocol/*.ts (electron-free, unit tested); this file only binds them.
 */
import { protocol } from 'electron';
import { handleAppRequest, handleMediaRequest } from './protocol/fileResponse.js';
import { CONTENT_SECURITY_POLICY } from './security/csp.js';
import { APP_SCHEME, MEDIA_SCHEME } from './security/origin.js';

/** Must run before app 'ready' (Electron reads scheme privileges at startup). */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origin + relative URLs; secure: counts as a secure context like https.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    // stream: lets <video> consume the body progressively instead of buffering it all:
    // https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes
    {
      scheme: MEDIA_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
    },
  ]);
}

export interface ProtocolSources {
  rendererDir: string;
  /** Read on every request: the open project changes while the app runs. */
  mediaRoots(): string[];
}

/** After 'ready', on the session the window uses (the default one). */
export function handleSchemes(sources: ProtocolSources): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, sources.rendererDir, CONTENT_SECURITY_POLICY));
  protocol.handle(MEDIA_SCHEME, (request) => handleMediaRequest(request, sources.mediaRoots()));
}
