/** What each action takes. The registry is typed from this map. */
import type { Quality, ShotPatch } from '../../../shared/api/contract';
import type { CameraMove } from '../../../shared/model/entities';
import type { Aspect, Resolution } from '../../../shared/model/format';

export interface CreateProjectPayload {
  dir: string;
  name: string;
  aspect: Aspect;
  resolution: Resolution;
  fps: string;
}

export interface AddShotPayload {
  prompt: string;
  durationSec: number | null;
  camera: CameraMove;
  /** An image to animate (the services import it as the shot's first frame). */
  firstFrame: File | null;
  /** An existing clip to use as the shot's take. */
  clip: File | null;
}

export interface ActionPayloads {
  'app.load': undefined;
  'project.create': CreateProjectPayload;
  'project.open': { dir: string };
  'project.close': undefined;
  'history.undo': undefined;
  'history.redo': undefined;
  'shot.add': AddShotPayload;
  'shot.update': { shotId: string; patch: ShotPatch };
  'shot.remove': { shotId: string };
  'shot.move': { shotId: string; delta: -1 | 1 };
  'shot.selectTake': { shotId: string; takeId: string };
  'generate.all': undefined;
  'export.start': { outPath: string; quality: Quality };
  'export.cancel': undefined;
}
