/**
 * Audio items on their lanes. Each item is ONE Konva shape whose sceneFunc draws its box,
 * waveform (only the columns inside the culled range), file name and gain. Memoised, and it
 * subscribes only to its own slice of the gesture and selection, so dragging an item
 * re-renders that item alone (quality.md UI-2).
 */
import { memo, useContext, useMemo } from 'react';
import { Shape } from 'react-konva';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useAppState } from '../app/context';
import { AUDIO_BOX_H, audioModel, laneTop, waveformBuckets, type AudioBox } from './audioModel';
import { TimelineEnv } from './env';
import { noteRender } from './probe';
import { THEME } from './theme';
import { usePeaks, type Peaks } from './waveform';

interface Props {
  box: AudioBox;
  pxPerFrame: number;
  /** The culled frame range: nothing outside it is drawn. */
  lo: number;
  hi: number;
}

/** Draws columns from..to (item px) in the band top..top+h. */
function drawWave(
  ctx: CanvasRenderingContext2D,
  peaks: Peaks,
  b: { inFrame: number; mediaFrames: number; gainDb: number },
  pxPerFrame: number,
  from: number,
  to: number,
  top: number,
  h: number,
) {
  const n = peaks.length;
  if (n === 0) return;
  // Louder items look louder: the gain scales the drawn peaks (clipped at the box).
  const gain = 10 ** (b.gainDb / 20);
  const mid = top + h / 2;
  ctx.beginPath();
  for (let x = Math.floor(from); x < to; x++) {
    const fileFrame = b.inFrame + x / pxPerFrame;
    const peak = peaks[Math.min(n - 1, Math.max(0, Math.floor((fileFrame / b.mediaFrames) * n)))] ?? 0;
    const half = Math.max(0.5, Math.min(1, peak * gain) * (h / 2 - 1));
    ctx.moveTo(x + 0.5, mid - half);
    ctx.lineTo(x + 0.5, mid + half);
  }
  ctx.stroke();
}

function AudioClipImpl({ box, pxPerFrame, lo, hi }: Props) {
  noteRender('AudioClip');
  const { t } = useTranslation();
  const env = useContext(TimelineEnv);
  const edit = useStore(env.gesture, (s) => (s.audio?.id === box.id ? s.audio : null));
  const selected = useStore(env.audioSelection, (s) => s.id === box.id);
  const peaks = usePeaks(env.api, box.assetId, waveformBuckets(box.mediaFrames, pxPerFrame));
  const start = edit ? edit.start : box.start;
  const inFrame = edit ? edit.inFrame : box.inFrame;
  const frames = (edit ? edit.outFrame : box.outFrame) - inFrame;
  const x = Math.round(start * pxPerFrame);
  const width = Math.max(1, Math.round((start + frames) * pxPerFrame) - x - 1);
  const h = AUDIO_BOX_H;
  const label = t('timeline.audio.label', {
    name: box.name,
    gain: (box.gainDb > 0 ? '+' : '') + box.gainDb.toFixed(1),
  });
  // Columns to draw, in the item's own pixels.
  const from = Math.max(0, (lo - start) * pxPerFrame);
  const to = Math.min(width, (hi - start) * pxPerFrame);
  return (
    <Shape
      x={x}
      y={laneTop(box.lane)}
      listening={false}
      perfectDrawEnabled={false}
      opacity={edit && edit.kind === 'move' ? 0.85 : 1}
      sceneFunc={(c) => {
        const ctx = c._context;
        ctx.save();
        ctx.beginPath();
        ctx.rect(0, 0, width, h);
        ctx.clip();
        ctx.fillStyle = THEME.audio;
        ctx.fillRect(0, 0, width, h);
        // The name takes the top 14 px when it is shown; the waveform the rest.
        const textH = width >= 40 ? 14 : 0;
        if (peaks) {
          ctx.strokeStyle = THEME.audioWave;
          ctx.lineWidth = 1;
          drawWave(
            ctx,
            peaks,
            { inFrame, mediaFrames: box.mediaFrames, gainDb: box.gainDb },
            pxPerFrame,
            from,
            to,
            textH,
            h - textH,
          );
        }
        if (textH > 0) {
          ctx.font = `11px ${THEME.font}`;
          ctx.fillStyle = THEME.text;
          ctx.fillText(label, 5, 11);
        }
        ctx.restore();
        ctx.strokeStyle = selected ? THEME.accent : THEME.border;
        ctx.lineWidth = selected ? 2 : 1;
        ctx.strokeRect(0.5, 0.5, width - 1, h - 1);
        if (selected && width >= 24) {
          // Trim handles: the file bounds both edges.
          ctx.fillStyle = THEME.text;
          ctx.fillRect(1, h / 2 - 7, 3, 14);
          ctx.fillRect(width - 4, h / 2 - 7, 3, 14);
        }
      }}
    />
  );
}

export const AudioClip = memo(AudioClipImpl);

/** The items intersecting the culled range, the one being edited drawn last (on top). */
export const AudioItems = memo(function AudioItems({
  pxPerFrame,
  lo,
  hi,
}: {
  pxPerFrame: number;
  lo: number;
  hi: number;
}) {
  noteRender('AudioItems');
  const env = useContext(TimelineEnv);
  const boxes = useAppState((s) => audioModel(s.snapshot));
  const editing = useStore(env.gesture, (s) => s.audio?.id ?? null);
  const visible = useMemo(() => {
    const inView = boxes.filter((b) => b.id === editing || (b.start < hi && b.start + b.frames > lo));
    return [...inView.filter((b) => b.id !== editing), ...inView.filter((b) => b.id === editing)];
  }, [boxes, lo, hi, editing]);
  return (
    <>
      {visible.map((b) => (
        <AudioClip key={b.id} box={b} pxPerFrame={pxPerFrame} lo={lo} hi={hi} />
      ))}
    </>
  );
});
