/**
 * The project's style, at the top of the Elements panel: a prompt added to every shot's prompt
 * (commits on blur or Enter: one undo step) and up to MAX_STYLE_PICTURES pictures, sent after
 * each shot's element pictures. Every picture change sends the whole new list (one undo step).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STYLE_PICTURES } from '../../../../shared/api/style';
import type { ProjectSnapshot } from '../../../../shared/model/entities';
import { actions, runAction } from '../../actions';
import type { PictureSource } from '../../actions/payloads';
import { projectFile } from '../../api/client';
import { useAppContext } from '../../app/context';
import { Field } from '../../components/Field';
import { assetById } from '../../store/selectors';
import { CommitField } from '../CommitField';
import { PictureDrop } from './PictureDrop';
import { ReusePicture } from './ReusePicture';

/** The whole new list after adding `more` (what does not fit in `max` is left out). */
export function withAdded(
  ids: readonly string[],
  more: readonly PictureSource[],
  max = MAX_STYLE_PICTURES,
): PictureSource[] {
  return [...ids.map((assetId) => ({ assetId })), ...more.slice(0, Math.max(0, max - ids.length))];
}

/** The whole new list after moving picture `i` one place earlier (-1) or later (+1). */
export function withMoved(ids: readonly string[], i: number, delta: -1 | 1): PictureSource[] {
  const next = [...ids];
  const j = i + delta;
  if (j >= 0 && j < next.length) [next[i], next[j]] = [next[j] as string, next[i] as string];
  return next.map((assetId) => ({ assetId }));
}

export function StyleSection({ snapshot }: { snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const inputId = useId();
  const ids = snapshot.project.styleRefAssetIds;
  const room = MAX_STYLE_PICTURES - ids.length;
  const setPictures = (pictures: PictureSource[]) => void runAction(ctx, actions['style.setPictures'], { pictures });
  // Extra files beyond the room left are dropped here, not refused by the service as a whole.
  const add = (more: PictureSource[]) => {
    if (more.length && room > 0) setPictures(withAdded(ids, more));
  };
  const move = (i: number, delta: -1 | 1) => setPictures(withMoved(ids, i, delta));
  const reusable = snapshot.assets.filter((a) => a.info.kind === 'image' && !ids.includes(a.id));
  return (
    <div className="style-section" role="group" aria-labelledby={`${inputId}-title`} data-testid="style-section">
      <h3 id={`${inputId}-title`} className="small muted">
        {t('style.title')}
      </h3>
      <p className="muted small style-explain">{t('style.explain')}</p>
      <Field label={t('style.prompt')}>
        <CommitField
          multiline
          rows={2}
          value={snapshot.project.stylePrompt}
          placeholder={t('style.promptPlaceholder')}
          testId="style-prompt"
          onCommit={(stylePrompt) => void runAction(ctx, actions['style.setPrompt'], { stylePrompt })}
        />
      </Field>
      <div className="element-pictures">
        <ul className="picture-list" aria-label={t('style.pictures')} data-testid="style-pictures">
          {ids.map((assetId, i) => {
            const asset = assetById(snapshot, assetId);
            return (
              <li key={assetId} className="picture style-picture" data-asset-id={assetId}>
                {asset && (
                  <img
                    src={ctx.api.mediaUrl(projectFile(snapshot.dir, asset.path))}
                    alt={t('style.pictureAlt', { n: i + 1 })}
                  />
                )}
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={t('style.removePicture', { n: i + 1 })}
                  onClick={() => setPictures(ids.filter((x) => x !== assetId).map((id) => ({ assetId: id })))}
                >
                  ×
                </button>
                <span className="style-move">
                  {i > 0 && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      aria-label={t('style.moveEarlier', { n: i + 1 })}
                      onClick={() => move(i, -1)}
                    >
                      ‹
                    </button>
                  )}
                  {i < ids.length - 1 && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      aria-label={t('style.moveLater', { n: i + 1 })}
                      onClick={() => move(i, 1)}
                    >
                      ›
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
        {room > 0 ? (
          <PictureDrop hint={t('style.dropPictures', { count: room })} testId="style-add-pictures" onAdd={add} />
        ) : (
          <p className="muted small">{t('style.full', { count: MAX_STYLE_PICTURES })}</p>
        )}
        {room > 0 && reusable.length > 0 && <ReusePicture reusable={reusable} testId="style-reuse" onAdd={add} />}
      </div>
    </div>
  );
}
