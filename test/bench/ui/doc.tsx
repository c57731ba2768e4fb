/** A 500-shot document for the UI benchmarks: takes of 2-6 s, some placeholders, jobs and transitions. */
import type { Asset, Job, ProjectSnapshot, Shot, Take } from '../../../shared/model/entities';
import { newProject, newShot, newTake } from '../../../shared/model/factories';
import { mediaInfo } from '../../helpers/mediaInfo';

export function benchDoc(n: number): ProjectSnapshot {
  const shots: Shot[] = [];
  const takes: Take[] = [];
  const assets: Asset[] = [];
  const jobs: Job[] = [];
  for (let i = 0; i < n; i++) {
    const id = `s${i}`;
    const sec = 2 + (i % 5);
    const hasTake = i % 7 !== 3;
    if (hasTake) {
      assets.push({
        id: `a${i}`,
        path: `media/a${i}.mp4`,
        originalName: `a${i}.mp4`,
        bytes: 1,
        origin: 'generated',
        createdAt: '',
        info: mediaInfo({ container: 'mp4', durationSec: sec, fps: { num: 24, den: 1 } }),
      });
      takes.push(
        newTake({
          id: `t${i}`,
          shotId: id,
          assetId: `a${i}`,
          provider: i % 3 === 0 ? 'animatic' : 'cloud',
        }),
      );
    } else if (i % 2 === 0) {
      jobs.push({
        id: `j${i}`,
        shotId: id,
        provider: 'cloud',
        model: null,
        state: 'running',
        request: {},
        taskId: null,
        progress: 0.4,
        error: null,
        costEstimate: null,
        costActual: null,
        resultAssetId: null,
        takeId: null,
        createdAt: '',
        updatedAt: '',
      });
    }
    shots.push(
      newShot({
        id,
        position: i,
        title: `Shot ${i + 1}: the lake at dawn`,
        durationFrames: sec * 24,
        selectedTakeId: hasTake ? `t${i}` : null,
        transitionIn: i % 9 === 4 ? { kind: 'crossfade', frames: 12 } : { kind: 'cut', frames: 0 },
      }),
    );
  }
  return {
    dir: '/bench',
    scenes: [],
    shots,
    takes,
    assets,
    elements: [],
    jobs,
    audioItems: [],
    project: newProject({
      id: 'bench',
      name: 'Bench',
      aspect: '16:9',
      width: 1920,
      height: 1080,
      fps: { num: 24, den: 1 },
      createdAt: '',
    }),
    history: { canUndo: false, canRedo: false, revision: 1 },
  };
}

/** A 12-tile filmstrip sprite drawn here (no media files needed), at the height the timeline asks. */
export function spriteUrl(): string {
  const c = document.createElement('canvas');
  c.width = 12 * 93;
  c.height = 62;
  const g = c.getContext('2d');
  if (!g) return '';
  for (let i = 0; i < 12; i++) {
    g.fillStyle = `hsl(${200 + i * 8}, 35%, ${25 + i * 3}%)`;
    g.fillRect(i * 93, 0, 93, 62);
    g.fillStyle = 'rgba(255,255,255,0.5)';
    g.fillRect(i * 93 + 20 + i * 3, 20, 30, 24);
  }
  return c.toDataURL('image/png');
}
