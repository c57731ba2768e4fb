/** What probing a clip answers, for tests that need one without probing a file. */
import type { MediaInfo } from '../../shared/model/entities.js';

/** An H.264 video without sound, 720x480 at 8 fps, 6.125 s (the real AI clips' shape); `over` changes any field. */
export function mediaInfo(over: Partial<MediaInfo> = {}): MediaInfo {
  return {
    kind: 'video',
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    width: 720,
    height: 480,
    displayWidth: 720,
    displayHeight: 480,
    durationSec: 6.125,
    fps: { num: 8, den: 1 },
    vfr: false,
    rotation: 0,
    sar: { num: 1, den: 1 },
    videoCodec: 'h264',
    pixelFormat: 'yuv420p',
    hasAudio: false,
    audioCodec: null,
    audioChannels: 0,
    audioSampleRate: 0,
    ...over,
  };
}
