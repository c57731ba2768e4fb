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
import { euclidean, findFaces, MAX_FACES, REFERENCE_DETECTOR_SIZES } from './faces.js';
import { decodeFrames, type DecodeOptions } from './frames.js';

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

  const refs = new Map<string, Promise<Reference | null>>();
  const reference = (assetId: string, wantFaces: boolean): Promise<Reference | null> => {
    const key = `${assetId}:${wantFaces}`;
    let r = refs.get(key);
    if (!r) {
      r = (async () => {
        const a = assets.get(assetId);
        if (!a || a.info.kind !== 'image') return null;
        const [img] = await decodeFrames(absPath(a.path), displaySize(a), [0], true, opts);
        return {
          faces: wantFaces
            ? (await findFaces(img!, { sizes: REFERENCE_DETECTOR_SIZES, maxFaces: 1 })).map((f) => f.descriptor)
            : [],
          signature: referenceSignature(img!),
        };
      })().catch(() => null); // an unreadable picture is left out; the others still count
      refs.set(key, r);
    }
    return r;
  };

  const results: ContinuityResult[] = [];
  const skipped: ContinuityReport['skipped'] = [];
  let done = 0;
  for (const { shot, take, elements } of work) {
    opts.signal?.throwIfAborted();
    const asset = assets.get(take.assetId);
    try {
      if (!asset || (asset.info.kind !== 'video' && asset.info.kind !== 'image'))
        throw new Error('the take has no picture');
      const still = asset.info.kind === 'image';
      const times = still ? [0] : sampleTimes(asset.info.durationSec);
      const images = await decodeFrames(absPath(asset.path), displaySize(asset), times, still, opts);
      // As many faces per frame as the shot has characters (a crowd is not checked face by face).
      const characters = Math.min(MAX_FACES, elements.filter((e) => e.kind === 'character').length);
      const frames: Frame[] = [];
      for (const img of images) frames.push(await frameOf(img, characters));
      for (const element of elements) {
        const isCharacter = element.kind === 'character';
        const pictures = (await Promise.all(element.refAssetIds.map((id) => reference(id, isCharacter)))).filter(
          (r): r is Reference => r !== null,
        );
        if (!pictures.length) continue;
        const scored = scoreElement(frames, pictures, isCharacter);
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
    opts.onProgress?.(++done, work.length);
  }
  return { checkedAt: (opts.now?.() ?? new Date()).toISOString(), thresholds, results, skipped };
}

async function frameOf(img: RgbImage, characters: number): Promise<Frame> {
  return {
    faces: characters > 0 ? (await findFaces(img, { maxFaces: characters })).map((f) => f.descriptor) : null,
    signatures: frameSignatures(img),
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
