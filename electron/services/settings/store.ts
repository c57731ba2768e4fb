/**
 * The app's settings file (<configDir>/settings.json) and the provider settings the job path
 * uses. Keys come from the injected SecretStore only and never reach this file, a project,
 * an event or an error message. Writes are atomic (temp file + rename).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors.js';
import { priceTable } from '../../../shared/generation/prices.js';
import type { PriceEntry } from '../../../shared/generation/priceList.js';
import {
  AppSettingsSchema,
  type AppSettings,
  type SettingsUpdate,
  type SettingsView,
} from '../../../shared/generation/settings.js';
import type { ProviderAdapter, ProviderSettings } from '../generation/types.js';
import { envKey, keyEnvHint, keyPieces } from '../../../shared/generation/keyEnv.js';
import { hasWatermarkSetting, resolveWatermark } from '../../../shared/generation/watermark.js';
import { envName, envSecretStore, type SecretStore } from './secrets.js';

/**
 * Whether a provider is on (settings.get, providers.list). The user's explicit choice wins.
 * Never toggled: an offline provider is on; a cloud one is on when it has a key (from the
 * environment, e.g. the CLI and tests, or saved in the app), since it cannot run without one.
 * Only an explicit "off" refuses generation (disabledProviders): an untoggled cloud provider
 * without a key is shown off and fails on its missing key, as before.
 */
/**
 * A key as the providers issue them: one run of printable ASCII, no spaces or line breaks, at
 * least 8 characters (fal "id:secret", Replicate "r8_…", OpenAI "sk-…", Kling "access:secret",
 * DashScope "sk-…"); a whole pasted line ("Authorization: Bearer …") or a half key is refused
 * before it reaches the keychain.
 */
function plausibleKey(key: string): boolean {
  return /^[\x21-\x7e]{8,}$/.test(key);
}

export function providerEnabled(p: { explicit: boolean | undefined; offline: boolean; hasKey: boolean }): boolean {
  return p.explicit ?? (p.offline || p.hasKey);
}

/** STORYBOARD_CONFIG_DIR, else $XDG_CONFIG_HOME/storyboard, else ~/.config/storyboard. */
export function defaultConfigDir(env: Record<string, string | undefined> = process.env): string {
  return env.STORYBOARD_CONFIG_DIR || join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'storyboard');
}

export interface SettingsServiceOptions {
  configDir: string;
  secrets?: SecretStore;
  env?: Record<string, string | undefined>;
  /** The providers to describe (the registry's list). */
  providers: () => readonly Pick<ProviderAdapter, 'id' | 'label' | 'offline'>[];
}

export class SettingsService {
  private readonly file: string;
  private readonly secrets: SecretStore;
  private readonly env: Record<string, string | undefined>;

  constructor(private readonly opts: SettingsServiceOptions) {
    this.file = join(opts.configDir, 'settings.json');
    this.env = opts.env ?? process.env;
    this.secrets = opts.secrets ?? envSecretStore(this.env);
  }

