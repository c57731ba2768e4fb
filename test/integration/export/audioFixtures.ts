/** The audio export tests' set-up: a 4 s cut of real silent AI clips (sine WAVs: `test/helpers/sineWav.ts`). */
import { importFile } from '../../../electron/services/media/mediaStore.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { REAL_CLIPS } from '../../helpers/media.js';

/** A new 720p 8 fps project in `dir`: two shots of 2 s of the (silent) horse clip, a 4 s cut. */
export async function silentCut(dir: string, name: string): Promise<ProjectStore> {
  const store = ProjectStore.create(dir, { name, aspect: '16:9', resolution: '720p', fps: { num: 8, den: 1 } });
  for (const clip of [REAL_CLIPS.horse, REAL_CLIPS.horse]) {
    const asset = await importFile(store, clip, 'imported');
    const shot = store.shots.add({ durationFrames: 16, importedTake: { assetId: asset.id } });
    store.shots.setTrim(shot.id, 0, 16); // 2 s of each 6.125 s clip
  }
  return store;
}
