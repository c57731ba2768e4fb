/** What probing a clip answers, for tests that need one without probing a file. */
import type { Asset, MediaInfo } from '../../shared/model/entities.js';

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

/** A clip asset `media/<id>.mp4` with `mediaInfo(info)`; `over` changes the asset's other fields. */
export function videoAsset(id: string, info: Partial<MediaInfo> = {}, over: Partial<Omit<Asset, 'info'>> = {}): Asset {
  return {
    id,
    path: `media/${id}.mp4`,
    originalName: `${id}.mp4`,
    bytes: 1,
    origin: 'imported',
    createdAt: '',
    ...over,
    info: mediaInfo(info),
  };
}

/** A PCM WAV sound without picture (stereo, 48 kHz, 10 s); `over` changes any field. */
export function audioInfo(over: Partial<MediaInfo> = {}): MediaInfo {
  return mediaInfo({
    kind: 'audio',
    container: 'wav',
    width: 0,
    height: 0,
    displayWidth: 0,
    displayHeight: 0,
    durationSec: 10,
    fps: null,
    videoCodec: null,
    pixelFormat: null,
    hasAudio: true,
    audioCodec: 'pcm_s16le',
    audioChannels: 2,
    audioSampleRate: 48000,
    ...over,
  });
}

/** An imported sound file asset `media/<id>.wav` with `audioInfo(info)`; `over` changes the asset's other fields. */
export function audioAsset(id: string, info: Partial<MediaInfo> = {}, over: Partial<Omit<Asset, 'info'>> = {}): Asset {
  return {
    id,
    path: `media/${id}.wav`,
    originalName: `${id}.wav`,
    bytes: 100,
    origin: 'imported',
    createdAt: '2025-01-01T00:00:00.000Z',
    ...over,
    info: audioInfo(info),
  };
}

/** A PNG still, 64x64 (the size is `over`'s to change). */
export function imageInfo(over: Partial<MediaInfo> = {}): MediaInfo {
  return mediaInfo({
    kind: 'image',
    container: 'png_pipe',
    width: 64,
    height: 64,
    displayWidth: 64,
    displayHeight: 64,
    durationSec: 0,
    fps: null,
    videoCodec: 'png',
    pixelFormat: 'rgb24',
    ...over,
  });
}

/** An imported picture asset `media/<id[0..2]>/<id>.png` with `imageInfo()` (the media store's layout). */
export function pictureAsset(id: string): Asset {
  return {
    id,
    path: `media/${id.slice(0, 2)}/${id}.png`,
    originalName: `${id}.png`,
    bytes: 10,
    origin: 'imported',
    createdAt: '',
    info: imageInfo(),
  };
}
