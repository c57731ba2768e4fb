/**
 * The consistency check (README "Consistency check"): for each take of the shots asked, sample
 * frames and score them against the pictures of the shot's elements (characters, places,
 * props; style elements are a look, not an identity, and are not checked). A character whose
 * pictures and frames show faces is scored by face descriptors (faces.ts); anything else by
 * image similarity (shared/continuity/similarity.ts). Local, offline, read-only: the project
 * is not changed.
 */
import type { RgbImage } from '../../../shared/continuity/image.js';
import { sampleTimes } from '../../../shared/continuity/sampling.js';
import {
  CHECKED_KINDS,
  DEFAULT_DRIFT_THRESHOLDS,
  faceScore,
  imageScore,
  isDrift,
  takeScore,
  type CheckedKind,
  type CheckMethod,
  type ContinuityReport,
  type ContinuityResult,
  type DriftThresholds,
} from '../../../shared/continuity/score.js';
import {
  frameSignatures,
  rawImageSimilarity,
  referenceSignature,
  type ImageSignature,
} from '../../../shared/continuity/similarity.js';
import { AppError } from '../../../shared/errors.js';
import type { Asset, Element, ProjectSnapshot } from '../../../shared/model/entities.js';
import { shotElements } from '../../../shared/model/elements.js';
import { readFile } from 'node:fs/promises';
import { euclidean, findFaces, loadFaceApi, MAX_FACES, REFERENCE_DETECTOR_SIZES } from './faces.js';
import { decodeFrames, type DecodeOptions } from './frames.js';
import { referenceCache, type ReferenceCache, type ReferenceFeatures } from './referenceCache.js';

export type CheckDoc = Pick<ProjectSnapshot, 'shots' | 'takes' | 'assets' | 'elements'>;

export interface CheckOptions extends DecodeOptions {
  /** Only these shots (default: every shot). */
  shotIds?: readonly string[];
  /** Only each shot's selected take (default: every take). */
  selectedOnly?: boolean;
  thresholds?: DriftThresholds;
  /** After each take: how many of `total` are done. */
  onProgress?: (done: number, total: number) => void;
  /** For tests and benchmarks: the clock of checkedAt. */
  now?: () => Date;
  /** Where pictures' features are kept across takes and runs (default: the app's cache folder). */
  cache?: ReferenceCache;
}

interface Reference {
  faces: Float32Array[];
  signature: ImageSignature;
}

interface Frame {
  faces: Float32Array[] | null;
  signatures: ImageSignature[];
}

function isChecked(kind: Element['kind']): kind is CheckedKind {
  return (CHECKED_KINDS as readonly string[]).includes(kind);
}

function displaySize(a: Asset): { width: number; height: number } {
  return { width: a.info.displayWidth || a.info.width, height: a.info.displayHeight || a.info.height };
}

