/**
 * The dialogue / subtitle track of the timeline: one box per line at its time (its voice-over
 * item when voiced, else its estimated place), at the timeline's zoom and scroll: x = (frame -
 * scrollFrame) * pxPerFrame from LAYOUT.gutter (timeline/geometry.ts). The cues sit at
 * frame * pxPerFrame (through the box's --ppf) in one box that the scroll moves
 * (timeline/scroll.ts): neither a pan nor a zoom step renders a cue. Unvoiced lines are
 * dashed; a line that runs past its shot's end is marked (the timing warning).
 */
import { memo, useCallback, useMemo, useRef, type MouseEvent as ReactMouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
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

/** One cue at content x through the track's --ppf (px per frame): a zoom step renders no cue. */
const Cue = memo(function Cue({
  lineId,
  shotId,
  text,
  translation,
  voiced,
  over,
  startFrame,
  frames,
  onMenu,
}: {
  lineId: string;
  shotId: string;
  text: string;
  translation: string;
  voiced: boolean;
  over: boolean;
  startFrame: number;
  frames: number;
  onMenu: (e: ReactMouseEvent, lineId: string, shotId: string) => void;
}) {
  return (
    <div
      className={`dialogue-cue${voiced ? '' : ' unvoiced'}${over ? ' over' : ''}`}
      data-testid="dialogue-cue"
      title={translation ? `${text}\n${translation}` : text}
      onContextMenu={(e) => onMenu(e, lineId, shotId)}
      style={{
        position: 'absolute',
        left: `calc(${LAYOUT.gutter}px + var(--ppf) * ${startFrame}px)`,
        width: `max(2px, calc(var(--ppf) * ${frames}px))`,
        top: 3,
        height: DIALOGUE_TRACK_HEIGHT - 6,
      }}
    >
      {text}
    </div>
  );
});

export function DialogueTrack() {
  const { t } = useTranslation();
  const snapshot = useAppState((s) => s.snapshot);
  const track = useRef<HTMLDivElement>(null);
  // The scroll moves the cues' box, the zoom sets its --ppf: neither renders a cue.
  useViewportEffect(viewport, (v) => {
    const el = track.current;
    if (!el) return;
    el.style.transform = `translateX(${scrollX(v)}px)`;
    const ppf = String(v.pxPerFrame);
    if (el.style.getPropertyValue('--ppf') !== ppf) el.style.setProperty('--ppf', ppf);
  });
  const cues = useMemo(() => (snapshot ? subtitleCues(snapshot) : []), [snapshot]);
  const late = useMemo(() => new Set(snapshot ? tooShortShots(snapshot).map((w) => w.shotId) : []), [snapshot]);
  const shotOf = useMemo(() => new Map((snapshot?.dialogueLines ?? []).map((l) => [l.id, l.shotId])), [snapshot]);
  const shotIds = useMemo(() => snapshot?.shots.map((s) => s.id) ?? [], [snapshot]);
  const onMenu = useCallback(
    (e: ReactMouseEvent, lineId: string, shotId: string) => {
      e.preventDefault();
      selection.getState().select([shotId], 'replace', shotIds);
      setEditorUi({
        contextMenu: { x: e.clientX, y: e.clientY, shotId, target: { kind: 'dialogue', lineId, shotId } },
      });
    },
    [shotIds],
  );
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
          const shotId = shotOf.get(c.lineId) ?? '';
          return (
            <Cue
              key={c.lineId}
              lineId={c.lineId}
              shotId={shotId}
              text={c.text}
              translation={c.translation}
              voiced={c.voiced}
              over={late.has(shotId)}
              startFrame={c.startSec * fps}
              frames={(c.endSec - c.startSec) * fps}
              onMenu={onMenu}
            />
          );
        })}
      </div>
    </div>
  );
}