  /** The saved settings; a missing file is the defaults, a damaged one a clear error. */
  read(): AppSettings {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return AppSettingsSchema.parse({});
      throw new AppError('INTERNAL', `The settings file "${this.file}" could not be read: ${(err as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('INVALID_INPUT', `The settings file "${this.file}" is not valid JSON; fix or delete it.`);
    }
    const parsed = AppSettingsSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError(
        'INVALID_INPUT',
        `The settings file "${this.file}" is not valid: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
      );
    }
    return parsed.data;
  }

  private write(next: AppSettings): void {
    mkdirSync(this.opts.configDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  /** Saves the consistency check's drift thresholds (one field; the rest of the file is kept). */
  setContinuityThresholds(thresholds: NonNullable<AppSettings['continuityThresholds']>): void {
    this.write({ ...this.read(), continuityThresholds: thresholds });
  }

  /**
   * Providers the user turned off in settings. New generation on them is refused before any
   * job is written (generation/service.ts); jobs already sent are still followed (paid for).
   */
  disabledProviders(s: AppSettings = this.read()): Set<string> {
    return new Set(
      Object.entries(s.providers)
        .filter(([, p]) => p.enabled === false)
        .map(([id]) => id),
    );
  }

  /** Whether a key is set, and where: the environment (envKey) wins over the app's store. */
  private async keySource(providerId: string): Promise<'env' | 'store' | null> {
    if (envKey(providerId, this.env) !== null) return 'env';
    return (await this.secrets.get(providerId).catch(() => null)) ? 'store' : null;
  }

  async view(): Promise<SettingsView> {
    const s = this.read();
    const providers = await Promise.all(
      this.opts.providers().map(async (p) => {
        const envUrl = this.env[envName(p.id, 'BASE_URL')] || null;
        const keySource = await this.keySource(p.id);
        return {
          id: p.id,
          label: p.label,
          offline: p.offline,
          enabled: providerEnabled({
            explicit: s.providers[p.id]?.enabled,
            offline: p.offline,
            hasKey: keySource !== null,
          }),
          baseUrl: envUrl ?? s.providers[p.id]?.baseUrl ?? null,
          baseUrlFromEnv: envUrl !== null,
          hasKey: keySource !== null,
          keySource,
          // Only where the provider's API has the choice (watermark.ts).
          ...(hasWatermarkSetting(p.id) ? { watermark: this.watermark(p.id, s) } : {}),
        };
      }),
    );
    return {
      providers,
      priceOverrides: s.priceOverrides,
      defaultProvider: s.defaultProvider,
      defaultModel: s.defaultModel,
      canStoreKeys: Boolean(this.secrets.set),
      keyStoreProblem: this.secrets.unavailableReason?.() ?? null,
    };
  }

  async update(patch: SettingsUpdate): Promise<SettingsView> {
    const s = this.read();
    const known = new Set(this.opts.providers().map((p) => p.id));
    for (const [id, change] of Object.entries(patch.providers ?? {})) {
      if (!known.has(id))
        throw keyedError(
          'INVALID_INPUT',
          'svc.settings.unknownProvider',
          { provider: id, known: [...known].join(', ') },
          `Unknown provider "${id}". Available: ${[...known].join(', ')}`,
        );
      if (change.apiKey !== undefined) {
        const op = change.apiKey === null ? this.secrets.delete : this.secrets.set;
        if (!op) {
          throw keyedError(
            'FORBIDDEN',
            'svc.settings.keysNotSaved',
            { env: keyEnvHint(id) },
            `API keys cannot be saved here; set ${keyEnvHint(id)} in the environment instead.`,
          );
        }
        if (typeof change.apiKey === 'string' && !plausibleKey(change.apiKey))
          throw keyedError(
            'INVALID_INPUT',
            'pathErrors.settings.badKey',
            { provider: id },
            `That is not an API key for ${id}: a key is one word of at least 8 letters, digits or signs, without spaces or line breaks. Copy it again from the provider's console.`,
          );
        // The key itself is never part of an error: a store failure names the provider only.
        await (change.apiKey === null ? this.secrets.delete?.(id) : this.secrets.set?.(id, change.apiKey))?.catch(
          () => {
            throw keyedError(
              'INTERNAL',
              'pathErrors.settings.keychain',
              { provider: id },
              `The key for ${id} could not be saved in the system keychain.`,
            );
          },
        );
      }
      const prefs = { ...(s.providers[id] ?? {}) };
      if (change.enabled !== undefined) prefs.enabled = change.enabled;
      if (change.baseUrl === null) delete prefs.baseUrl;
      else if (change.baseUrl !== undefined) prefs.baseUrl = change.baseUrl;
      if (change.watermark !== undefined && !hasWatermarkSetting(id))
        throw new AppError('INVALID_INPUT', `${id} has no watermark choice in its API; nothing to set.`, {
          provider: id,
        });
      if (change.watermark === null) delete prefs.watermark;
      else if (change.watermark !== undefined) prefs.watermark = change.watermark;
      s.providers[id] = prefs;
    }
    if (patch.priceOverrides) s.priceOverrides = patch.priceOverrides;
    if (patch.defaultProvider !== undefined) s.defaultProvider = patch.defaultProvider;
    if (patch.defaultModel !== undefined) s.defaultModel = patch.defaultModel;
    this.write(AppSettingsSchema.parse(s));
    return this.view();
  }

  /** STORYBOARD_<P>_WATERMARK wins over the saved choice, then the default (watermark.ts). */
  private watermark(id: string, s: AppSettings): boolean {
    return resolveWatermark(id, s.providers[id]?.watermark, this.env[envName(id, 'WATERMARK')]);
  }

  /** The price table with the user's overrides. */
  prices(): PriceEntry[] {
    return priceTable(this.read().priceOverrides);
  }

  /**
   * Settings for each provider, resolved now (keys are read asynchronously from the store),
   * as the synchronous lookup the job path takes. Env wins over saved values.
   */
  async providerSettings(ids: readonly string[]): Promise<(providerId: string) => ProviderSettings> {
    const s = this.read();
    const resolved = new Map<string, ProviderSettings>();
    for (const id of new Set(ids)) {
      const out: ProviderSettings = {};
      const baseUrl = this.env[envName(id, 'BASE_URL')] || s.providers[id]?.baseUrl;
      if (baseUrl) out.baseUrl = baseUrl;
      const key = await this.secrets.get(id).catch(() => null);
      if (key) out.apiKey = key;
      if (hasWatermarkSetting(id)) out.watermark = this.watermark(id, s);
      resolved.set(id, out);
    }
    return (id) => resolved.get(id) ?? {};
  }

  /** Every key currently known, for redacting text that leaves the process. */
  async knownKeys(): Promise<string[]> {
    const keys = await Promise.all(
      this.opts.providers().map(async (p) => {
        const key = await this.secrets.get(p.id).catch(() => null);
        // A two-part key (Kling) may come back quoted by halves.
        return key ? keyPieces(p.id, key) : [];
      }),
    );
    return keys.flat().filter(Boolean);
  }
}
