/**
 * A shot's camera move as Kling's `camera_control` (providers.md §5). Kling's axes, as the
 * ComfyUI Kling Camera Controls node documents them (https://docs.comfy.org/built-in-nodes/KlingCameraControls,
 * secondary, mirrors the imageToVideo page's camera_control table): `pan` is rotation in the
 * VERTICAL plane (negative down, positive up), `tilt` rotation in the HORIZONTAL plane (negative
 * left, positive right), `zoom` negative = narrower field of view; each in [-10, 10], and type
 * `simple` takes exactly one non-zero value. So a storyboard "pan left" is Kling `tilt < 0`.
 */
import type { CameraMove } from '../../../../../shared/model/entities.js';

export type KlingCameraConfig = {
  horizontal: number;
  vertical: number;
  pan: number;
  tilt: number;
  roll: number;
  zoom: number;
};

const ZERO: KlingCameraConfig = { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 };
/** A clear but not extreme move (the range is -10..10). */
const AMOUNT = 5;

const AXIS: Record<Exclude<CameraMove, 'static'>, [keyof KlingCameraConfig, number]> = {
  push_in: ['zoom', -AMOUNT],
  pull_out: ['zoom', AMOUNT],
  pan_left: ['tilt', -AMOUNT],
  pan_right: ['tilt', AMOUNT],
  tilt_up: ['pan', AMOUNT],
  tilt_down: ['pan', -AMOUNT],
};

/** `camera_control` for a move, or null for a static shot (no control sent). */
export function klingCameraControl(move: CameraMove): { type: 'simple'; config: KlingCameraConfig } | null {
  if (move === 'static') return null;
  const [axis, value] = AXIS[move];
  return { type: 'simple', config: { ...ZERO, [axis]: value } };
}
