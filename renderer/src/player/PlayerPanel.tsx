/**
 * The preview player: the cut from the playhead, through each shot's trim, with sound; a
 * title card stands in for shots without a take. Transport buttons run the same registry
 * actions as Space/J/K/L/arrows; safe-area guides show 9:16, 1:1 or 4:5 crops of the frame.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { audibleDocument } from '../../../shared/model/tracks';
import { projectFile } from '../api/client';
import { useAction, useAppContext, useAppState } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { useShotCaption } from '../app/useShotCaption';
import { setEditorUi, type SafeGuide } from '../store/uiEditor';
import { Icon, type IconName } from './icons';
import { cutLength, guideRect, locate, playSegments, timecode } from './cutPosition';
import { usePlayhead } from './playhead';
import { usePlayback } from './usePlayback';
import { PlayerAudio } from './PlayerAudio';
import { SafeAreas } from './SafeAreas';
import { useFramingDrag } from './useFramingDrag';

const GUIDES: readonly SafeGuide[] = ['off', '9:16', '1:1', '4:5'];

function TransportButton({
  id,
  icon,
  testId,
}: {
  id: 'play.toggle' | 'frame.prev' | 'frame.next' | 'shot.prevEdit' | 'shot.nextEdit' | 'player.fullscreen';
  icon: IconName;
  testId: string;
}) {
  const a = useAction(id, undefined);
  return (
    <button
      type="button"
      className="btn btn-ghost btn-icon"
      disabled={!a.enabled}
      title={a.title}
      aria-label={a.label}
      data-testid={testId}
      onClick={() => void a.run()}
    >
      <Icon name={icon} />
    </button>
  );
}

/**
 * The card shown for a shot without a take, as the animatic burns it in: the shot's title (not a
 * number, which goes stale after a reorder), then its prompt, @tags shown as element names.
 */
function PlayerCard({ shotId }: { shotId: string }) {
  const { t } = useTranslation();
  const { title, prompt } = useShotCaption(shotId);
  return (
    <div className="player-card" data-testid="player-card">
      {title && (
        <strong className="player-card-title" data-testid="player-card-title">
          {title}
        </strong>
      )}
      {(prompt || !title) && <span data-testid="player-card-text">{prompt || t('shot.untitled')}</span>}
    </div>
  );
}

export function PlayerPanel() {
  const { t } = useTranslation();
  const { api } = useAppContext();
  const snapshot = useAppState((s) => s.snapshot);
  // The take's sound follows its mute and the shot track's switches, as at export.
  const segments = useMemo(() => (snapshot ? playSegments(audibleDocument(snapshot)) : []), [snapshot]);
  const dir = snapshot?.dir ?? '';
  const urlOf = useCallback((rel: string) => api.mediaUrl(projectFile(dir, rel)), [api, dir]);
  const fps = snapshot?.project.fps ?? { num: 24, den: 1 };
  const slots = usePlayback(segments, fps, urlOf);
  const playhead = usePlayhead();
  const rate = useEditorUi((s) => s.rate);
  const guide = useEditorUi((s) => s.guide);
  const safeAreas = useEditorUi((s) => s.safeAreas);
  const drag = useFramingDrag(snapshot, segments);
  if (!snapshot) return null;
  const { width, height } = snapshot.project;
  const pos = locate(segments, playhead);
  const total = cutLength(segments);
  const rect = guide === 'off' ? null : guideRect(width, height, guide);
  return (
    <section className="panel player" aria-label={t('editor.player.title')} data-testid="player">
      {/* The canvas at the project's aspect (--canvas-ratio sizes it: editor.css); pictures are placed by framing. */}
      <div
        className="player-stage"
        data-player-stage
        data-testid="player-stage"
        {...drag}
        style={{ aspectRatio: `${width} / ${height}`, ['--canvas-ratio' as string]: String(width / height) }}
      >
        {[0, 1].map((i) => (
          <video
            key={i}
            ref={(el) => {
              slots.current[i] = el;
            }}
            className="player-video"
            playsInline
            preload="auto"
            data-active="false"
            data-testid={`player-video-${i}`}
          />
        ))}
        {pos && pos.segment.mediaPath === null && <PlayerCard shotId={pos.segment.shotId} />}
        {segments.length === 0 && (
          <div className="player-card muted">
            <span>{t('editor.player.empty')}</span>
          </div>
        )}
        {rect && (
          <svg className="safe-guide" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
            <path
              fillRule="evenodd"
              d={`M0 0H${width}V${height}H0Z M${rect.x} ${rect.y}h${rect.w}v${rect.h}h${-rect.w}Z`}
            />
            <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} />
          </svg>
        )}
        {safeAreas && <SafeAreas width={width} height={height} />}
        {pos && <span className="player-shot-badge">{pos.index + 1}</span>}
      </div>
      <PlayerAudio snapshot={snapshot} urlOf={urlOf} />
      <div className="player-bar">
        <div className="btn-group">
          <TransportButton id="shot.prevEdit" icon="prevShot" testId="player-prev-shot" />
          <TransportButton id="frame.prev" icon="prevFrame" testId="player-frame-back" />
          <TransportButton id="play.toggle" icon={rate !== 0 ? 'pause' : 'play'} testId="player-play" />
          <TransportButton id="frame.next" icon="nextFrame" testId="player-frame-next" />
          <TransportButton id="shot.nextEdit" icon="nextShot" testId="player-next-shot" />
        </div>
        <span className="timecode mono" data-testid="playhead" data-frame={playhead}>
          {timecode(playhead, fps)} <span className="muted">/ {timecode(total, fps)}</span>
          {rate !== 0 && rate !== 1 && (
            <span className="rate">
              {' '}
              {rate > 0 ? '▶' : '◀'}
              {Math.abs(rate)}×
            </span>
          )}
        </span>
        <div className="player-tools">
          <label className="guide-select">
            <span className="visually-hidden">{t('editor.player.guides')}</span>
            <select
              value={guide}
              aria-label={t('editor.player.guides')}
              onChange={(e) => setEditorUi({ guide: e.target.value as SafeGuide })}
              data-testid="player-guides"
            >
              {GUIDES.map((g) => (
                <option key={g} value={g}>
                  {g === 'off' ? t('editor.player.guidesOff') : t('editor.player.guide', { aspect: g })}
                </option>
              ))}
            </select>
          </label>
          <TransportButton id="player.fullscreen" icon="fullscreen" testId="player-fullscreen" />
        </div>
      </div>
    </section>
  );
}
