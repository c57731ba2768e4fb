/** A shot's takes with a playable preview each; one is selected for the cut. */
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { projectFile } from '../api/client';
import { useAppContext } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { assetById, takesOf } from '../store/selectors';

export function TakeList({ shot, snapshot }: { shot: Shot; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const { api } = useAppContext();
  const takes = takesOf(snapshot, shot.id);
  const frame = assetById(snapshot, shot.firstFrameAssetId);
  if (takes.length === 0) {
    return (
      <div className="takes takes-empty" data-testid="takes">
        {frame ? (
          <img className="preview" src={api.mediaUrl(projectFile(snapshot.dir, frame.path))} alt={t('shot.firstFrame')} />
        ) : (
          <div className="preview preview-text">{shot.prompt || t('shot.noPrompt')}</div>
        )}
        <p className="muted small">{t('takes.none')}</p>
      </div>
    );
  }
  return (
    <ul className="takes" data-testid="takes" aria-label={t('takes.title')}>
      {takes.map((take, i) => {
        const asset = assetById(snapshot, take.assetId);
        const selected = take.id === shot.selectedTakeId;
        return (
          <li key={take.id} className={selected ? 'take selected' : 'take'} data-testid="take">
            {asset ? (
              <video className="preview" src={api.mediaUrl(projectFile(snapshot.dir, asset.path))} controls muted playsInline preload="metadata" />
            ) : (
              <div className="preview preview-text">{t('takes.missing')}</div>
            )}
            <div className="take-meta">
              <span>{t('takes.label', { number: i + 1, provider: t(`providers.${take.provider}`, { defaultValue: take.provider }) })}</span>
              {asset && <span className="muted small">{asset.info.durationSec.toFixed(1)} s · {asset.info.width}×{asset.info.height}</span>}
              {selected ? (
                <span className="status status-ok">{t('takes.selected')}</span>
              ) : (
                <ActionButton action="shot.selectTake" payload={{ shotId: shot.id, takeId: take.id }} variant="ghost" />
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
