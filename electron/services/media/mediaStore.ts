// The media service in one import: probing, the content-addressed store, frame grabs, thumbnails.
export { grabFrame, makeThumbnail, type StillOptions } from './frames.js';
export {
  assetAbsPath,
  importFile,
  sweepMediaTemps,
  type AssetOrigin,
  type AssetStore,
  type SweepOptions,
} from './import.js';
export { PROBE_TIMEOUT_MS, probeFile, type ProbeOptions } from './probe.js';
export { previousShotLastFrame } from './continuity.js';
export { makeFilmstrip, thumbnailPath, type Filmstrip } from './filmstrip.js';
export { collectGarbage, type GarbageOptions, type GarbageResult } from './gc.js';
export { importOfKind } from './importOfKind.js';
