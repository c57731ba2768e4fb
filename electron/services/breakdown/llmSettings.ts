/**
 * Where the AI breakdown's endpoint settings live: <configDir>/llm.json (beside settings.json,
 * written atomically the same way) and the key in the same SecretStore as the video providers'
 * keys, under LLM_SECRET_ID. The environment wins, as for providers: STORYBOARD_LLM_API_KEY,
 * STORYBOARD_LLM_BASE_URL, STORYBOARD_LLM_MODEL, STORYBOARD_LLM_TIMEOUT_MS (tests).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors.js';
import { envKey, envName } from '../../../shared/generation/keyEnv.js';
import { LLM_PRESETS, LLM_PRESET_IDS, type LlmPreset } from '../../../shared/breakdown/presets.js';
import {
  LLM_SECRET_ID,
  LlmPrefsSchema,
  type LlmPrefs,
  type LlmSettingsUpdate,
  type LlmSettingsView,
} from '../../../shared/breakdown/settings.js';
import type { SecretStore } from '../settings/secrets.js';

/** What one request uses, resolved now. */
export interface LlmEndpoint {
  preset: LlmPreset;
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
}

export class LlmSettings {
  private readonly file: string;

  constructor(
    private readonly configDir: string,
    private readonly secrets: SecretStore,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {
    this.file = join(configDir, 'llm.json');
  }

  read(): LlmPrefs {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return LlmPrefsSchema.parse({});
      throw new AppError(
        'INTERNAL',
        `The AI settings file "${this.file}" could not be read: ${(err as Error).message}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('INVALID_INPUT', `The AI settings file "${this.file}" is not valid JSON; fix or delete it.`);
    }
    const parsed = LlmPrefsSchema.safeParse(json);
    if (!parsed.success)
      throw new AppError(
        'INVALID_INPUT',
        `The AI settings file "${this.file}" is not valid: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
      );
    return parsed.data;
  }

  private write(next: LlmPrefs): void {
    mkdirSync(this.configDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  private envBaseUrl(): string | null {
    return this.env[envName(LLM_SECRET_ID, 'BASE_URL')]?.trim() || null;
  }

  private async keySource(): Promise<'env' | 'store' | null> {
    if (envKey(LLM_SECRET_ID, this.env) !== null) return 'env';
    return (await this.secrets.get(LLM_SECRET_ID).catch(() => null)) ? 'store' : null;
  }

  async view(): Promise<LlmSettingsView> {
    const p = this.read();
    const preset = LLM_PRESETS[p.preset];
    const keySource = await this.keySource();
    return {
      preset: p.preset,
      baseUrl: this.envBaseUrl() ?? p.baseUrl ?? preset.baseUrl,
      baseUrlFromEnv: this.envBaseUrl() !== null,
      model: this.env[envName(LLM_SECRET_ID, 'MODEL')]?.trim() || p.model || preset.defaultModel,
      timeoutSec: p.timeoutSec,
      hasKey: keySource !== null,
      keySource,
      needsKey: preset.needsKey && keySource === null,
      canStoreKeys: Boolean(this.secrets.set),
      presets: LLM_PRESET_IDS.map((id) => ({
        id,
        label: LLM_PRESETS[id].label,
        baseUrl: LLM_PRESETS[id].baseUrl,
        model: LLM_PRESETS[id].defaultModel,
      })),
    };
  }

  async update(patch: LlmSettingsUpdate): Promise<LlmSettingsView> {
    const p = this.read();
    if (patch.apiKey !== undefined) {
      const op = patch.apiKey === null ? this.secrets.delete : this.secrets.set;
      if (!op)
        throw keyedError(
          'FORBIDDEN',
          'svc.settings.keysNotSaved',
          { env: envName(LLM_SECRET_ID, 'API_KEY') },
          `API keys cannot be saved here; set ${envName(LLM_SECRET_ID, 'API_KEY')} in the environment instead.`,
        );
      const key = patch.apiKey;
      await (key === null ? this.secrets.delete?.(LLM_SECRET_ID) : this.secrets.set?.(LLM_SECRET_ID, key))?.catch(
        () => {
          throw new AppError('INTERNAL', 'The AI endpoint key could not be saved in the system keychain.');
        },
      );
    }
    const next: LlmPrefs = { ...p };
    if (patch.preset !== undefined && patch.preset !== p.preset) {
      // Another service: its own address and model unless given in the same change.
      next.preset = patch.preset;
      next.baseUrl = null;
      next.model = null;
    }
    if (patch.baseUrl !== undefined) next.baseUrl = patch.baseUrl;
    if (patch.model !== undefined) next.model = patch.model;
    if (patch.timeoutSec !== undefined) next.timeoutSec = patch.timeoutSec;
    this.write(LlmPrefsSchema.parse(next));
    return this.view();
  }

  /**
   * The endpoint for one request. `override` (CLI --llm/--model) changes the address for this
   * request only; a key saved in the keychain is sent only to the saved address (never to one
   * a caller just named), a key from the environment to whatever this process talks to.
   */
  async endpoint(override: { baseUrl?: string | undefined; model?: string | undefined } = {}): Promise<LlmEndpoint> {
    const view = await this.view();
    const preset = LLM_PRESETS[view.preset];
    const baseUrl = override.baseUrl ?? view.baseUrl;
    const model = override.model ?? view.model;
    if (!model)
      throw keyedError(
        'INVALID_INPUT',
        'svc.breakdown.noModel',
        {},
        'No model is set for the AI endpoint: choose one in Settings → AI breakdown (or pass --model).',
      );
    let apiKey = envKey(LLM_SECRET_ID, this.env);
    if (!apiKey && baseUrl === view.baseUrl) apiKey = await this.secrets.get(LLM_SECRET_ID).catch(() => null);
    if (!apiKey && preset.needsKey && override.baseUrl === undefined)
      throw keyedError(
        'INVALID_INPUT',
        'svc.breakdown.noKey',
        { service: preset.label, env: envName(LLM_SECRET_ID, 'API_KEY') },
        `${preset.label} needs an API key: add it in Settings → AI breakdown (or set ${envName(LLM_SECRET_ID, 'API_KEY')}).`,
      );
    const envTimeout = Number(this.env[envName(LLM_SECRET_ID, 'TIMEOUT_MS')]);
    return {
      preset,
      baseUrl,
      model,
      apiKey,
      timeoutMs: Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : view.timeoutSec * 1000,
    };
  }
}
