/** `storyboard info --json`: the project with its shots in order, as scripts want it. */
import { existsSync } from 'node:fs';
import type { Asset, ProjectSnapshot } from '../../shared/model/entities.js';
import { AppError } from '../../shared/errors.js';
import { resolveStoredPath } from '../services/project/paths.js';
import { cutFrames, cutList } from '../../shared/model/timeline.js';
import { framesToSeconds, fpsToString } from '../../shared/model/time.js';

/**
 * Where the asset's file is, through the one stored-path resolver: a hostile stored path (`..`,
 * absolute, a link) is never printed as a path outside the project; it becomes null with the
 * refusal's reason. `missing`: the file is not there (relink it).
 */
function mediaOf(
  dir: string,
  asset: Asset,
): { mediaPath: string | null; mediaProblem: string | null; originalName: string } {
  try {
    const path = resolveStoredPath(dir, asset.path);
    return { mediaPath: path, mediaProblem: existsSync(path) ? null : 'missing', originalName: asset.originalName };
  } catch (err) {
    return {
      mediaPath: null,
      mediaProblem: err instanceof AppError ? err.message : String(err),
      originalName: asset.originalName,
    };
  }
}

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
              ...mediaOf(snap.dir, c.asset),
              trimInFrames: c.trim?.inFrames ?? 0,
              trimOutFrames: c.trim?.outFrames ?? null,
              media: c.asset.info,
            }
          : null,
      takes: snap.takes.filter((t) => t.shotId === c.shot.id).length,
    })),
  };
}
