/**
 * The renderer's Content-Security-Policy, built from a directive table so each source is
 * reviewed on its own line. No 'unsafe-inline' / 'unsafe-eval' for scripts (SEC-8): a prompt
 * or title holding `<script>` or `<img onerror>` cannot run even if it reached the DOM.
 * Styles are also 'self' only: the Vite build emits CSS files, and React's style props go
 * through the CSSOM, which CSP does not block. Same shape as the browser host's policy.
 */
import { MEDIA_SCHEME } from './origin.js';

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

export const CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // Thumbnails and frames come from media://; canvases export to blob:/data: URLs.
  'img-src': ["'self'", `${MEDIA_SCHEME}:`, 'data:', 'blob:'],
  'media-src': ["'self'", `${MEDIA_SCHEME}:`, 'blob:'],
  'font-src': ["'self'", 'data:'],
  // fetch() of media (waveforms, filmstrip sprites); the contract goes over IPC, not HTTP.
  'connect-src': ["'self'", `${MEDIA_SCHEME}:`],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

const NAME = /^[a-z-]+$/;
// A source token: a quoted keyword, a scheme ("media:"), or a host-ish token. No spaces,
// semicolons or commas, which would smuggle a new directive or a second policy.
const SOURCE = /^(?:'[a-z0-9-]+'|[a-z][a-z0-9+.-]*:|[a-z0-9*][a-z0-9.:/*-]*)$/i;

export function buildCsp(directives: CspDirectives = CSP_DIRECTIVES): string {
  const parts: string[] = [];
  for (const [name, sources] of Object.entries(directives)) {
    if (!NAME.test(name)) throw new Error(`Invalid CSP directive name: ${JSON.stringify(name)}`);
    if (sources.length === 0) throw new Error(`CSP directive ${name} has no sources`);
    for (const s of sources) {
      if (!SOURCE.test(s)) throw new Error(`Invalid CSP source in ${name}: ${JSON.stringify(s)}`);
    }
    parts.push(`${name} ${sources.join(' ')}`);
  }
  return parts.join('; ');
}

export const CONTENT_SECURITY_POLICY = buildCsp();
