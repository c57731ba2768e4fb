/**
 * The preview transport. Two <video> elements are double-buffered: the active one plays the
 * shot under the playhead from its trim in point, the other is loaded and seeked to the next
 * shot's in point so the switch at the cut is immediate. While a shot's media plays, the
 * playhead follows the media clock (picture and sound stay together); shots without a take,
 * reverse play (J) and stalled media advance on the wall clock instead. Inside a transition
 * the outgoing shot stays active to its end while the preloaded incoming one plays on top with
 * the opacity, shift (slides) or uncovered part (wipes) the export's blend would give, over
 * black or white (cutPosition.transitionAt / transitionDraw).
 */
import { useEffect, useRef } from 'react';
import type { Fps } from '../../../shared/model/time';
import { editorUi, setEditorUi, viewport } from '../store/uiEditor';
import {
  cutLength,
  frameAtMediaTime,
  locate,
  mediaTime,
  transitionAt,
  transitionDraw,
  transitionVolume,
  type PlaySegment,
  type TransitionLayer,
} from './cutPosition';
import { getPlayhead, setPlayhead } from './playhead';
import { placeVideo } from './framingBox';

type Slots = [HTMLVideoElement | null, HTMLVideoElement | null];

export function usePlayback(segments: readonly PlaySegment[], fps: Fps, urlOf: (relPath: string) => string) {
  const slots = useRef<Slots>([null, null]);
  const active = useRef(0);

  useEffect(() => {
    const fpsValue = fps.num / fps.den;
    const video = (i: number) => slots.current[i] ?? null;
    const urlFor = (seg: PlaySegment | undefined) => (seg?.mediaPath ? urlOf(seg.mediaPath) : '');
    const load = (i: number, seg: PlaySegment | undefined) => {
      const v = video(i);
      const url = urlFor(seg);
      if (!v) return;
      // Placed on every load: two shots may share media (a split) yet be framed apart.
      placeVideo(v, seg?.box ?? null);
      v.dataset.shot = seg?.shotId ?? '';
      v.dataset.soundOff = String(seg?.muted === true);
      if (v.dataset.src === url) return;
      v.dataset.src = url;
      if (url) v.src = url;
      else v.removeAttribute('src');
    };
    const seek = (v: HTMLVideoElement, seconds: number) => {
      if (Math.abs(v.currentTime - seconds) > 0.5 / fpsValue) v.currentTime = seconds;
    };
    const show = (i: number | null) => {
      for (const n of [0, 1]) {
        const v = video(n);
        if (!v) continue;
        v.dataset.active = String(n === i);
        v.muted = n !== i || v.dataset.soundOff === 'true';
        Object.assign(v.style, { opacity: '', zIndex: '', transform: '', clipPath: '' });
        if (v.parentElement) v.parentElement.style.background = '';
        v.volume = 1;
        if (n !== i && !v.paused) v.pause();
      }
    };
    /** Draws the transition under `frame`: the incoming shot's slot on top, both opacities set. */
    const blend = (frame: number, playing: number) => {
      const t = transitionAt(segments, frame);
      const out = video(active.current);
      const inc = video(1 - active.current);
      const next = t ? segments[t.index] : undefined;
      if (!t || !next?.mediaPath || !inc || inc.dataset.src !== urlFor(next)) {
        if (out) out.style.opacity = '';
        return;
      }
      const d = transitionDraw(t.kind, t.progress);
      const vol = transitionVolume(t.kind, t.progress);
      if (out) {
        drawLayer(out, d.from);
        out.volume = vol.from;
        if (out.parentElement) out.parentElement.style.background = d.backdrop === 'white' ? '#fff' : '';
      }
      drawLayer(inc, d.to);
      inc.style.zIndex = '1';
      inc.dataset.active = 'true';
      inc.muted = out === null || inc.dataset.soundOff === 'true';
      inc.volume = vol.to;
      if (playing > 0) {
        if (inc.paused) {
          seek(inc, mediaTime(next, t.offset, fps));
          inc.playbackRate = playing;
          inc.play().catch(() => undefined);
        }
      } else {
        if (!inc.paused) inc.pause();
        seek(inc, mediaTime(next, t.offset, fps));
      }
    };
    /** Makes the slot holding (or about to hold) this segment active; preloads the next. */
    const enter = (index: number, offset: number) => {
      const seg = segments[index]!;
      const url = urlFor(seg);
      if (url && video(1 - active.current)?.dataset.src === url) active.current = 1 - active.current;
      load(active.current, seg);
      const v = video(active.current);
      if (v && url) seek(v, mediaTime(seg, offset, fps));
      show(url ? active.current : null);
      const next = segments[index + 1];
      load(1 - active.current, next);
      const nv = video(1 - active.current);
      if (nv && next?.mediaPath) seek(nv, mediaTime(next, 0, fps));
      return v;
    };

    const showFrame = () => {
      if (editorUi.getState().rate !== 0) return;
      const pos = locate(segments, getPlayhead());
      if (pos) {
        enter(pos.index, pos.offset);
        blend(getPlayhead(), 0);
      } else show(null);
    };
    showFrame();
    const offPlayhead = viewport.subscribe((s, prev) => {
      if (s.playhead !== prev.playhead) showFrame();
    });

    let raf = 0;
    let f = 0;
    let last = 0;
    let written = -1;
    let index = -1;
    let enteredAt = 0;
    const stop = () => {
      cancelAnimationFrame(raf);
      raf = 0;
      for (const n of [0, 1]) video(n)?.pause();
    };
    const tick = (now: number) => {
      const rate = editorUi.getState().rate;
      if (rate === 0) return stop();
      const dt = Math.min(0.25, (now - last) / 1000);
      last = now;
      // Someone moved the playhead (timeline scrub, arrow key): continue from there.
      if (getPlayhead() !== written) {
        f = getPlayhead();
        index = -1;
      }
      const pos = locate(segments, Math.floor(f));
      if (!pos) {
        setEditorUi({ rate: 0 });
        setPlayhead(Math.max(0, Math.min(Math.floor(f), cutLength(segments) - 1)));
        return stop();
      }
      const seg = pos.segment;
      let v = video(active.current);
      if (pos.index !== index) {
        index = pos.index;
        enteredAt = now;
        v = enter(pos.index, pos.offset);
        if (v && seg.mediaPath && rate > 0) {
          v.playbackRate = rate;
          // Autoplay rules may refuse sound without a gesture: play muted rather than not at all.
          v.play().catch(() => {
            v!.muted = true;
            return v!.play().catch(() => undefined);
          });
        }
      }
      const media = seg.mediaPath !== null && v !== null && !v.error;
      if (media && rate > 0 && v) {
        if (v.playbackRate !== rate) v.playbackRate = rate;
        if (!v.paused && !v.seeking && v.readyState >= 2) f = Math.max(f, frameAtMediaTime(seg, v.currentTime, fps));
        else if (now - enteredAt > 400) f += dt * fpsValue * rate;
        if (v.ended) f = seg.startFrame + seg.frames;
      } else {
        f += dt * fpsValue * rate;
        if (v && rate < 0 && !v.paused) v.pause();
        if (media && v && rate < 0) seek(v, mediaTime(seg, Math.max(0, Math.floor(f) - seg.startFrame), fps));
      }
      // Never show media past the out point while the next shot is being entered.
      if (v && f >= seg.startFrame + seg.frames && !v.paused) v.pause();
      if (f < 0) {
        f = 0;
        setEditorUi({ rate: 0 });
      }
      written = Math.floor(f);
      blend(written, rate);
      setPlayhead(written);
      raf = requestAnimationFrame(tick);
    };
    const onRate = (rate: number) => {
      if (rate !== 0 && raf === 0) {
        f = getPlayhead();
        written = f;
        index = -1;
        last = performance.now();
        raf = requestAnimationFrame(tick);
      }
      if (rate === 0 && raf !== 0) {
        stop();
        showFrame();
      }
    };
    onRate(editorUi.getState().rate);
    const offRate = editorUi.subscribe((s, prev) => {
      if (s.rate !== prev.rate) onRate(s.rate);
    });
    return () => {
      offPlayhead();
      offRate();
      stop();
    };
  }, [segments, fps, urlOf]);

  return slots;
}

/** Applies a transition layer to a placed <video>: opacity, a shift in stage pixels, a clip to the revealed part. */
function drawLayer(v: HTMLVideoElement, l: TransitionLayer): void {
  const stage = v.parentElement;
  const w = stage?.clientWidth ?? 0;
  const h = stage?.clientHeight ?? 0;
  v.style.opacity = String(l.opacity);
  v.style.transform = l.shiftX || l.shiftY ? `translate(${l.shiftX * w}px, ${l.shiftY * h}px)` : '';
  const [left, top, right, bottom] = l.reveal;
  if (left === 0 && top === 0 && right === 1 && bottom === 1) {
    v.style.clipPath = '';
    return;
  }
  // The reveal is in stage fractions; the video may be placed larger than the stage (framing).
  const x0 = left * w - v.offsetLeft;
  const y0 = top * h - v.offsetTop;
  const x1 = v.offsetLeft + v.offsetWidth - right * w;
  const y1 = v.offsetTop + v.offsetHeight - bottom * h;
  v.style.clipPath = `inset(${Math.max(0, y0)}px ${Math.max(0, x1)}px ${Math.max(0, y1)}px ${Math.max(0, x0)}px)`;
}
