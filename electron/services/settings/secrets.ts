/**
 * Where provider API keys come from. The Electron app passes its safeStorage-backed store
 * (electron/main/secrets.ts has this shape); the CLI, the browser host and tests use the
 * environment only (STORYBOARD_<PROVIDER>_API_KEY) and never write a key anywhere.
 */
import { envKey } from '../../../shared/generation/keyEnv.js';

export interface SecretStore {
  get(providerId: string): Promise<string | null>;
  /** Absent: keys cannot be saved here (set them in the environment instead). */
  set?(providerId: string, secret: string): Promise<void>;
  delete?(providerId: string): Promise<void>;
  /** Why keys cannot be stored safely right now (e.g. Linux basic_text), or null. */
  unavailableReason?(): string | null;
}

export { envName } from '../../../shared/generation/keyEnv.js';

/**
 * Read-only keys from the environment: STORYBOARD_<P>_API_KEY, or a multi-part provider's
 * variables joined (shared/generation/keyEnv.ts; Kling: ACCESS_KEY + SECRET_KEY).
 */
export function envSecretStore(env: Record<string, string | undefined> = process.env): SecretStore {
  return {
    get: (providerId) => Promise.resolve(envKey(providerId, env)),
  };
}

/**
 * The environment first (so tests and CI can override), then the app's store. Writes go to
 * the app's store only.
 */
export function layeredSecretStore(
  app: SecretStore,
  env: Record<string, string | undefined> = process.env,
): SecretStore {
  const fromEnv = envSecretStore(env);
  const layered: SecretStore = {
    async get(providerId) {
      return (await fromEnv.get(providerId)) ?? (await app.get(providerId));
    },
  };
  if (app.set) layered.set = app.set.bind(app);
  if (app.delete) layered.delete = app.delete.bind(app);
  if (app.unavailableReason) layered.unavailableReason = app.unavailableReason.bind(app);
  return layered;
}

export { redact } from '../../../shared/generation/redact.js';
