/** One shot in the strip: number, thumbnail, prompt excerpt, duration, camera, takes, status. */
import { ContinuityBadge } from './ContinuityBadge';
import { OutdatedBadge } from './OutdatedBadge';
import type { DragEvent, KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { projectFile } from '../api/client';
import { useAppContext, useAppState } from '../app/context';
import { useSelection } from '../app/useEditor';
import { useShotCaption } from '../app/useShotCaption';
import { ProgressBar } from '../components/ProgressBar';
import { jobErrorText } from '../components/serviceText';
import { assertNever } from '../../../shared/assertNever';
import { assetById, shotStatus, takesOf, type ShotStatus } from '../store/selectors';
import { ElementChip } from './elements/ElementThumb';
import { formatSeconds } from './format';
import { useThumbnail } from './useThumbnail';

interface Thumb {
  kind: 'video' | 'image' | 'loading';
  url: string;
}

/** The take's thumbnail (its clip if there is none), else the first frame, else nothing (the card shows the prompt). */
function thumbOf(
  snapshot: ProjectSnapshot,
  shot: Shot,
  mediaUrl: (abs: string) => string,
  still: string | null,
): Thumb | null {
  const take = snapshot.takes.find((t) => t.id === shot.selectedTakeId);
  const clip = take ? assetById(snapshot, take.assetId) : null;
  if (clip && still) return { kind: 'image', url: still };
  if (clip && still === null) return { kind: 'loading', url: '' };
  // A media fragment makes the browser decode and show a frame instead of a black box; the
  // middle of the trimmed take is representative (the start of a title card is a fade-in).
  if (clip) {
    const fps = snapshot.project.fps.num / snapshot.project.fps.den;
    const end = shot.trimOutFrames !== null ? shot.trimOutFrames / fps : clip.info.durationSec;
    const at = (shot.trimInFrames / fps + end) / 2;
    return { kind: 'video', url: `${mediaUrl(projectFile(snapshot.dir, clip.path))}#t=${at.toFixed(3)}` };
  }
  const frame = assetById(snapshot, shot.firstFrameAssetId);
  if (frame) return { kind: 'image', url: mediaUrl(projectFile(snapshot.dir, frame.path)) };
  return null;
}

/** An imported clip's file name, which says more than "no prompt" about a clip shot. */
function clipName(snapshot: ProjectSnapshot, shot: Shot): string {
  const take = snapshot.takes.find((t) => t.id === shot.selectedTakeId);
  return take ? (assetById(snapshot, take.assetId)?.originalName ?? '') : '';
}

function StatusPill({ status }: { status: ShotStatus }) {
  const { t, i18n } = useTranslation();
  const error = status.kind === 'failed' ? jobErrorText(i18n, status.error, status.errorInfo, status.providerId) : '';
  switch (status.kind) {
    case 'generating':
      return (
        <span className="status status-busy">
          <span>
            {t(`status.${status.state}`, { defaultValue: t('status.running') })} {Math.round(status.progress * 100)}%
          </span>
          <ProgressBar value={status.progress} label={t('status.progress')} />
        </span>
      );
    case 'failed':
      return status.unknown ? (
        <span className="status status-failed" title={error} data-testid="status-unknown">
          {t('status.unknown')}
        </span>
      ) : (
        <span className="status status-failed" title={error}>
          {t('status.failed', { error })}
        </span>
      );
    case 'take':
      return <span className="status status-ok">{t('status.take')}</span>;
    case 'none':
      return <span className="status">{t('status.none')}</span>;
    default:
      return assertNever(status, 'shot status');
  }
}

interface CardProps {
  shotId: string;
  index: number;
  /** Length in the cut (computed once for the whole grid: O(n), not O(n²) per change). */
  seconds: number;
  className: string;
  onSelect(e: MouseEvent): void;
  onKeyDown(e: KeyboardEvent): void;
  onDragStart(e: DragEvent): void;
  onDragOver(e: DragEvent): void;
  onContextMenu(e: MouseEvent): void;
}

export function ShotCard({
  shotId,
  index,
  seconds,
  className,
  onSelect,
  onKeyDown,
  onDragStart,
  onDragOver,
  onContextMenu,
}: CardProps) {
  const { t } = useTranslation();
  const { api } = useAppContext();
  const shot = useAppState((s) => s.snapshot?.shots.find((x) => x.id === shotId));
  const snapshot = useAppState((s) => s.snapshot);
  const named = useShotCaption(shotId);
  const live = useAppState((s) => s.jobs[shotId]);
  const selected = useSelection((s) => s.ids.includes(shotId));
  const takeId = shot?.selectedTakeId ?? null;
  const still = useThumbnail(snapshot?.dir ?? '', snapshot?.takes.find((x) => x.id === takeId)?.assetId ?? null);
  if (!shot || !snapshot) return null;
  const thumb = thumbOf(snapshot, shot, api.mediaUrl, still);
  const status = shotStatus(shot, snapshot, live);
  const takes = takesOf(snapshot, shotId).length;
  // @tags read as element names ("@Mara_Lee" -> "Mara Lee"): shared/model/shotCaption.ts.
  const text = named.prompt || named.title || clipName(snapshot, shot) || t('shot.noPrompt');
  const elements = shot.elementIds.flatMap((id) => snapshot.elements.find((e) => e.id === id) ?? []);
  return (
    <li
      className={`card-item ${className}`}
      draggable
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      data-shot-id={shotId}
    >
      <button
        type="button"
        className={`shot-card${selected ? ' selected' : ''}`}
        aria-pressed={selected}
        data-testid="shot-card"
        data-status={status.kind}
        onClick={onSelect}
        onKeyDown={onKeyDown}
        onContextMenu={onContextMenu}
        title={t('editor.grid.cardHint')}
      >
        <span className="thumb">
          {thumb?.kind === 'video' && <video src={thumb.url} muted playsInline preload="metadata" aria-hidden="true" />}
          {thumb?.kind === 'image' && <img src={thumb.url} alt="" draggable={false} />}
          {!thumb && <span className="thumb-text">{named.prompt || t('shot.untitled')}</span>}
          <span className="shot-number">{index + 1}</span>
        </span>
        <span className="card-body">
          <span className="prompt-excerpt" data-testid="shot-prompt">
            {text}
          </span>
          <span className="card-meta">
            <span>{formatSeconds(seconds)}</span>
            <span>{t(`camera.${shot.camera}`)}</span>
            <span>{t('shot.takes', { count: takes })}</span>
            <ContinuityBadge takeId={takeId} />
            <OutdatedBadge takeId={takeId} />
          </span>
          {elements.length > 0 && (
            <span className="chips" data-testid="card-elements">
              {elements.map((e) => (
                <ElementChip key={e.id} element={e} snapshot={snapshot} />
              ))}
            </span>
          )}
          <StatusPill status={status} />
        </span>
      </button>
    </li>
  );
}
