/**
 * The dialogue / subtitle track of the timeline: one box per line at its time (its voice-over
 * item when voiced, else its estimated place), at the timeline's zoom and scroll: x = (frame -
 * scrollFrame) * pxPerFrame from LAYOUT.gutter (timeline/geometry.ts). The cues sit at
 * frame * pxPerFrame in one box that the scroll moves (timeline/scroll.ts): a pan renders nothing. Unvoiced lines are
 * dashed; a line that runs past its shot's end is marked (the timing warning).
 */
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { subtitleCues } from '../../../../shared/export/subtitles';
import { tooShortShots } from '../../../../shared/model/dialogueTiming';
import { trackLocked, tracksSound } from '../../../../shared/model/tracks';
import { useAppState } from '../../app/context';
import { selection, setEditorUi, viewport } from '../../store/uiEditor';
import { scrollX } from '../drawWindow';
import { LAYOUT } from '../geometry';
import { useViewportEffect } from '../scroll';
import { TrackSwitches } from '../TrackHeaders';

export const DIALOGUE_TRACK_HEIGHT = 38;

export function DialogueTrack() {
  const { t } = useTranslation();
  const snapshot = useAppState((s) => s.snapshot);
  const pxPerFrame = useStore(viewport, (v) => v.pxPerFrame);
  const track = useRef<HTMLDivElement>(null);
  useViewportEffect(viewport, (v) => {
    if (track.current) track.current.style.transform = `translateX(${scrollX(v)}px)`;
  });
  const cues = useMemo(() => (snapshot ? subtitleCues(snapshot) : []), [snapshot]);
  const late = useMemo(() => new Set(snapshot ? tooShortShots(snapshot).map((w) => w.shotId) : []), [snapshot]);
  const shotOf = useMemo(() => new Map((snapshot?.dialogueLines ?? []).map((l) => [l.id, l.shotId])), [snapshot]);
  const fps = snapshot ? snapshot.project.fps.num / snapshot.project.fps.den : 24;
  const states = snapshot?.project.trackStates;
  const veil = `${tracksSound(states, ['dialogue']) ? '' : ' silenced'}${trackLocked(states, 'dialogue') ? ' locked' : ''}`;
  return (
    <div
      className={`track-row dialogue-track${veil}`}
      role="group"
      aria-label={t('workspace.tracks.dialogue')}
      data-testid="dialogue-track"
      onContextMenu={(e) => {
        e.preventDefault();
        setEditorUi({
          contextMenu: { x: e.clientX, y: e.clientY, shotId: null, target: { kind: 'lane', track: 'dialogue' } },
        });
      }}
      style={{ height: DIALOGUE_TRACK_HEIGHT, position: 'relative', overflow: 'hidden' }}
    >
      <div className="track-head dialogue-head" style={{ width: LAYOUT.gutter }}>
        <span className="track-head-name">{t('workspace.tracks.dialogue')}</span>
        <TrackSwitches track="dialogue" />
      </div>
      {cues.length === 0 && <div className="track-body muted small">{t('workspace.tracks.dialogueEmpty')}</div>}
      <div ref={track} className="dialogue-cues">
        {cues.map((c) => {
          const left = LAYOUT.gutter + c.startSec * fps * pxPerFrame;
          const width = Math.max(2, (c.endSec - c.startSec) * fps * pxPerFrame);
          const over = late.has(shotOf.get(c.lineId) ?? '');
          return (
            <div
              key={c.lineId}
              className={`dialogue-cue${c.voiced ? '' : ' unvoiced'}${over ? ' over' : ''}`}
              data-testid="dialogue-cue"
              title={c.translation ? `${c.text}\n${c.translation}` : c.text}
              onContextMenu={(e) => {
                e.preventDefault();
                const shotId = shotOf.get(c.lineId) ?? '';
                selection.getState().select([shotId], 'replace', snapshot?.shots.map((s) => s.id) ?? []);
                setEditorUi({
                  contextMenu: {
                    x: e.clientX,
                    y: e.clientY,
                    shotId,
                    target: { kind: 'dialogue', lineId: c.lineId, shotId },
                  },
                });
              }}
              style={{ position: 'absolute', left, width, top: 3, height: DIALOGUE_TRACK_HEIGHT - 6 }}
            >
              {c.text}
            </div>
          );
        })}
      </div>
    </div>
  );
}
