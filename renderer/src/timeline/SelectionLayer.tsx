/**
 * The selection, drawn on its own canvas layer above the shots: an accent outline, the number
 * badge in accent and the trim handles of each selected clip in view (an accent fill for a
 * sliver). A selection change redraws this nearly empty layer alone; the shots layer (its
 * cached clip bitmaps, the slivers) is left as it is (UI-3b: selection -> inspector painted).
 */
import { memo, useContext } from 'react';
import { Group, Layer, Rect, Text } from 'react-konva';
import { useStore } from 'zustand';
import { useAppState } from '../app/context';
import { TimelineEnv } from './env';
import { clipPixels, cullClips, LAYOUT, numberBadge, SLIVER_PX, stageHeight } from './geometry';
import { timelineModel } from './model';
import { noteRender } from './probe';
import { useDrawWindow, useScrolledGroup } from './scroll';
import { THEME } from './theme';

export const SelectionLayer = memo(function SelectionLayer({ width }: { width: number }) {
  noteRender('SelectionLayer');
  const env = useContext(TimelineEnv);
  const ids = useStore(env.selection, (s) => s.ids);
  const reorder = useStore(env.gesture, (s) => s.reorder);
  const trim = useStore(env.gesture, (s) => s.trim);
  const model = useAppState((s) => timelineModel(s.snapshot));
  const contentW = Math.max(0, width - LAYOUT.gutter);
  // The shots layer's bucketed range and scrolled group: a pan inside a bucket renders nothing.
  const { pxPerFrame, lo, hi } = useDrawWindow(env.viewport, contentW);
  const scrolled = useScrolledGroup(env.viewport);
  const selected = new Set(ids);
  const inView =
    selected.size === 0 ? [] : cullClips(model.clips, { start: lo, end: hi }).filter((c) => selected.has(c.id));
  const h = LAYOUT.shotHeight;
  return (
    <Layer listening={false}>
      <Group x={LAYOUT.gutter} clipX={0} clipY={0} clipWidth={contentW} clipHeight={stageHeight()}>
        <Group ref={scrolled}>
          {inView.map((c) => {
            const cut = model.byId.get(c.id);
            const t = trim?.shotId === c.id ? trim : null;
            const offset = reorder?.shotIds.includes(c.id) ? reorder.offsetFrames : 0;
            const { x, width: w } = clipPixels(t ? t.start : c.start, t ? t.frames : c.frames, offset, pxPerFrame);
            if (c.frames * pxPerFrame < SLIVER_PX || w < 12)
              return (
                <Rect
                  key={c.id}
                  x={x}
                  y={LAYOUT.shotTop}
                  width={w}
                  height={h}
                  fill={THEME.accent}
                  perfectDrawEnabled={false}
                />
              );
            const badge = numberBadge(c.index + 1, w);
            return (
              <Group key={c.id} x={x} y={LAYOUT.shotTop}>
                {badge && (
                  <>
                    <Rect
                      x={2}
                      y={4}
                      width={badge.width}
                      height={16}
                      cornerRadius={3}
                      fill={THEME.accent}
                      perfectDrawEnabled={false}
                    />
                    <Text
                      x={2}
                      y={6}
                      width={badge.width}
                      align="center"
                      text={badge.text}
                      fontSize={11}
                      fontStyle="bold"
                      fontFamily={THEME.font}
                      fill={THEME.text}
                      wrap="none"
                    />
                  </>
                )}
                <Rect
                  width={w}
                  height={h}
                  cornerRadius={4}
                  stroke={THEME.accent}
                  strokeWidth={2}
                  perfectDrawEnabled={false}
                />
                {cut?.trim &&
                  w >= 24 &&
                  // Trim handles: the edges a drag trims (the take's media bounds them).
                  [1, w - 4].map((hx) => (
                    <Rect
                      key={hx}
                      x={hx}
                      y={h / 2 - 12}
                      width={3}
                      height={24}
                      cornerRadius={1.5}
                      fill={THEME.text}
                      opacity={0.8}
                    />
                  ))}
              </Group>
            );
          })}
        </Group>
      </Group>
    </Layer>
  );
});
