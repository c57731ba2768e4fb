/**
 * Contract handlers for audio items (music, voice-over, sound lanes) and waveforms. Edits are
 * one undo step each and answer with the new snapshot (also emitted as project.changed).
 */
import type { Handlers } from '../../../shared/api/contract.js';
import { AppError } from '../../../shared/errors.js';
import { importFile } from '../media/import.js';
import { makeWaveform } from '../media/waveform.js';
import { AudioOps } from '../project/audioOps.js';
import type { Session } from './session.js';

export type AudioMethod = 'audio.add' | 'audio.update' | 'audio.remove' | 'media.waveform';

export function audioHandlers(session: Session): Pick<Handlers, AudioMethod> {
  const edit = (fn: (ops: AudioOps) => unknown) => {
    fn(new AudioOps(session.require()));
    return Promise.resolve(session.changed());
  };
  return {
    'audio.add': async ({ path, lane, startFrame }) => {
      const store = session.require();
      let assetId: string;
      try {
        // Refused on import's own probe, so a file without sound never lands in the media store.
        assetId = (await importFile(store, path, 'imported', {
          accept: (info, name) => {
            if (info.kind === 'audio' || (info.kind === 'video' && info.hasAudio)) return;
            const is = info.kind === 'image' ? 'an image' : 'a video without a sound track';
            throw new AppError('MEDIA_UNSUPPORTED', `"${name}" is ${is}: an audio item needs an audio file or a video with sound.`);
          },
        })).id;
      } finally {
        await session.discardUpload(path);
      }
      if (session.current() !== store) throw new AppError('NO_PROJECT', 'The project was closed before the audio was added.');
      return edit((ops) => ops.add(assetId, lane, startFrame));
    },
    'audio.update': ({ id, patch }) => edit((ops) => ops.update(id, patch)),
    'audio.remove': ({ id }) => edit((ops) => ops.remove(id)),
    'media.waveform': async ({ assetId, buckets }) => {
      const store = session.require();
      return makeWaveform(store.dir, store.getAsset(assetId), buckets);
    },
  };
}
