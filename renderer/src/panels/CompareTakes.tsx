/** Two takes side by side; one transport plays, pauses and seeks both together. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { projectFile } from '../api/client';
import { useAppContext } from '../app/context';
import { assetById } from '../store/selectors';

export function CompareTakes({
  takeIds,
  snapshot,
  onClose,
}: {
  takeIds: readonly string[];
  snapshot: ProjectSnapshot;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { api } = useAppContext();
  const refs = useRef<(HTMLVideoElement | null)[]>([]);
  const both = (fn: (v: HTMLVideoElement) => void) => refs.current.forEach((v) => v && fn(v));
  const play = () => {
    const t0 = refs.current[0]?.currentTime ?? 0;
    both((v) => {
      v.currentTime = Math.min(t0, v.duration || t0);
      void v.play().catch(() => undefined);
    });
  };
  return (
    <div className="compare" data-testid="compare">
      <div className="compare-videos">
        {takeIds.map((id, i) => {
          const take = snapshot.takes.find((x) => x.id === id);
          const asset = take ? assetById(snapshot, take.assetId) : null;
          return asset ? (
            <video
              key={id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              className="preview"
              src={api.mediaUrl(projectFile(snapshot.dir, asset.path))}
              playsInline
              preload="auto"
              muted={i > 0}
            />
          ) : null;
        })}
      </div>
      <div className="btn-row">
        <button type="button" className="btn btn-secondary" onClick={play} data-testid="compare-play">
          {t('editor.takes.playBoth')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => both((v) => v.pause())}>
          {t('editor.play.pause')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() =>
            both((v) => {
              v.pause();
              v.currentTime = 0;
            })
          }
        >
          {t('editor.takes.restart')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('editor.overlay.close')}
        </button>
      </div>
    </div>
  );
}
