/**
 * Contract handlers of the `export.*` namespace. An export returns at once with its id and
 * reports through export.progress events; a failure or cancel is reported the same way.
 */
import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError, isCanceled, localizedMessage, toSerializedError } from '../../../shared/errors.js';
import { SUBTITLE_FORMATS } from '../../../shared/export/subtitles.js';
import { framesToSeconds } from '../../../shared/model/time.js';
import { totalFrames } from '../../../shared/model/timeline.js';
import { runExport } from '../export/exportJob.js';
import { resolveTitleFont } from '../generation/fonts.js';
import { C2paSigningSettings } from '../settings/c2paSigning.js';
import { envSecretStore, type SecretStore } from '../settings/secrets.js';
import type { NamespaceHandlers, Session } from './session.js';
import { resolvedOrRefused } from '../../../shared/template/variables.js';

export function exportHandlers(session: Session, host: { secrets?: SecretStore } = {}): NamespaceHandlers<'export'> {
  const c2pa = new C2paSigningSettings(host.secrets ?? envSecretStore());
  return {
    'export.start': async ({ outPath, quality, subtitles }) => {
      const store = session.require();
      // Burned-in subtitles need a font that draws Chinese (the animatic's resolver: fonts.ts).
      const burnSubtitles = subtitles === 'burn' ? { fontFile: (await resolveTitleFont()).file } : undefined;
      // Signed as a delivery run's files are when Settings has C2PA credentials (configured but
      // unusable ones refuse the export here, before anything is written); the sidecar says which.
      const signer = await c2pa.signer();
      const exportId = randomUUID();
      const controller = new AbortController();
      session.exports.set(exportId, controller);
      void runExport(store, {
        outPath,
        quality,
        exportId,
        ...(burnSubtitles ? { burnSubtitles } : {}),
        provenance: { c2pa: signer },
        signal: controller.signal,
        onProgress: (p) => session.hub.emit('export.progress', p),
      })
        .catch((err: unknown) => {
          session.hub.emit('export.progress', {
            exportId,
            state: isCanceled(err) ? 'canceled' : 'failed',
            progress: 0,
            outPath,
            error: isCanceled(err) ? null : toSerializedError(err).message,
            localized: isCanceled(err) ? null : localizedMessage(toSerializedError(err)),
          });
        })
        .finally(() => session.exports.delete(exportId));
      return { exportId };
    },
    /** A subtitle sidecar (SRT, WebVTT) of the dialogue, written beside the target and renamed. */
    'export.subtitles': async ({ outPath, format }) => {
      const doc = resolvedOrRefused(session.require().snapshot(), 'export');
      const target = resolve(outPath);
      const text = SUBTITLE_FORMATS[format].write(doc, framesToSeconds(totalFrames(doc), doc.project.fps));
      const tmp = `${target}.${process.pid}.sbtmp`;
      await writeFile(tmp, text, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new AppError('OUTPUT_NOT_WRITABLE', `Cannot write "${target}": ${err.code ?? err.message}`);
      });
      await rename(tmp, target);
      return { outPath: target, cues: text.split(' --> ').length - 1 };
    },
    'export.cancel': async ({ exportId }) => {
      const controller = session.exports.get(exportId);
      if (!controller) throw new AppError('NOT_FOUND', `No export ${exportId} is running.`);
      controller.abort();
      return { ok: true as const };
    },
  };
}
