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

/** The two frames a picture can become, each with its mark and its button. */
const FRAMES = [
  { which: 'first', is: 'keyframe.isFirst', use: 'keyframe.useFirst', variant: 'secondary' },
  { which: 'last', is: 'keyframe.isLast', use: 'keyframe.useLast', variant: 'ghost' },
] as const;

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
        {FRAMES.map(({ which, is, use, variant }) =>
          (which === 'first' ? isFirst : isLast) ? (
            <span key={which} className="status status-ok">
              {t(is)}
            </span>
          ) : (
            <ActionButton
              key={which}
              action="keyframe.pick"
              payload={{ takeId: take.id, which }}
              variant={variant}
              label={t(use)}
              testId={`keyframe-use-${which}`}
            />
          ),
        )}
        <ActionButton action="take.remove" payload={{ takeId: take.id }} variant="ghost" testId="remove-take" />
      </div>
    </li>
  );
}
