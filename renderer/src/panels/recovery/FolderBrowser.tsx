/**
 * The folder browser (hosts without a native folder dialog): the current folder, a way up,
 * its sub-folders (projects marked), the allowed roots, and "Choose this folder". Every step
 * is an action (folderActions.ts); the services decide what may be listed.
 */
import { useTranslation } from 'react-i18next';
import { actions, runAction } from '../../actions';
import { useAppContext } from '../../app/context';
import { ActionButton } from '../../components/ActionButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Sheet } from '../../components/Sheet';
import { useProjectsUi } from '../../store/projectsUi';
import './recovery.css';

export function FolderBrowser() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const browser = useProjectsUi((s) => s.browser);
  if (!browser) return null;
  const listing = browser.listing;
  const go = (path: string) => void runAction(ctx, actions['folders.browse'], { path });
  return (
    <Sheet
      title={t('projects.browse.title')}
      testId="folder-browser"
      className="folder-sheet"
      onClose={() => void runAction(ctx, actions['folders.close'], undefined)}
    >
      {listing && (
        <>
          <div className="folder-path">
            <code data-testid="folder-current">{listing.path}</code>
            {listing.project && <span className="folder-badge">{t('projects.browse.isProject')}</span>}
          </div>
          {listing.roots.length > 1 && (
            <div className="folder-roots" role="group" aria-label={t('projects.browse.roots')}>
              {listing.roots.map((r) => (
                <button key={r} type="button" className="btn btn-ghost btn-small mono" onClick={() => go(r)}>
                  {r}
                </button>
              ))}
            </div>
          )}
          <ul className="folder-list" data-testid="folder-list">
            {listing.parent !== null && (
              <li>
                <button
                  type="button"
                  className="folder-entry"
                  onClick={() => go(listing.parent!)}
                  data-testid="folder-up"
                >
                  ↑ {t('projects.browse.up')}
                </button>
              </li>
            )}
            {listing.entries.map((e) => (
              <li key={e.path}>
                <button type="button" className="folder-entry" onClick={() => go(e.path)} data-testid="folder-entry">
                  <span>{e.name}</span>
                  {e.project && <span className="folder-badge">{t('projects.browse.isProject')}</span>}
                </button>
              </li>
            ))}
            {listing.entries.length === 0 && <li className="muted small">{t('projects.browse.empty')}</li>}
            {listing.truncated && <li className="muted small">{t('projects.browse.truncated')}</li>}
          </ul>
        </>
      )}
      <ErrorMessage place="folders" />
      <div className="row">
        <ActionButton action="folders.choose" payload={undefined} variant="primary" testId="folder-choose" />
      </div>
    </Sheet>
  );
}
