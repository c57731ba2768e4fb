/** Settings (app-wide, not in the project): the generation providers. */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useAppState } from '../app/context';
import { ErrorMessage } from '../components/ErrorMessage';
import { jobsUi, setJobsUi } from '../store/jobsUi';
import { SettingsProvider } from './SettingsProvider';
import './generation.css';

export function SettingsPanel() {
  const { t } = useTranslation();
  const open = useStore(jobsUi, (s) => s.settingsOpen);
  const view = useAppState((s) => s.settings);
  const providers = useAppState((s) => s.providers);
  if (!open) return null;
  const close = () => setJobsUi({ settingsOpen: false });
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="sheet settings-sheet" role="dialog" aria-modal="true" aria-labelledby="settings-title" data-testid="settings-panel"
        onKeyDown={(e) => e.key === 'Escape' && close()}>
        <div className="detail-head">
          <h2 id="settings-title">{t('settings.title')}</h2>
          <button type="button" className="btn btn-ghost" autoFocus onClick={close}>{t('editor.overlay.close')}</button>
        </div>
        <p className="muted small">{view?.canStoreKeys ? t('settings.keysApp') : t('settings.keysEnv')}</p>
        {view?.keyStoreProblem && <p className="warn small">{view.keyStoreProblem}</p>}
        <ErrorMessage place="settings" />
        {!view ? <p className="muted">{t('settings.loading')}</p> : view.providers.map((p) => (
          <SettingsProvider key={`${p.id}:${p.baseUrl ?? ''}:${p.enabled}`} p={p} view={view} canTest={providers?.find((x) => x.id === p.id)?.canTest ?? false} />
        ))}
      </div>
    </div>
  );
}
