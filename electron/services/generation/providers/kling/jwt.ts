/**
 * Kling's per-request credential (providers.md §5, commonInfo "API authentication"): a JWT
 * (RFC 7519) signed HS256 with the secret key, issuer = access key, valid 30 min from 5 s ago
 * (the 5 s absorbs clock skew). node:crypto only: no JWT dependency for one HMAC.
 */
import { createHmac } from 'node:crypto';
import { AppError } from '../../../../../shared/errors.js';
import { envKey, keyEnvHint } from '../../../../../shared/generation/keyEnv.js';
import type { ProviderSettings } from '../../types.js';

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

export function klingJwt(accessKey: string, secretKey: string, nowSec = Math.floor(Date.now() / 1000)): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ iss: accessKey, exp: nowSec + 1800, nbf: nowSec - 5 }));
  const signature = createHmac('sha256', secretKey).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export interface KlingKeys {
  accessKey: string;
  secretKey: string;
}

/**
 * The key pair. Settings keep ONE secret per provider, so Kling's key field holds
 * "accessKey:secretKey"; with the field empty the environment is read through envKey(), the
 * same lookup the settings service uses for hasKey (STORYBOARD_KLING_API_KEY, or
 * STORYBOARD_KLING_ACCESS_KEY + STORYBOARD_KLING_SECRET_KEY).
 */
export function klingKeys(
  settings: ProviderSettings,
  env: Record<string, string | undefined> = process.env,
): KlingKeys {
  const raw = settings.apiKey?.trim() || envKey('kling', env);
  if (!raw) {
    throw new AppError(
      'INVALID_INPUT',
      `No Kling key: enter "accessKey:secretKey" in settings, or set ${keyEnvHint('kling')}.`,
      { provider: 'kling', auth: true },
    );
  }
  const i = raw.indexOf(':');
  const accessKey = i > 0 ? raw.slice(0, i).trim() : '';
  const secretKey = i > 0 ? raw.slice(i + 1).trim() : '';
  if (!accessKey || !secretKey) {
    throw new AppError(
      'INVALID_INPUT',
      'The Kling key must be "accessKey:secretKey" (both from the Kling developer console, joined by a colon).',
      { provider: 'kling' },
    );
  }
  return { accessKey, secretKey };
}
