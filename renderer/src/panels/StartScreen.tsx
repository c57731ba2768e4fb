/** The first screen: create a project or open one. */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { CreateProjectForm } from './CreateProjectForm';
import { OpenProjectForm } from './OpenProjectForm';
import { RecentProjects } from './recovery/RecentProjects';

/** A failed start-up (app.info / project.current) with a way to try again. */
function AppError() {
  const failed = useAppState((s) => s.errors.app !== undefined);
  if (!failed) return null;
  return (
    <div className="app-error">
      <ErrorMessage place="app" />
      <ActionButton action="app.load" payload={undefined} testId="retry" />
    </div>
  );
}

export function StartScreen() {
  const { t } = useTranslation();
  return (
    <div className="start" data-testid="start-screen">
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="start-main">
        <div className="start-intro">
          <h1>{t('start.title')}</h1>
          <p className="muted">{t('start.subtitle')}</p>
        </div>
        <AppError />
        <div className="start-cards">
          <CreateProjectForm />
          <OpenProjectForm />
        </div>
        <RecentProjects />
      </main>
    </div>
  );
}
