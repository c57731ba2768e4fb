/**
 * A shot's first or last frame: drop an image, pick a file (uploaded to the host first), use
 * the previous shot's last frame (first frame) or the next shot's first frame (last frame), or
 * clear. Each choice is one shots.setFrame (one undo step).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { actions, runAction } from '../actions';
import type { FrameSource } from '../actions/payloads';
import { projectFile } from '../api/client';
import { useAppContext } from '../app/context';
import { useImageDrop } from '../components/useImageDrop';
import { assetById } from '../store/selectors';

export function FrameSlot({
  shot,
  snapshot,
  which,
  isFirstShot,
  isLastShot,
}: {
  shot: Shot;
  snapshot: ProjectSnapshot;
  which: 'first' | 'last';
  isFirstShot: boolean;
  isLastShot: boolean;
}) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const inputId = useId();
  const asset = assetById(snapshot, which === 'first' ? shot.firstFrameAssetId : shot.lastFrameAssetId);
  const set = (source: FrameSource | null) =>
    void runAction(ctx, actions['shot.setFrame'], { shotId: shot.id, which, source });
  const { over, dropProps } = useImageDrop(([file]) => {
    if (file) set({ file });
  });
  const label = which === 'first' ? t('editor.inspector.firstFrame') : t('editor.inspector.lastFrame');
  return (
    <div className="frame-slot" data-testid={`frame-${which}`}>
      <span className="frame-label">{label}</span>
      <div className={`frame-drop${over ? ' over' : ''}`} {...dropProps}>
        {asset ? (
          <img src={ctx.api.mediaUrl(projectFile(snapshot.dir, asset.path))} alt={label} />
        ) : (
          <span className="muted small">{t('editor.inspector.dropImage')}</span>
        )}
      </div>
      <div className="frame-tools">
        <input
          id={inputId}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          className="file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) set({ file });
            e.target.value = '';
          }}
          data-testid={`frame-${which}-file`}
        />
        <label htmlFor={inputId} className="btn btn-ghost btn-small">
          {t('file.choose')}
        </label>
        {which === 'first' && !isFirstShot && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => set({ previousShotLastFrame: true })}
            title={t('editor.inspector.previousHint')}
          >
            {t('editor.inspector.previous')}
          </button>
        )}
        {which === 'last' && !isLastShot && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => set({ nextShotFirstFrame: true })}
            title={t('continuity.nextHint')}
            data-testid="frame-last-next"
          >
            {t('continuity.next')}
          </button>
        )}
        {asset && (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => set(null)}>
            {t('editor.inspector.clear')}
          </button>
        )}
      </div>
    </div>
  );
}
