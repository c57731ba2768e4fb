/**
 * Contract handlers of delivery (shared/api/delivery.ts): an export run making several
 * deliverables, presets (built-in and the project's own), and the segment cache. A run
 * answers at once and reports through 'delivery.progress' events; the CLI calls the same.
 */
import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { DeliveryStart } from '../../../shared/api/delivery.js';
import {
  aspectDeliverable,
  BUILTIN_PRESETS,
  findPreset,
  projectResolution,
  type Deliverable,
} from '../../../shared/export/deliverable.js';
import { AppError, isCanceled, localizedMessage, toSerializedError } from '../../../shared/errors.js';
import { runDeliveryByAspect } from '../export/aspectDelivery.js';
import { DEFAULT_CACHE_MAX_BYTES, SegmentCache } from '../export/segmentCache.js';
import { resolveTitleFont } from '../generation/fonts.js';
import { DeliveryPresetOps } from '../project/deliveryPresets.js';
import { C2paSigningSettings } from '../settings/c2paSigning.js';
import { envSecretStore, type SecretStore } from '../settings/secrets.js';
import type { NamespaceHandlers, Session } from './session.js';

/** STORYBOARD_CACHE_DIR, else $XDG_CACHE_HOME/storyboard, else ~/.cache/storyboard; segments below it. */
export function segmentCacheDir(env: Record<string, string | undefined> = process.env): string {
  return join(
    env.STORYBOARD_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'storyboard'),
    'segments',
  );
}

/** STORYBOARD_CACHE_MAX_BYTES bounds the cache (default 4 GiB). */
export function segmentCacheMaxBytes(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.STORYBOARD_CACHE_MAX_BYTES);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_CACHE_MAX_BYTES;
}

/** The run's deliverables: presets by id, one per aspect, then whole ones; codec / loudness overrides applied. */
export function resolveDeliverables(
  input: DeliveryStart,
  project: { aspect: Deliverable['aspect']; width: number; height: number },
  own: readonly Deliverable[],
): Deliverable[] {
  const list: Deliverable[] = [];
  for (const id of input.presets) {
    const p = findPreset(id, own);
    if (!p) {
      const known = [...own.map((x) => x.id), ...BUILTIN_PRESETS.map((x) => x.id)].join(', ');
      throw new AppError('INVALID_INPUT', `There is no delivery preset "${id}". Presets: ${known}.`, { id });
    }
    list.push(p);
  }
  const resolution = projectResolution(project);
  for (const aspect of input.aspects) {
    list.push(
      aspectDeliverable(aspect, { resolution, codec: input.codec ?? 'h264', loudnessLufs: input.loudnessLufs ?? -14 }),
    );
  }
  list.push(...input.deliverables);
  if (list.length === 0) {
    // Only --codec / --loudness: the project's own aspect.
    list.push(
      aspectDeliverable(project.aspect, {
        resolution,
        codec: input.codec ?? 'h264',
        loudnessLufs: input.loudnessLufs ?? -14,
      }),
    );
  }
  return list.map((dv) => {
    const codec = input.codec ?? dv.codec;
    return {
      ...dv,
      codec,
      container: codec === 'prores' ? 'mov' : dv.container,
      loudnessLufs: input.loudnessLufs ?? dv.loudnessLufs,
    };
  });
}

export function deliveryHandlers(
  session: Session,
  host: { revealPath?: (absPath: string) => void; secrets?: SecretStore } = {},
): NamespaceHandlers<'delivery'> {
  const c2pa = new C2paSigningSettings(host.secrets ?? envSecretStore());
  // Only files a run of this window delivered may be revealed (never any path a page names).
  const delivered = new Set<string>();
  const cache = (): SegmentCache => new SegmentCache(segmentCacheDir(), segmentCacheMaxBytes());
  return {
    'delivery.start': async (input) => {
      const store = session.require();
      const own = new DeliveryPresetOps(store).list();
      const deliverables = resolveDeliverables(input, store.project(), own);
      const font = await resolveTitleFont().then(
        (f) => f.file,
        () => null,
      );
      // Configured but unusable credentials refuse the run here, before anything is written.
      const signer = await c2pa.signer();
      const runId = randomUUID();
      const controller = new AbortController();
      session.exports.set(runId, controller);
      const notes = [
        ...(font === null
          ? ['No font was found for the visible AI label: install fonts-noto-cjk or set a font in Settings.']
          : []),
        ...(signer === null
          ? [
              'No C2PA signing certificate is set (Settings → C2PA signing): the files carry no C2PA manifest; their provenance sidecars say "unsigned".',
            ]
          : []),
      ];
      // Each deliverable with the takes made for its aspect, if any (export/aspectDelivery.ts).
      void runDeliveryByAspect(store, cache(), {
        deliverables,
        out: input.out,
        quality: input.quality,
        runId,
        signal: controller.signal,
        fontFile: font,
        notes,
        c2pa: signer,
        onProgress: (p) => {
          if (p.state === 'succeeded') for (const d of p.deliverables) delivered.add(resolve(d.outPath));
          session.hub.emit('delivery.progress', p);
        },
      })
        .catch((err: unknown) => {
          session.hub.emit('delivery.progress', {
            runId,
            state: isCanceled(err) ? 'canceled' : 'failed',
            deliverables: [],
            error: isCanceled(err) ? null : toSerializedError(err).message,
            localized: isCanceled(err) ? null : localizedMessage(toSerializedError(err)),
            report: null,
          });
        })
        .finally(() => session.exports.delete(runId));
      return { runId };
    },
    'delivery.cancel': async ({ runId }) => {
      const controller = session.exports.get(runId);
      if (!controller) throw new AppError('NOT_FOUND', `No export ${runId} is running.`);
      controller.abort();
      return { ok: true as const };
    },
    'delivery.presets': async () => ({
      builtin: [...BUILTIN_PRESETS],
      project: session.current() ? new DeliveryPresetOps(session.require()).list() : [],
    }),
    'delivery.savePreset': async ({ preset }) => {
      new DeliveryPresetOps(session.require()).save(preset);
      return session.changed();
    },
    'delivery.removePreset': async ({ id }) => {
      new DeliveryPresetOps(session.require()).remove(id);
      return session.changed();
    },
    'delivery.cacheUsage': async () => cache().usage(),
    'delivery.clearCache': async () => cache().clear(),
    'delivery.reveal': async ({ path }) => {
      const abs = resolve(path);
      if (!delivered.has(abs))
        throw new AppError('INVALID_INPUT', `${path} was not made by an export of this window.`, { path });
      if (!host.revealPath) return { revealed: false, folder: dirname(abs) };
      host.revealPath(abs);
      return { revealed: true, folder: dirname(abs) };
    },
  };
}
