import type Konva from 'konva';
import { memo, useContext, useRef } from 'react';
import { Shape } from 'react-konva';
import type { Fps } from '../../../shared/model/time';
import { TimelineEnv } from './env';
import { frameToX, LAYOUT } from './geometry';
import { noteRender } from './probe';
import { rulerTicks } from './ruler';
import { useViewportEffect } from './scroll';
import { THEME } from './theme';

/**
 * The ruler: ticks and timecodes (ruler.ts) in one Konva shape, not a layer of its own: it sits
 * at the bottom of the overlay's layer (both change with every pan, so one canvas is repainted
 * for the two), redrawn (not re-rendered) on every pan and zoom: the
 * shape reads the view when it draws.
 */
export const RulerShape = memo(function RulerShape({ width, fps }: { width: number; fps: Fps }) {
  noteRender('RulerShape');
  const env = useContext(TimelineEnv);
  const contentW = Math.max(0, width - LAYOUT.gutter);
  const shape = useRef<Konva.Shape | null>(null);
  const drawn = useRef({ pxPerFrame: 0, scrollFrame: 0 });
  useViewportEffect(env.viewport, (s) => {
    if (s.pxPerFrame === drawn.current.pxPerFrame && s.scrollFrame === drawn.current.scrollFrame) return;
    drawn.current = { pxPerFrame: s.pxPerFrame, scrollFrame: s.scrollFrame };
    shape.current?.getLayer()?.batchDraw();
  });
  return (
    // All ticks in one shape: hundreds of nodes would cost more than the drawing itself.
    <Shape
      ref={shape}
      x={LAYOUT.gutter}
      sceneFunc={(c) => {
        const { pxPerFrame, scrollFrame } = env.viewport.getState();
        const view = { pxPerFrame, scrollFrame };
        const ctx = c._context;
        ctx.save();
        ctx.beginPath();
        ctx.rect(0, 0, contentW, LAYOUT.rulerHeight);
        ctx.clip();
        ctx.strokeStyle = THEME.borderStrong;
        ctx.fillStyle = THEME.textMuted;
        ctx.font = `10px ${THEME.mono}`;
        ctx.beginPath();
        for (const tick of rulerTicks(view, contentW, fps)) {
          const x = Math.round(frameToX(tick.frame, view)) + 0.5;
          ctx.moveTo(x, tick.major ? 12 : 20);
          ctx.lineTo(x, LAYOUT.rulerHeight);
          if (tick.label) ctx.fillText(tick.label, x + 4, 11);
        }
        ctx.stroke();
        ctx.restore();
      }}
    />
  );
});
