/** A GenerationRequest for adapter tests against the seedance, fal and replicate fakes, and the real first frame. */
import { realMedia } from '../helpers/realMedia.js';

export { genRequest } from './generationRequest.js';

export const FIRST_FRAME = realMedia('first-frame-camping.png');
