/** The project's media: every imported or generated picture and clip, with its kind and size. */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import { formatDecimal } from '../panels/format';

function sizeText(bytes: number): string {
  return bytes >= 1e6 ? `${formatDecimal(bytes / 1e6, 1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

export function MediaLibrary() {
  const { t } = useTranslation();
  const assets = useAppState((s) => s.snapshot?.assets);
  if (!assets || assets.length === 0)
    return (
      <p className="muted small pad" data-testid="media-empty">
        {t('workspace.media.empty')}
      </p>
    );
  return (
    <ul className="media-list" data-testid="media-list">
      {assets.map((a) => (
        <li key={a.id} className="media-row" title={a.path}>
          <span className="media-name">{a.originalName}</span>
          <span className="muted small">
            {t(`workspace.media.origin.${a.origin}`)} · {sizeText(a.bytes)}
          </span>
        </li>
      ))}
    </ul>
  );
}
