/**
 * Contract handlers of the `audio.*` namespace: audio items (music, voice-over, sound lanes).
 * Edits are one undo step each and answer with the new snapshot (also emitted as project.changed).
 */
import { AppError } from '../../../shared/errors.js';
import { importFile } from '../media/import.js';
import type { NamespaceHandlers, Session } from './session.js';

export function audioHandlers(session: Session): NamespaceHandlers<'audio'> {
  return {
    'audio.add': async ({ path, lane, startFrame }) => {
      const store = session.require();
      let assetId: string;
      try {
        // Refused on import's own probe, so a file without sound never lands in the media store.
        assetId = (
          await importFile(store, path, 'imported', {
            accept: (info, name) => {
              if (info.kind === 'audio' || (info.kind === 'video' && info.hasAudio)) return;
              const is = info.kind === 'image' ? 'an image' : 'a video without a sound track';
              throw new AppError(
                'MEDIA_UNSUPPORTED',
                `"${name}" is ${is}: an audio item needs an audio file or a video with sound.`,
              );
            },
          })
        ).id;
      } finally {
        await session.discardUpload(path);
      }
      session.requireStill(store, 'the audio was added');
      return session.edit((s) => s.audio.add(assetId, lane, startFrame));
    },
    'audio.update': ({ id, patch }) => session.edit((s) => s.audio.update(id, patch)),
    'audio.remove': ({ id }) => session.edit((s) => s.audio.remove(id)),
  };
}
