import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FRAMING,
  dragFraming,
  frameGeometry,
  frameSourceOf,
  framingFor,
  ShotFramingSchema,
  squarePixelWidth,
} from '../../../shared/model/framing.js';

const clip = { width: 720, height: 480 }; // the horse clip, 3:2
const portrait = { width: 720, height: 1280 }; // 9:16 at 720p

describe('frameGeometry', () => {
  it('fit letterboxes a 3:2 clip in 9:16, centred, on even pixels', () => {
    expect(frameGeometry(clip, portrait, DEFAULT_FRAMING)).toEqual({ width: 720, height: 480, left: 0, top: 400 });
    expect(frameGeometry(clip, { width: 1280, height: 720 }, DEFAULT_FRAMING)).toEqual({
      width: 1080,
      height: 720,
      left: 100,
      top: 0,
    });
  });

  it('fill covers the canvas and crops at the position (0 = left edge, 1 = right edge)', () => {
    expect(frameGeometry(clip, portrait, { mode: 'fill', x: 0.5, y: 0.5 })).toEqual({
      width: 1920,
      height: 1280,
      left: -600,
      top: 0,
    });
    expect(frameGeometry(clip, portrait, { mode: 'fill', x: 0, y: 0.5 }).left).toBe(0);
    expect(frameGeometry(clip, portrait, { mode: 'fill', x: 1, y: 0.5 }).left).toBe(-1200);
    // Offsets are whole even pixels (4:2:0 chroma): 1200 * 0.3333 = 399.96 -> 398.
    expect(frameGeometry(clip, portrait, { mode: 'fill', x: 0.3333, y: 0.5 }).left).toBe(-398);
  });

  it('fit moves the letterboxed picture inside its bars', () => {
    expect(frameGeometry(clip, portrait, { mode: 'fit', x: 0.5, y: 0 }).top).toBe(0);
    expect(frameGeometry(clip, portrait, { mode: 'fit', x: 0.5, y: 1 }).top).toBe(800);
  });

  it("rounds sizes as ffmpeg 5.1's force_original_aspect_ratio does (nearest, then down to even for fit)", () => {
    // 321x241 (SAR 964:963) into 1280x720: 720 * 321 / 241 = 959.004 -> 959 -> 958 (what ffmpeg 5.1 writes).
    expect(
      frameGeometry(
        { width: 321, height: 241, sar: { num: 964, den: 963 } },
        { width: 1280, height: 720 },
        DEFAULT_FRAMING,
      ),
    ).toEqual({ width: 958, height: 720, left: 160, top: 0 });
    // ...and up to even for fill.
    expect(
      frameGeometry({ width: 321, height: 241 }, { width: 720, height: 1280 }, { mode: 'fill', x: 0.5, y: 0.5 }).width,
    ).toBe(1706);
  });

  it('a picture of the canvas aspect is the canvas, whatever the mode', () => {
    for (const mode of ['fit', 'fill'] as const) {
      expect(
        frameGeometry({ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { mode, x: 0.1, y: 0.9 }),
      ).toEqual({ width: 1920, height: 1080, left: 0, top: 0 });
    }
  });

  it('uses square pixels and the upright picture', () => {
    expect(squarePixelWidth({ width: 320, height: 240, sar: { num: 2, den: 1 } })).toBe(640);
    expect(frameSourceOf({ width: 1920, height: 1080, rotation: 90, sar: { num: 1, den: 2 } })).toEqual({
      width: 1080,
      height: 1920,
      sar: { num: 2, den: 1 },
    });
    expect(frameSourceOf({ width: 1920, height: 1080, rotation: 180, sar: { num: 1, den: 1 } }).width).toBe(1920);
  });
});

describe('framing per aspect', () => {
  it('defaults to fit, centred, and keeps each aspect its own', () => {
    const framing = ShotFramingSchema.parse({ '9:16': { mode: 'fill', x: 0.2, y: 0.5 } });
    expect(framingFor(framing, '9:16')).toEqual({ mode: 'fill', x: 0.2, y: 0.5 });
    expect(framingFor(framing, '16:9')).toBe(DEFAULT_FRAMING);
    expect(framingFor(undefined, '1:1')).toBe(DEFAULT_FRAMING);
  });

  it('refuses positions outside 0..1 and unknown aspects or modes', () => {
    expect(ShotFramingSchema.safeParse({ '9:16': { mode: 'fill', x: 1.5, y: 0.5 } }).success).toBe(false);
    expect(ShotFramingSchema.safeParse({ '3:2': { mode: 'fill', x: 0.5, y: 0.5 } }).success).toBe(false);
    expect(ShotFramingSchema.safeParse({ '9:16': { mode: 'stretch', x: 0.5, y: 0.5 } }).success).toBe(false);
  });
});

describe('dragFraming', () => {
  const fill = { mode: 'fill' as const, x: 0.5, y: 0.5 };
  const g = frameGeometry(clip, portrait, fill); // 1920 wide: 1200 px of spare room

  it('the picture follows the pointer: dragging right shows more of its left side', () => {
    expect(dragFraming(fill, g, portrait, 300, 0).x).toBe(0.25);
    expect(dragFraming(fill, g, portrait, -300, 0).x).toBe(0.75);
  });

  it('stops at the edges and leaves an axis without spare room alone', () => {
    expect(dragFraming(fill, g, portrait, 5000, 80)).toEqual({ mode: 'fill', x: 0, y: 0.5 });
    expect(dragFraming(fill, g, portrait, -5000, 0).x).toBe(1);
  });
});
