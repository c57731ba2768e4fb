/**
 * The services facade: one object per window (or CLI run, or browser host) that implements
 * every method of the contract over the domain services. Bindings (Electron IPC, WebSocket
 * host, CLI) validate requests with shared/api/dispatch.ts and call `handlers` only.
 */
import type { MenuDescription } from '../../shared/api/menu.js';
import { menuHandlers } from './facade/menu.js';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload, Handlers } from '../../shared/api/contract.js';
import { EventHub } from './events.js';
import type { SecretStore } from './settings/secrets.js';
import { resolveFfmpegPaths, setFfPaths } from './ffmpeg/binaries.js';
import { Session, type SessionOptions } from './facade/session.js';
import { sweepStagedUploads, UPLOAD_TTL_MS } from './media/stagedUploads.js';
import { audioHandlers } from './facade/audio.js';
import { continuityHandlers } from './facade/continuity.js';
import { multiShotHandlers } from './facade/multiShot.js';
import { deliveryHandlers } from './facade/delivery.js';
import { c2paHandlers } from './facade/c2pa.js';
import { dialogueHandlers } from './facade/dialogue.js';
import { elementHandlers } from './facade/elements.js';
import { exportHandlers } from './facade/export.js';
import { generationHandlers } from './facade/generation.js';
import { handoffHandlers } from './facade/handoff.js';
import { historyHandlers } from './facade/history.js';
import { keyframeHandlers } from './facade/keyframes.js';
import { sentPreviewHandlers } from './facade/sentPreview.js';
import { mediaHandlers } from './facade/media.js';
import { projectHandlers } from './facade/project.js';
import { sceneHandlers } from './facade/scenes.js';
import { scriptHandlers } from './facade/script.js';
import { createServices } from './facade/services.js';
import { settingsHandlers } from './facade/settings.js';
import { shotHandlers } from './facade/shots.js';
import { takeHandlers } from './facade/takes.js';
import { folderHandlers } from './facade/folders.js';
import { breakdownHandlers } from './facade/breakdown.js';
import { templateHandlers } from './facade/template.js';
import { trackHandlers } from './facade/tracks.js';
import { variantHandlers } from './facade/variants.js';

export interface AppServicesOptions extends SessionOptions {
  host: 'electron' | 'browser' | 'cli';
  /** Where the UI suggests creating projects (serve's <dir>, or the user's Documents). */
  suggestedDir?: string | null;
  /** ffmpeg chosen in settings; wins over FFMPEG_PATH, bundled binaries and PATH. */
  ffmpegPath?: string;
  /** A packaged app's bundled ffmpeg folder (process.resourcesPath/ffmpeg). */
  ffmpegResourcesDir?: string;
  /** Where app settings live (Electron: userData); default STORYBOARD_CONFIG_DIR or ~/.config. */
  configDir?: string;
  /** The OS keychain (Electron safeStorage); without it keys come from the environment only. */
  secrets?: SecretStore;
  /** Staged uploads idle this long are removed (default UPLOAD_TTL_MS; media/stagedUploads.ts). */
  uploadTtlMs?: number;
  /** Shows a file in the system's file manager (Electron: shell.showItemInFolder); absent elsewhere. */
  revealPath?: (absPath: string) => void;
  /** Builds the native menu the renderer describes (Electron main); absent elsewhere. */
  setMenu?: (menu: MenuDescription) => void;
}

export interface AppServices {
  handlers: Handlers;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Absolute folders whose files may be served to the renderer (open project folders). */
  mediaRoots(): string[];
  /** A fresh path where the browser host may write an uploaded file before import. */
  stageUpload(fileName: string): { path: string };
  close(): Promise<void>;
}

export function createAppServices(opts: AppServicesOptions): AppServices {
  configureFfmpeg(opts);
  const hub = new EventHub();
  const uploads = join(tmpdir(), `storyboard-uploads-${process.pid}-${randomUUID().slice(0, 8)}`);
  const session = new Session(hub, opts, uploads);
  const uploadTtlMs = opts.uploadTtlMs ?? UPLOAD_TTL_MS;
  const uploadSweep = setInterval(
    () => sweepStagedUploads(uploads, uploadTtlMs),
    Math.min(uploadTtlMs, 60_000) || 60_000,
  );
  uploadSweep.unref();
  const services = createServices({
    ...(opts.configDir ? { configDir: opts.configDir } : {}),
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
  });
  // One module per contract namespace (facade/<namespace>.ts); `Handlers` checks none is missing.
  const handlers: Handlers = {
    ...projectHandlers(session, services, opts),
    ...historyHandlers(session),
    ...shotHandlers(session),
    ...takeHandlers(session),
    ...sceneHandlers(session),
    ...mediaHandlers(session),
    ...elementHandlers(session),
    ...audioHandlers(session),
    ...generationHandlers(session, services),
    ...exportHandlers(session, opts),
    ...handoffHandlers(session),
    ...settingsHandlers(services),
    ...deliveryHandlers(session, opts),
    ...c2paHandlers(opts),
    ...dialogueHandlers(session, services),
    ...folderHandlers(opts),
    ...menuHandlers(opts),
    ...scriptHandlers(session),
    ...continuityHandlers(session, services),
    ...keyframeHandlers(session, services),
    ...sentPreviewHandlers(session, services),
    ...multiShotHandlers(session, services),
    ...breakdownHandlers(session, services),
    ...templateHandlers(session),
    ...trackHandlers(session),
    ...variantHandlers(session, services),
  };
  return {
    handlers,
    on: (event, listener) => hub.on(event, listener),
    // The open project, and the variants folder under review (its MP4s play in the grid).
    mediaRoots: () => [...session.mediaRoots(), ...services.variants.roots()],
    stageUpload(fileName) {
      sweepStagedUploads(uploads, uploadTtlMs);
      mkdirSync(uploads, { recursive: true });
      // Keep the user's name (ffprobe and error messages show it) but never its folders.
      const safe =
        basename(fileName)
          .replace(/[\\/\0]/g, '_')
          .slice(-180) || 'upload';
      const dir = join(uploads, randomUUID());
      mkdirSync(dir);
      return { path: join(dir, safe) };
    },
    async close() {
      clearInterval(uploadSweep);
      await session.close();
      rmSync(uploads, { recursive: true, force: true });
      hub.clear();
    },
  };
}

function configureFfmpeg(opts: AppServicesOptions): void {
  if (!opts.ffmpegPath && !opts.ffmpegResourcesDir) return; // resolved lazily on first use
  try {
    setFfPaths(
      resolveFfmpegPaths({
        ...(opts.ffmpegPath ? { ffmpegPath: opts.ffmpegPath } : {}),
        ...(opts.ffmpegResourcesDir ? { resourcesDir: opts.ffmpegResourcesDir } : {}),
      }),
    );
  } catch {
    // Not fatal at start: the first media operation reports FFMPEG_MISSING with how to fix it.
  }
}
