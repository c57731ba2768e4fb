/**
 * CMX3600 EDL: the video track as events with source and record timecodes, the clip's file
 * name as "* FROM CLIP NAME:" and its prompt/provider/model/seed as "* COMMENT:" lines (the
 * comment conventions Resolve, Premiere and Avid read). A dissolve is the CMX pair: the outgoing
 * clip at the dissolve start with zero length ("C"), then the incoming one ("D" and the length
 * in frames), both under one event number, so record timecodes stay contiguous: every event's
 * record in is the previous one's record out. Dissolves start at the edit point
 * (handoffCut.ts editPoints 'start'). CMX3600 has no dip to black: it is written as a
 * dissolve with a comment. Timecode is non-drop at the rounded rate (29.97 counts as 30).
 */
import { fpsValue, type Fps } from '../model/time.js';
import { editPoints, type HandoffCut } from './handoffCut.js';
import { transitionLook } from '../model/transitionKinds.js';

/** Record timecode starts at one hour, as editors expect a programme to. */
export const EDL_RECORD_START_FRAMES_HOURS = 1;

export function edlTimecode(frames: number, fps: Fps): string {
  const base = Math.round(fpsValue(fps));
  const ff = frames % base;
  const secs = Math.floor(frames / base);
  return [Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60, ff]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}

/** CMX comments are one line: newlines become " / ". */
function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' / ').trim();
}

function event(n: number, kind: string, src: [number, number], rec: [number, number], fps: Fps): string {
  const tc = (f: number) => edlTimecode(f, fps);
  return `${String(n).padStart(3, '0')}  AX       V     ${kind.padEnd(8)} ${tc(src[0])} ${tc(src[1])} ${tc(rec[0])} ${tc(rec[1])}`;
}

export function writeEdl(cut: HandoffCut): string {
  const { fps } = cut;
  const offset = EDL_RECORD_START_FRAMES_HOURS * 3600 * Math.round(fpsValue(fps));
  const lines = [`TITLE: ${oneLine(cut.name).slice(0, 70)}`, 'FCM: NON-DROP FRAME', ''];
  const points = editPoints(cut, 'start');
  points.forEach((p, i) => {
    const n = i + 1;
    const c = p.clip;
    const recIn = offset + p.recordIn;
    const recOut = recIn + p.frames;
    const prev = points[i - 1];
    if (p.after > 0 && prev) {
      const prevSrcOut = prev.sourceIn + prev.frames;
      lines.push(event(n, 'C', [prevSrcOut, prevSrcOut], [recIn, recIn], fps));
      lines.push(
        event(n, `D    ${String(p.after).padStart(3, '0')}`, [p.sourceIn, p.sourceIn + p.frames], [recIn, recOut], fps),
      );
      const effect = transitionLook(c.transition)?.edlEffect;
      if (effect) lines.push(effect);
      lines.push(`* FROM CLIP NAME: ${oneLine(prev.clip.take.originalName)}`);
      lines.push(`* TO CLIP NAME: ${oneLine(c.take.originalName)}`);
    } else {
      lines.push(event(n, 'C', [p.sourceIn, p.sourceIn + p.frames], [recIn, recOut], fps));
      lines.push(`* FROM CLIP NAME: ${oneLine(c.take.originalName)}`);
    }
    lines.push(`* SOURCE FILE: ${c.take.path}`);
    lines.push(`* COMMENT: SHOT ${c.number} ${oneLine(c.name)}`);
    lines.push(`* COMMENT: PROMPT ${oneLine(c.notes.prompt)}`);
    const gen = [
      c.notes.provider && `PROVIDER ${c.notes.provider}`,
      c.notes.model && `MODEL ${c.notes.model}`,
      c.notes.seed !== null && `SEED ${c.notes.seed}`,
    ].filter(Boolean);
    if (gen.length) lines.push(`* COMMENT: ${gen.join(' ')}`);
    lines.push('');
  });
  return `${lines.join('\n')}`;
}
