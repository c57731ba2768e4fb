/** Settings (app-wide, not in the project): the generation providers. */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useAppState } from '../app/context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Sheet } from '../components/Sheet';
import { jobsUi, setJobsUi } from '../store/jobsUi';
import { SettingsCache } from './SettingsCache';
import { SettingsC2pa } from './SettingsC2pa';
import { SettingsContinuity } from './SettingsContinuity';
import { SettingsProvider } from './SettingsProvider';
import { SettingsLlm } from './SettingsLlm';
import './generation.css';

export function SettingsPanel() {
  const { t } = useTranslation();
  const open = useStore(jobsUi, (s) => s.settingsOpen);
  const view = useAppState((s) => s.settings);
  const providers = useAppState((s) => s.providers);
  if (!open) return null;
  const close = () => setJobsUi({ settingsOpen: false });
  return (
    <Sheet title={t('settings.title')} testId="settings-panel" className="settings-sheet" onClose={close}>
      <p className="muted small">{view?.canStoreKeys ? t('settings.keysApp') : t('settings.keysEnv')}</p>
      {view?.keyStoreProblem && <p className="warn small">{view.keyStoreProblem}</p>}
      <ErrorMessage place="settings" />
      {!view ? (
        <p className="muted">{t('settings.loading')}</p>
      ) : (
        view.providers.map((p) => (
          <SettingsProvider
            key={`${p.id}:${p.baseUrl ?? ''}:${p.enabled}`}
            p={p}
            view={view}
            canTest={providers?.find((x) => x.id === p.id)?.canTest ?? false}
          />
        ))
      )}
      <SettingsContinuity />
      <SettingsLlm />
      <SettingsCache />
      <SettingsC2pa />
    </Sheet>
  );
}
