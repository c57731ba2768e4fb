/**
 * Where a provider's key comes from in the environment (the CLI, the browser host, CI).
 * Settings keep ONE secret per provider; most providers take it from STORYBOARD_<P>_API_KEY.
 * A provider whose credential has several parts declares them here, and the settings service
 * (hasKey, keySource, enabled) and the adapter read the environment through envKey() only, so
 * they cannot disagree about whether a key is set.
 * Pure: the environment is passed in. Never put a key's value in a message.
 */

/** STORYBOARD_<PROVIDER>_<SUFFIX>: the provider id upper-cased, other characters as _. */
export function envName(providerId: string, suffix: string): string {
  return `STORYBOARD_${providerId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${suffix}`;
}

interface MultiPartKey {
  /** Suffixes of STORYBOARD_<P>_<suffix>, all required, in the order they are joined. */
  parts: readonly string[];
  /** How the parts are joined into the one stored secret (and split again by the adapter). */
  separator: string;
  /** What the single API_KEY variable / key field holds instead. */
  combinedHint: string;
}

/**
 * Providers whose key is more than one value. Kling signs a JWT from an access key and a
 * secret key (providers.md §5): its key field holds "accessKey:secretKey".
 */
const MULTI_PART: Readonly<Record<string, MultiPartKey>> = {
  kling: { parts: ['ACCESS_KEY', 'SECRET_KEY'], separator: ':', combinedHint: 'accessKey:secretKey' },
};

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The key from the environment, or null: STORYBOARD_<P>_API_KEY, else (for a multi-part
 * provider) all of its part variables joined by its separator. A part set alone is no key.
 */
export function envKey(providerId: string, env: Env): string | null {
  const single = env[envName(providerId, 'API_KEY')]?.trim();
  if (single) return single;
  const multi = MULTI_PART[providerId];
  if (!multi) return null;
  const values = multi.parts.map((p) => env[envName(providerId, p)]?.trim() ?? '');
  return values.every(Boolean) ? values.join(multi.separator) : null;
}

/**
 * The pieces of a key that may show up on their own in text a provider sends back (a secret
 * key quoted without its access key), for redaction. A single-part key is itself.
 */
export function keyPieces(providerId: string, key: string): string[] {
  const multi = MULTI_PART[providerId];
  if (!multi) return [key];
  const i = key.indexOf(multi.separator);
  return i > 0 ? [key, key.slice(0, i).trim(), key.slice(i + multi.separator.length).trim()] : [key];
}

/**
 * The variable names a user can set, as alternatives: each inner list is one complete way
 * (e.g. [[STORYBOARD_KLING_API_KEY], [STORYBOARD_KLING_ACCESS_KEY, STORYBOARD_KLING_SECRET_KEY]]).
 */
export function keyEnvNames(providerId: string): string[][] {
  const multi = MULTI_PART[providerId];
  return [[envName(providerId, 'API_KEY')], ...(multi ? [multi.parts.map((p) => envName(providerId, p))] : [])];
}

/** How the one key field must be written for a multi-part provider ("accessKey:secretKey"), else null. */
export function keyFormatHint(providerId: string): string | null {
  return MULTI_PART[providerId]?.combinedHint ?? null;
}

/** The variables in words, for messages: "A", or "A (accessKey:secretKey), or B and C". */
export function keyEnvHint(providerId: string): string {
  const multi = MULTI_PART[providerId];
  const [single = [], ...others] = keyEnvNames(providerId);
  if (!multi) return single.join('');
  return [`${single.join('')} ("${multi.combinedHint}")`, ...others.map((o) => o.join(' and '))].join(', or ');
}
