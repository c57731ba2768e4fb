/**
 * The Library region: tabs for the shots (adding one, pasting a list, and — while the viewer
 * has the centre — the storyboard cards), the elements, the project's media and the audio.
 * The chosen tab is part of the remembered layout.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useEditorUi } from '../app/useEditor';
import { AddShotForm } from '../panels/AddShotForm';
import { ElementsPanel } from '../panels/elements/ElementsPanel';
import { StoryboardGrid } from '../panels/StoryboardGrid';
import { layout, type LibraryTab } from '../store/layout';
import { AudioLibrary } from './AudioLibrary';
import { MediaLibrary } from './MediaLibrary';
import { PasteShots } from './PasteShots';
import { ScriptImport } from './ScriptImport';
import { PaneHeader } from './Splitter';

const TABS: readonly LibraryTab[] = ['shots', 'elements', 'media', 'audio'];

function ShotsTab() {
  const view = useEditorUi((s) => s.view);
  return (
    <>
      <AddShotForm />
      <PasteShots />
      <ScriptImport />
      {/* In the storyboard mode the grid has the centre; here it would be a second copy. */}
      {view !== 'grid' && <StoryboardGrid compact />}
    </>
  );
}

const BODIES: Record<LibraryTab, () => ReactNode> = {
  shots: () => <ShotsTab />,
  elements: () => <ElementsPanel />,
  media: () => <MediaLibrary />,
  audio: () => <AudioLibrary />,
};

export function LibraryPane() {
  const { t } = useTranslation();
  const tab = useStore(layout, (s) => s.libraryTab);
  return (
    <div className="pane-column">
      <PaneHeader pane="library" title={t('workspace.regions.library')} />
      <div className="library-tabs" role="tablist" aria-label={t('workspace.regions.library')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`library-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="library-panel"
            className={tab === id ? 'lib-tab selected' : 'lib-tab'}
            onClick={() => layout.getState().setTab(id)}
            data-testid={`library-tab-${id}`}
          >
            {t(`workspace.library.${id}`)}
          </button>
        ))}
      </div>
      <div
        className="pane-scroll library-body"
        role="tabpanel"
        id="library-panel"
        aria-labelledby={`library-tab-${tab}`}
      >
        {BODIES[tab]()}
      </div>
    </div>
  );
}
