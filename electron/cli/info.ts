/** `storyboard info --json`: the project with its shots in order, as scripts want it. */
import { join } from 'node:path';
import type { ProjectSnapshot } from '../../shared/model/entities.js';
import { cutFrames, cutList } from '../../shared/model/timeline.js';
import { framesToSeconds, fpsToString } from '../../shared/model/time.js';

export function projectInfo(snap: ProjectSnapshot) {
  const fps = snap.project.fps;
  const cuts = cutList(snap);
  // Transitions overlap neighbours, so the length is not the plain sum of the shots.
  const frames = cutFrames(cuts);
  return {
    dir: snap.dir,
    project: {
      id: snap.project.id,
      name: snap.project.name,
      aspect: snap.project.aspect,
      width: snap.project.width,
      height: snap.project.height,
      fps: fpsToString(fps),
      stylePrompt: snap.project.stylePrompt,
      styleRefAssetIds: snap.project.styleRefAssetIds,
    },
    durationFrames: frames,
    durationSec: framesToSeconds(frames, fps),
    shots: cuts.map((c, i) => ({
      id: c.shot.id,
      index: i + 1,
      title: c.shot.title,
      prompt: c.shot.prompt,
      camera: c.shot.camera,
      durationFrames: c.frames,
      durationSec: framesToSeconds(c.frames, fps),
      startFrame: c.startFrame,
      transitionIn: { kind: c.shot.transitionIn.kind, frames: c.overlap },
      // Fit / fill / crop position per aspect; an aspect not listed is fit, centred.
      framing: c.shot.framing ?? {},
      selectedTake:
        c.take && c.asset
          ? {
              id: c.take.id,
              provider: c.take.provider,
              model: c.take.model,
              mediaPath: join(snap.dir, c.asset.path),
              trimInFrames: c.trim?.inFrames ?? 0,
              trimOutFrames: c.trim?.outFrames ?? null,
              media: c.asset.info,
            }
          : null,
      takes: snap.takes.filter((t) => t.shotId === c.shot.id).length,
    })),
  };
}
