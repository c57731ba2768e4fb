/**
 * Provider API keys, encrypted by the OS keychain (Electron safeStorage) and kept in one
 * file in the user's app-data folder: never in a project, a log or an error message
 * (SEC-10). The cipher is injected so this file has no `electron` import and is unit tested.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';

export interface Cipher {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text' means a fixed, public key (obfuscation, not encryption). */
  backend(): string | null;
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
}

interface SecretsFile {
  version: 1;
  /** providerId -> base64 of the OS-encrypted blob. */
  secrets: Record<string, string>;
}

const PROVIDER_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** No prototype: a provider called "constructor" must not find Object's. */
function emptySecrets(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

function checkProviderId(providerId: string): void {
  if (!PROVIDER_ID.test(providerId)) {
    throw new AppError(
      'INVALID_INPUT',
      `"${providerId.slice(0, 64)}" is not a provider id (lowercase letters, digits, . _ -).`,
    );
  }
}

export class SecretStore {
  constructor(
    private readonly file: string,
    private readonly cipher: Cipher,
  ) {}

  /** Why keys cannot be stored on this machine, or null when they can. */
  unavailableReason(): string | null {
    if (!this.cipher.isEncryptionAvailable()) {
      return 'API keys cannot be saved: this system offers no keychain to encrypt them. Set STORYBOARD_<PROVIDER>_API_KEY in the environment instead.';
    }
    if (this.cipher.backend() === 'basic_text') {
      return 'API keys cannot be saved: no keyring (GNOME Keyring or KWallet) is running, so they would be stored with a publicly known password. Start a keyring, or set STORYBOARD_<PROVIDER>_API_KEY in the environment instead.';
    }
    return null;
  }

  /**
   * The key, or null when none is stored or it can no longer be decrypted (a reset
   * keychain, a profile copied from another machine): the UI asks for it again.
   */
  async get(providerId: string): Promise<string | null> {
    checkProviderId(providerId);
    const blob = (await this.read()).secrets[providerId];
    if (blob === undefined || this.unavailableReason() !== null) return null;
    try {
      return this.cipher.decrypt(Buffer.from(blob, 'base64'));
    } catch {
      return null;
    }
  }

  async set(providerId: string, secret: string): Promise<void> {
    checkProviderId(providerId);
    if (secret.length === 0 || secret.length > 8192) {
      throw new AppError('INVALID_INPUT', 'An API key must be between 1 and 8192 characters long.');
    }
    const reason = this.unavailableReason();
    if (reason !== null) throw new AppError('FORBIDDEN', reason);
    const data = await this.read();
    data.secrets[providerId] = this.cipher.encrypt(secret).toString('base64');
    await this.write(data);
  }

  async delete(providerId: string): Promise<void> {
    checkProviderId(providerId);
    const data = await this.read();
    if (data.secrets[providerId] === undefined) return;
    delete data.secrets[providerId];
    await this.write(data);
  }

  /** Which providers have a stored key (names only; never the keys). */
  async providers(): Promise<string[]> {
    return Object.keys((await this.read()).secrets).sort();
  }

  private async read(): Promise<SecretsFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: emptySecrets() };
      throw err;
    }
    try {
      const parsed = JSON.parse(text) as Partial<SecretsFile>;
      if (
        parsed.version === 1 &&
        parsed.secrets &&
        typeof parsed.secrets === 'object' &&
        !Array.isArray(parsed.secrets)
      ) {
        const secrets = emptySecrets();
        for (const [k, v] of Object.entries(parsed.secrets))
          if (PROVIDER_ID.test(k) && typeof v === 'string') secrets[k] = v;
        return { version: 1, secrets };
      }
    } catch {
      // fall through: a damaged file is reported below, not silently replaced.
    }
    throw new AppError(
      'INTERNAL',
      `The saved API keys file is damaged: ${this.file}. Delete it and enter the keys again.`,
    );
  }

  /** Temp file + rename: a crash never leaves half a file; 0600 so other users can't read it. */
  private async write(data: SecretsFile): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify({ version: 1, secrets: data.secrets }), { mode: 0o600 });
      await rename(tmp, this.file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}