/** Checks the takes of `doc`; `absPath` resolves a stored asset path (the project's one resolver). */
export async function checkTakes(
  doc: CheckDoc,
  absPath: (rel: string) => string,
  opts: CheckOptions = {},
): Promise<ContinuityReport> {
  const thresholds = opts.thresholds ?? DEFAULT_DRIFT_THRESHOLDS;
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  const wanted = opts.shotIds ? new Set(opts.shotIds) : null;
  const shots = [...doc.shots].sort((a, b) => a.position - b.position).filter((s) => !wanted || wanted.has(s.id));
  if (wanted) {
    const missing = [...wanted].filter((id) => !doc.shots.some((s) => s.id === id));
    if (missing.length)
      throw new AppError('NOT_FOUND', `Shot "${missing[0]}" not found in this project.`, { shotId: missing[0] });
  }
  const work = shots.flatMap((shot) => {
    const elements = shotElements(shot, doc.elements).filter(
      (e): e is Element & { kind: CheckedKind } =>
        isChecked(e.kind) && e.refAssetIds.some((id) => assets.get(id)?.info.kind === 'image'),
    );
    if (!elements.length) return [];
    const takes = doc.takes.filter((t) => t.shotId === shot.id && (!opts.selectedOnly || t.id === shot.selectedTakeId));
    return takes.map((take) => ({ shot, take, elements }));
  });

  const cache = opts.cache ?? referenceCache();
  const reference = async (assetId: string, wantFaces: boolean): Promise<Reference | null> => {
    const a = assets.get(assetId);
    if (!a || a.info.kind !== 'image') return null;
    const file = absPath(a.path);
    try {
      const bytes = await readFile(file);
      const f = await cache.get(bytes, displaySize(a), wantFaces, (known, faces) =>
        pictureFeatures(file, displaySize(a), known, faces, opts),
      );
      return { faces: f.faces ?? [], signature: f.signature };
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      return null; // an unreadable picture is left out; the others still count
    }
  };

  // face-api's one-time load (wasm backend, three nets) overlaps the first decode when a
  // character is to be checked; nothing loads it for places and props.
  if (work.some((w) => w.elements.some((e) => e.kind === 'character'))) void loadFaceApi().catch(() => {});
  // The next take decodes (ffmpeg, its own process) while this one is scored (wasm, this one).
  const decode = (i: number): Promise<RgbImage[]> => {
    const { take } = work[i]!;
    const asset = assets.get(take.assetId);
    if (!asset || (asset.info.kind !== 'video' && asset.info.kind !== 'image'))
      return Promise.reject(new Error('the take has no picture'));
    const still = asset.info.kind === 'image';
    return decodeFrames(
      absPath(asset.path),
      displaySize(asset),
      still ? [0] : sampleTimes(asset.info.durationSec),
      still,
      opts,
    );
  };
  const decodes: Promise<RgbImage[]>[] = [];
  const started = (i: number): Promise<RgbImage[]> | undefined => {
    if (i < work.length && !decodes[i]) {
      decodes[i] = decode(i);
      decodes[i]!.catch(() => {}); // awaited (and reported) in its turn
    }
    return decodes[i];
  };

  const results: ContinuityResult[] = [];
  const skipped: ContinuityReport['skipped'] = [];
  for (let i = 0; i < work.length; i++) {
    const { shot, take, elements } = work[i]!;
    opts.signal?.throwIfAborted();
    const images = started(i)!;
    started(i + 1);
    try {
      const pictures = new Map<string, Reference[]>();
      for (const element of elements) {
        const isCharacter = element.kind === 'character';
        const refs = await Promise.all(element.refAssetIds.map((id) => reference(id, isCharacter)));
        pictures.set(
          element.id,
          refs.filter((r): r is Reference => r !== null),
        );
      }
      // Faces are looked for in the frames only for characters whose pictures show one
      // (as many per frame as such characters: a crowd is not checked face by face).
      const withFaces = elements.filter(
        (e) => e.kind === 'character' && pictures.get(e.id)!.some((p) => p.faces.length),
      );
      const characters = Math.min(MAX_FACES, withFaces.length);
      const frames: Frame[] = [];
      for (const img of await images) frames.push(await frameOf(img, characters));
      for (const element of elements) {
        const refs = pictures.get(element.id)!;
        if (!refs.length) continue;
        const scored = scoreElement(frames, refs, element.kind === 'character');
        const score = Math.round(scored.score * 1000) / 1000;
        results.push({
          shotId: shot.id,
          takeId: take.id,
          elementId: element.id,
          kind: element.kind,
          score,
          drift: isDrift(score, element.kind, thresholds),
          method: scored.method,
          frames: frames.length,
          measured: scored.measured,
        });
      }
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      skipped.push({ shotId: shot.id, takeId: take.id, reason: err instanceof Error ? err.message : String(err) });
    }
    opts.onProgress?.(i + 1, work.length);
  }
  return { checkedAt: (opts.now?.() ?? new Date()).toISOString(), thresholds, results, skipped };
}

/** A picture's features: decoded once at the working size; faces searched when asked and not known. */
async function pictureFeatures(
  file: string,
  size: { width: number; height: number },
  known: ReferenceFeatures | null,
  wantFaces: boolean,
  opts: DecodeOptions,
): Promise<ReferenceFeatures> {
  const [img] = await decodeFrames(file, size, [0], true, opts);
  const faces = wantFaces
    ? (await findFaces(img!, { sizes: REFERENCE_DETECTOR_SIZES, maxFaces: 1 })).map((f) => f.descriptor)
    : (known?.faces ?? null);
  return { faces, signature: known?.signature ?? referenceSignature(img!) };
}

/** A frame's faces (when any character is looked for) and, on first use only, its window signatures. */
async function frameOf(img: RgbImage, characters: number): Promise<Frame> {
  const faces = characters > 0 ? (await findFaces(img, { maxFaces: characters })).map((f) => f.descriptor) : null;
  let signatures: ImageSignature[] | null = null;
  return {
    faces,
    get signatures() {
      return (signatures ??= frameSignatures(img));
    },
  };
}

/**
 * Face first: the frames with a face, each scored by its best face against the best picture.
 * When no picture or no frame shows a face, the image measure over every frame.
 */
export function scoreElement(
  frames: readonly Frame[],
  pictures: readonly Reference[],
  isCharacter: boolean,
): { score: number; method: CheckMethod; measured: number } {
  const refFaces = pictures.flatMap((p) => p.faces);
  if (isCharacter && refFaces.length) {
    const perFrame: number[] = [];
    for (const f of frames) {
      if (!f.faces?.length) continue;
      let best = 0;
      for (const face of f.faces) for (const ref of refFaces) best = Math.max(best, faceScore(euclidean(face, ref)));
      perFrame.push(best);
    }
    const s = takeScore(perFrame);
    if (s !== null) return { score: s, method: 'face', measured: perFrame.length };
  }
  const perFrame = frames.map((f) =>
    Math.max(...pictures.map((p) => imageScore(rawImageSimilarity(p.signature, f.signatures)))),
  );
  return { score: takeScore(perFrame) ?? 0, method: 'image', measured: perFrame.length };
}
