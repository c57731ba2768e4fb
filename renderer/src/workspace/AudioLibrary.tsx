/** The library's Audio tab: add music, voice-over or sound; the project's audio items, each selectable into the inspector. */
import { useTranslation } from 'react-i18next';
import { framesToSeconds } from '../../../shared/model/time';
import { useAppContext, useAppState } from '../app/context';
import { useSelection } from '../app/useEditor';
import { AudioPanel } from '../timeline/AudioPanel';
import { selection } from '../store/uiEditor';
import { formatDecimal, formatSeconds } from '../panels/format';

export function AudioLibrary() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const items = useAppState((s) => s.snapshot?.audioItems);
  const assets = useAppState((s) => s.snapshot?.assets);
  const fps = useAppState((s) => s.snapshot?.project.fps);
  const focused = useSelection((s) => (s.item?.kind === 'audio' ? s.item.id : null));
  return (
    <div className="audio-library">
      <AudioPanel ctx={ctx} />
      {items && items.length > 0 && fps && (
        <ul className="media-list" data-testid="audio-library-list">
          {items.map((i) => (
            <li key={i.id}>
              <button
                type="button"
                className={`media-row media-button${focused === i.id ? ' selected' : ''}`}
                onClick={() => selection.getState().focus({ kind: 'audio', id: i.id })}
                data-testid="audio-library-item"
                data-id={i.id}
              >
                <span className="media-name">{assets?.find((a) => a.id === i.assetId)?.originalName ?? i.assetId}</span>
                <span className="muted small">
                  {t(`timeline.lanes.${i.lane}`)} · {formatSeconds(framesToSeconds(i.startFrame, fps))} ·{' '}
                  {formatDecimal(i.gainDb, 1)} dB
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
