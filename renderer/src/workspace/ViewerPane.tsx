/**
 * The Viewer region: the player drawn at the project's aspect ratio, as large as the pane
 * allows (workspace.css sizes the stage from the pane with container units and --ar), with a
 * toggle for the safe-area guides. In the storyboard mode it sits, smaller, above the inspector.
 */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { PlayerPanel } from '../player/PlayerPanel';
import { setEditorUi } from '../store/uiEditor';

export function ViewerPane({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const ratio = useAppState((s) => (s.snapshot ? s.snapshot.project.width / s.snapshot.project.height : 16 / 9));
  const safe = useEditorUi((s) => s.safeAreas);
  return (
    <section
      className={`pane nle-viewer${compact ? ' compact' : ''}`}
      aria-label={t('workspace.regions.viewer')}
      data-testid="region-viewer"
      style={{ ['--ar' as string]: String(ratio) }}
    >
      {!compact && (
        <div className="viewer-tools">
          <label className="check small">
            <input
              type="checkbox"
              className="styled-check"
              checked={safe}
              onChange={(e) => setEditorUi({ safeAreas: e.target.checked })}
              data-testid="toggle-safe-areas"
            />
            {t('workspace.safeAreas')}
          </label>
        </div>
      )}
      <PlayerPanel />
    </section>
  );
}
