/**
 * How a shot's camera move reaches a provider (design.md §5: the shot's camera is a request
 * field; every provider either honours it or says it cannot). Pure.
 *
 * - `field`: the provider has its own parameter (Kling `camera_control`, Seedance
 *   `camera_fixed`, Vidu `movement_amplitude`, the animatic's own path, a ComfyUI workflow that
 *   maps the `camera` input).
 * - `prompt`: the move is written into the prompt in the model's documented style (MiniMax
 *   bracket commands, a plain camera sentence for Runway, Luma, Veo, Wan, Seedance, Vidu).
 * - `ignored`: nothing reaches the model; the inspector says so beside the camera picker.
 *
 * A `static` shot asks for no move: nothing is added to the prompt (the take is as the model
 * frames it); providers with a "fixed camera" field still set it.
 */
import type { CameraMove } from '../model/entities.js';

export type CameraHandling = 'field' | 'prompt' | 'ignored';

/**
 * One sentence per move, in the wording the models' prompt guides use (subject, action, then
 * "the camera ..." with one named move):
 * - Veo: "Camera motion ... dolly in, pan left, tilt up" — Gemini API prompt guide,
 *   https://ai.google.dev/gemini-api/docs/video#prompt-guide (first-party).
 * - Runway Gen-4/4.5: "describe camera motion ... The camera slowly pushes in / pans" — Gen-4
 *   video prompting guide, https://help.runwayml.com/hc/en-us/articles/39789879462419 (first-party).
 * - Luma Ray: "camera push in", "camera pan left" as camera-motion phrases in the prompt —
 *   https://lumalabs.ai/learning-hub/how-to-use-camera-motion (first-party).
 * - Wan: "镜头推进/拉远/左摇/上摇" camera-language terms — Model Studio Wan prompt guide,
 *   https://www.alibabacloud.com/help/en/model-studio/text-to-video-prompt (first-party).
 * - Seedance: "camera pushes in / pans left" — BytePlus Seedance prompt guide,
 *   https://docs.byteplus.com/en/docs/ModelArk/1631633 (first-party, not re-read here).
 */
export const CAMERA_SENTENCES: Record<Exclude<CameraMove, 'static'>, string> = {
  push_in: 'The camera slowly pushes in.',
  pull_out: 'The camera slowly pulls out.',
  pan_left: 'The camera pans left.',
  pan_right: 'The camera pans right.',
  tilt_up: 'The camera tilts up.',
  tilt_down: 'The camera tilts down.',
};

/**
 * MiniMax camera commands: "[Push in]" etc. written into the prompt; Hailuo 02 / 2.3 and the
 * Director models read them ("Camera movement instructions ... [Truck left], [Pan left],
 * [Push in], [Pull out], [Tilt up], [Tilt down], [Static shot] ..." — MiniMax video
 * generation guide, https://platform.minimax.io/docs/guides/video-generation (first-party)).
 */
export const MINIMAX_CAMERA_COMMANDS: Record<CameraMove, string> = {
  static: '[Static shot]',
  push_in: '[Push in]',
  pull_out: '[Pull out]',
  pan_left: '[Pan left]',
  pan_right: '[Pan right]',
  tilt_up: '[Tilt up]',
  tilt_down: '[Tilt down]',
};

export type CameraStyle = 'sentence' | 'minimax' | 'none';

/** What the camera adds to a prompt in a style ('' for none or a static shot). */
export function cameraPromptText(move: CameraMove, style: CameraStyle): string {
  if (style === 'none' || move === 'static') return '';
  return style === 'minimax' ? MINIMAX_CAMERA_COMMANDS[move] : CAMERA_SENTENCES[move];
}

/**
 * The prompt a provider sends: the shot's prompt, the project's style prompt, then the camera
 * move in the provider's style; the shot title when there is no prompt at all. '' when even
 * the title is empty (each adapter decides whether that is allowed).
 */
export function shotPrompt(
  req: { prompt: string; stylePrompt: string; title: string; camera: CameraMove },
  style: CameraStyle,
): string {
  const text = [req.prompt.trim(), req.stylePrompt.trim()].filter(Boolean).join('. ') || req.title.trim();
  const camera = text ? cameraPromptText(req.camera, style) : '';
  return camera ? `${text} ${camera}` : text;
}
