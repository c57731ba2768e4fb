/**
 * Image similarity for places, props and products (and characters whose face is not found):
 * colour + structure, no model. Colour is a hue/saturation histogram compared by histogram
 * intersection (Swain & Ballard, "Color Indexing", IJCV 1991): it ignores where things are, so
 * a moved camera keeps it. Structure is a grid of gradient-orientation histograms (the HOG
 * descriptor of Dalal & Triggs, CVPR 2005, without the block normalisation) compared by cosine:
 * it sees shapes and edges, not colour, so a regraded take keeps it. Each reference picture is
 * compared with several windows of the frame (image.ts searchWindows) and the best one counts.
 */
import { checkRgb, grayArea, searchWindows, type Rect, type RgbImage } from './image.js';

/** Hue bins x saturation bins for coloured pixels, plus grey-level bins for unsaturated ones. */
const HUE_BINS = 12;
const SAT_BINS = 3;
const GREY_BINS = 4;
/** Below this saturation (0..1) or value a pixel counts as grey: its hue is noise. */
const GREY_SAT = 0.15;
const GREY_VALUE = 0.12;
export const COLOUR_BINS = HUE_BINS * SAT_BINS + GREY_BINS;

/** Normalised (sums to 1) colour histogram of `rect`, every `step`-th pixel each way. */
export function colourHistogram(img: RgbImage, rect: Rect, step = 2): Float64Array {
  const hist = new Float64Array(COLOUR_BINS);
  let n = 0;
  const x1 = Math.min(img.width, rect.x + rect.width);
  const y1 = Math.min(img.height, rect.y + rect.height);
  for (let y = rect.y; y < y1; y += step) {
    for (let x = rect.x; x < x1; x += step) {
      const i = (y * img.width + x) * 3;
      const r = img.data[i]! / 255;
      const g = img.data[i + 1]! / 255;
      const b = img.data[i + 2]! / 255;
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      const s = max === 0 ? 0 : (max - min) / max;
      if (s < GREY_SAT || max < GREY_VALUE) {
        hist[HUE_BINS * SAT_BINS + Math.min(GREY_BINS - 1, Math.floor(max * GREY_BINS))]! += 1;
      } else {
        const d = max - min;
        let h = max === r ? (g - b) / d : max === g ? 2 + (b - r) / d : 4 + (r - g) / d;
        h = (h / 6 + 1) % 1;
        const hb = Math.min(HUE_BINS - 1, Math.floor(h * HUE_BINS));
        const sb = Math.min(SAT_BINS - 1, Math.floor(((s - GREY_SAT) / (1 - GREY_SAT)) * SAT_BINS));
        hist[hb * SAT_BINS + sb]! += 1;
      }
      n++;
    }
  }
  if (n) for (let k = 0; k < hist.length; k++) hist[k]! /= n;
  return hist;
}

/** Histogram intersection of two normalised histograms: 1 = the same distribution, 0 = disjoint. */
export function histogramIntersection(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += Math.min(a[k]!, b[k]!);
  return s;
}

const GRID = 4;
const ORIENTATIONS = 9;
const PATCH = 64;
export const STRUCTURE_LENGTH = GRID * GRID * ORIENTATIONS;

/**
 * Gradient-orientation histograms of `rect` resized to 64x64 grey, on a 4x4 grid of cells, 9
 * unsigned orientations each, weighted by gradient magnitude; unit length.
 */
export function structureDescriptor(img: RgbImage, rect: Rect): Float64Array {
  const g = grayArea(img, rect, PATCH, PATCH);
  const out = new Float64Array(STRUCTURE_LENGTH);
  const cell = PATCH / GRID;
  for (let y = 1; y < PATCH - 1; y++) {
    for (let x = 1; x < PATCH - 1; x++) {
      const dx = g.data[y * PATCH + x + 1]! - g.data[y * PATCH + x - 1]!;
      const dy = g.data[(y + 1) * PATCH + x]! - g.data[(y - 1) * PATCH + x]!;
      const mag = Math.hypot(dx, dy);
      if (mag === 0) continue;
      const angle = (Math.atan2(dy, dx) + Math.PI) % Math.PI; // unsigned, 0..pi
      const bin = Math.min(ORIENTATIONS - 1, Math.floor((angle / Math.PI) * ORIENTATIONS));
      const c = Math.floor(y / cell) * GRID + Math.floor(x / cell);
      out[c * ORIENTATIONS + bin]! += mag;
    }
  }
  return unit(out);
}

function unit(v: Float64Array): Float64Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (let k = 0; k < v.length; k++) v[k]! /= n;
  return v;
}

/** Cosine of two unit vectors (0 when either is all zeros). */
export function cosine(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

export interface ImageSignature {
  colour: Float64Array;
  structure: Float64Array;
}

/** A reference picture's signature: the whole picture. */
export function referenceSignature(img: RgbImage): ImageSignature {
  checkRgb(img);
  const whole = { x: 0, y: 0, width: img.width, height: img.height };
  return { colour: colourHistogram(img, whole), structure: structureDescriptor(img, whole) };
}

/** A frame's signatures: one per search window. */
export function frameSignatures(img: RgbImage): ImageSignature[] {
  checkRgb(img);
  return searchWindows(img).map((r) => ({ colour: colourHistogram(img, r), structure: structureDescriptor(img, r) }));
}

/** Colour and structure weigh the same: a regrade moves one, a new layout the other. */
export const COLOUR_WEIGHT = 0.5;

/** Raw similarity 0..1 of one reference to one frame: the best window. */
export function rawImageSimilarity(ref: ImageSignature, frame: readonly ImageSignature[]): number {
  let best = 0;
  for (const w of frame) {
    const s =
      COLOUR_WEIGHT * histogramIntersection(ref.colour, w.colour) +
      (1 - COLOUR_WEIGHT) * Math.max(0, cosine(ref.structure, w.structure));
    if (s > best) best = s;
  }
  return best;
}
