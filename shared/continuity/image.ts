/**
 * Pixels for the consistency check: packed 8-bit RGB (ffmpeg's `rgb24`), row by row. Pure: the
 * service decodes frames through the ffmpeg runner into this shape and the scoring reads it.
 */
export interface RgbImage {
  width: number;
  height: number;
  /** width * height * 3 bytes, R G B per pixel, rows top to bottom. */
  data: Uint8Array;
}

export interface GrayImage {
  width: number;
  height: number;
  /** width * height values, 0..255. */
  data: Float32Array;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function checkRgb(img: RgbImage): void {
  if (img.width <= 0 || img.height <= 0 || img.data.length !== img.width * img.height * 3) {
    throw new Error(
      `An RGB image of ${img.width}x${img.height} needs ${img.width * img.height * 3} bytes, got ${img.data.length}.`,
    );
  }
}

/**
 * `rect` of `img` as grey (Rec. 601 luma) at `width` x `height`, each output pixel the mean of
 * the source pixels it covers (a box filter: no aliasing when shrinking, which is all we do).
 */
export function grayArea(img: RgbImage, rect: Rect, width: number, height: number): GrayImage {
  const out = new Float32Array(width * height);
  const sx = rect.width / width;
  const sy = rect.height / height;
  for (let oy = 0; oy < height; oy++) {
    const y0 = Math.floor(rect.y + oy * sy);
    const y1 = Math.max(y0 + 1, Math.floor(rect.y + (oy + 1) * sy));
    for (let ox = 0; ox < width; ox++) {
      const x0 = Math.floor(rect.x + ox * sx);
      const x1 = Math.max(x0 + 1, Math.floor(rect.x + (ox + 1) * sx));
      let sum = 0;
      let n = 0;
      for (let y = y0; y < y1 && y < img.height; y++) {
        let i = (y * img.width + x0) * 3;
        for (let x = x0; x < x1 && x < img.width; x++, i += 3) {
          sum += 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
          n++;
        }
      }
      out[oy * width + ox] = n ? sum / n : 0;
    }
  }
  return { width, height, data: out };
}

/** The whole image as a rectangle. */
export function fullRect(img: { width: number; height: number }): Rect {
  return { x: 0, y: 0, width: img.width, height: img.height };
}

/**
 * The windows of a frame searched for a reference: the whole frame, the centre, and four
 * overlapping corners at 2/3 size and four at 1/2 size. A product or a place seen smaller or
 * off-centre in the take still lines up with one of them (a coarse multi-scale search; the
 * reference picture is compared whole).
 */
export function searchWindows(img: { width: number; height: number }): Rect[] {
  const out: Rect[] = [fullRect(img)];
  for (const f of [2 / 3, 1 / 2]) {
    const w = Math.round(img.width * f);
    const h = Math.round(img.height * f);
    const xs = [0, img.width - w];
    const ys = [0, img.height - h];
    for (const y of ys) for (const x of xs) out.push({ x, y, width: w, height: h });
  }
  const cw = Math.round(img.width / 2);
  const ch = Math.round(img.height / 2);
  out.push({ x: Math.round((img.width - cw) / 2), y: Math.round((img.height - ch) / 2), width: cw, height: ch });
  return out;
}
