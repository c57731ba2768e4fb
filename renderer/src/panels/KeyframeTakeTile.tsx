/**
 * An image take (a keyframe made from references) in the takes gallery: the picture, its model,
 * whether it is the shot's first or last frame, and "Use as first frame" / "Use as last frame"
 * (keyframes.pick: ONE undo step). The shot's Generate then animates it (image to video).
 */
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot, Take } from '../../../shared/model/entities';
import { projectFile } from '../api/client';
import { useAppContext } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { assetById } from '../store/selectors';

export function KeyframeTakeTile({
  take,
  number,
  shot,
  snapshot,
}: {
  take: Take;
  number: number;
  shot: Shot;
  snapshot: ProjectSnapshot;
}) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const asset = assetById(snapshot, take.assetId);
  const isFirst = shot.firstFrameAssetId === take.assetId;
  const isLast = shot.lastFrameAssetId === take.assetId;
  const provider = t(`keyframe.providers.${take.provider}`, { defaultValue: take.provider });
  return (
    <li
      className={`take keyframe-take${isFirst || isLast ? ' selected' : ''}`}
      data-testid="keyframe-take"
      data-take-id={take.id}
      data-first={isFirst}
      data-last={isLast}
    >
      {asset ? (
        <img
          className="preview"
          src={ctx.api.mediaUrl(projectFile(snapshot.dir, asset.path))}
          alt={t('keyframe.takeLabel', { number, provider })}
        />
      ) : (
        <div className="preview preview-text">{t('takes.missing')}</div>
      )}
      <div className="take-meta">
        <span className="take-name">{t('keyframe.takeLabel', { number, provider })}</span>
        {asset && (
          <span className="muted small">
            {asset.info.width}×{asset.info.height}
          </span>
        )}
        {take.model && <span className="muted small">{take.model}</span>}
      </div>
      <div className="take-tools">
        {isFirst && <span className="status status-ok">{t('keyframe.isFirst')}</span>}
        {isLast && <span className="status status-ok">{t('keyframe.isLast')}</span>}
        {!isFirst && (
          <ActionButton
            action="keyframe.pick"
            payload={{ takeId: take.id, which: 'first' }}
            variant="secondary"
            label={t('keyframe.useFirst')}
            testId="keyframe-use-first"
          />
        )}
        {!isLast && (
          <ActionButton
            action="keyframe.pick"
            payload={{ takeId: take.id, which: 'last' }}
            variant="ghost"
            label={t('keyframe.useLast')}
            testId="keyframe-use-last"
          />
        )}
        <ActionButton action="take.remove" payload={{ takeId: take.id }} variant="ghost" testId="remove-take" />
      </div>
    </li>
  );
}
