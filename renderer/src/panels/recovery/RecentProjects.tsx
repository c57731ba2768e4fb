/**
 * The start screen's recent projects, newest first: one click opens one (project.open, with
 * every check of an open). A folder that no longer holds a project is shown, disabled.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { actions, runAction } from '../../actions';
import { useAppContext } from '../../app/context';
import { useProjectsUi } from '../../store/projectsUi';
import './recovery.css';

export function RecentProjects() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const recent = useProjectsUi((s) => s.recent);
  useEffect(() => {
    void runAction(ctx, actions['recent.load'], undefined);
  }, [ctx]);
  if (!recent || recent.length === 0) return null;
  return (
    <section className="card recent-projects" aria-labelledby="recent-title" data-testid="recent-projects">
      <h2 id="recent-title">{t('projects.recent.title')}</h2>
      <ul>
        {recent.map((r) => (
          <li key={r.dir}>
            <button
              type="button"
              className="recent-entry"
              disabled={!r.available}
              title={r.available ? r.dir : t('projects.recent.unavailable')}
              onClick={() => void runAction(ctx, actions['project.open'], { dir: r.dir })}
              data-testid="recent-project"
            >
              <strong>{r.name || r.dir}</strong>
              <span className="muted small mono">{r.dir}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
