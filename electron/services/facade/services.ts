/**
 * The long-lived services one window's handlers share: app settings (keys, defaults, prices)
 * and the generation service built on them. Used by the generation, settings and project
 * handlers (a project's budget is checked by the generation service).
 */
import { listProviders } from '../generation/providers/index.js';
import { GenerationService } from '../generation/service.js';
import { importFile } from '../media/mediaStore.js';
import type { ProjectStore } from '../project/store.js';
import { envSecretStore, type SecretStore } from '../settings/secrets.js';
import { defaultConfigDir, SettingsService } from '../settings/store.js';
import { RecentProjects } from '../project/recentProjects.js';
import { loadSharedMedia } from '../variants/sharedMedia.js';
import { BreakdownService } from '../breakdown/service.js';
import { LlmSettings } from '../breakdown/llmSettings.js';
import { VariantsReviewService } from '../variants/review.js';

export interface ServicesOptions {
  /** Where settings.json lives (default: STORYBOARD_CONFIG_DIR or ~/.config/storyboard). */
  configDir?: string;
  /** The app's key store (Electron: safeStorage); default: STORYBOARD_<PROVIDER>_API_KEY only. */
  secrets?: SecretStore;
}

export interface FacadeServices {
  settings: SettingsService;
  generation: GenerationService<ProjectStore>;
  /** The recent projects list (in the config folder beside settings.json). */
  recent: RecentProjects;
  /** AI breakdown and prompt enhancer over an OpenAI-compatible chat endpoint (llm.json + the same key store). */
  breakdown: BreakdownService;
  /** The variant review of `storyboard variants` output folders (and the template's last run, from the config folder). */
  variants: VariantsReviewService;
}

export function createServices(opts: ServicesOptions = {}): FacadeServices {
  const configDir = opts.configDir ?? defaultConfigDir();
  loadSharedMedia(configDir); // variant matrices' hard-linked media (variants/sharedMedia.ts)
  const settings = new SettingsService({
    configDir,
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
    providers: listProviders,
  });
  const generation = new GenerationService<ProjectStore>(settings, (store, path) =>
    importFile(store, path, 'generated'),
  );
  const breakdown = new BreakdownService(new LlmSettings(configDir, opts.secrets ?? envSecretStore()));
  return {
    settings,
    generation,
    recent: new RecentProjects(configDir),
    breakdown,
    variants: new VariantsReviewService(configDir),
  };
}
