/**
 * The clips the restyle tables (fal Kling Omni, Replicate Kling Omni and Aleph) hand an edit
 * model: the real AI clip as a take records it (8 fps, 720x480), and one fal's edit endpoints
 * take (1280x720, 24 fps, 4 s).
 */
import { editableClip } from '../../../helpers/media.js';
import { realMedia } from '../../../helpers/realMedia.js';

export const source = {
  takeId: 't-src',
  assetId: 'v1',
  path: realMedia('ai-clip-horse-720x480-8fps.mp4'),
  durationSec: 5,
};

export const editable = () => ({
  takeId: 't-ok',
  assetId: 'v2',
  path: editableClip(),
  durationSec: 4,
  width: 1280,
  height: 720,
  fps: 24,
});
