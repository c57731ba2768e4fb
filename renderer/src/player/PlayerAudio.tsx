/**
 * The audio items' elements under the preview (hidden: they make sound, not pictures), and the
 * hook that keeps them on the playhead while the transport runs. Each element carries its
 * item id and the offset it should be at, so tests can check the sync without hearing it.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { audibleDocument } from '../../../shared/model/tracks';
import { editorUi, viewport } from '../store/uiEditor';
import { AudioItemsPlayer } from './audioItems';
import { audioSpans, type AudioSpan } from './audioSchedule';

function PlayerAudioImpl({ snapshot, urlOf }: { snapshot: ProjectSnapshot; urlOf: (relPath: string) => string }) {
  // Muted (or not soloed) tracks are left out, as at export (shared/model/tracks.ts).
  const spans = useMemo(() => audioSpans(audibleDocument(snapshot)), [snapshot]);
  const els = useRef(new Map<string, HTMLAudioElement>());
  const fps = snapshot.project.fps;

  useEffect(() => {
    const player = new AudioItemsPlayer(fps);
    const items = () =>
      spans.flatMap((span) => {
        const el = els.current.get(span.id);
        return el ? [{ span, el }] : [];
      });
    // After play is pressed the sound waits for the picture to move: the video may first have
    // to load or seek, and sound started before it would run ahead and then jump back.
    let waitAt: number | null = null;
    const sync = () => {
      const rate = editorUi.getState().rate;
      const frame = viewport.getState().playhead;
      if (rate === 0) {
        waitAt = null;
        player.stop(els.current.values());
        return;
      }
      if (waitAt === frame) return;
      waitAt = null;
      player.sync(items(), frame, rate, performance.now());
    };
    sync();
    const offPlayhead = viewport.subscribe((s, prev) => {
      if (s.playhead !== prev.playhead) sync();
    });
    const offRate = editorUi.subscribe((s, prev) => {
      if (s.rate === prev.rate) return;
      if (prev.rate === 0) waitAt = viewport.getState().playhead;
      sync();
    });
    const playing = els.current;
    return () => {
      offPlayhead();
      offRate();
      player.stop(playing.values());
    };
  }, [spans, fps]);

  return (
    <div hidden data-testid="player-audio">
      {spans.map((span: AudioSpan) => (
        <audio
          key={span.id}
          ref={(el) => {
            if (!el) return;
            els.current.set(span.id, el);
            // A removed item's element must not keep sounding after it leaves the page.
            return () => {
              el.pause();
              if (els.current.get(span.id) === el) els.current.delete(span.id);
            };
          }}
          // media:// (Electron) is another origin than the page: without CORS mode Web Audio
          // would hear silence from it. The media routes answer with the CORS header.
          crossOrigin="anonymous"
          preload="auto"
          src={urlOf(span.path)}
          data-item={span.id}
          data-start={span.start}
          data-frames={span.frames}
          data-in={span.inFrame}
        />
      ))}
    </div>
  );
}

/** Memoised: the panel re-renders on every playhead frame; the elements change only with the document. */
export const PlayerAudio = memo(PlayerAudioImpl);
