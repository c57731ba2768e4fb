/** Layout only: the start screen, or the editor (top bar, view, player, inspector, overlays). */
import { ConnectionBanner } from '../components/ConnectionBanner';
import { ErrorMessage } from '../components/ErrorMessage';
import { AddShotForm } from '../panels/AddShotForm';
import { CommandPalette } from '../panels/CommandPalette';
import { ElementsPanel } from '../panels/elements/ElementsPanel';
import { ContextMenu } from '../panels/ContextMenu';
import { ExportPanel } from '../panels/ExportPanel';
import { GenerateDialog } from '../panels/GenerateDialog';
import { JobsPanel } from '../panels/JobsPanel';
import { SettingsPanel } from '../panels/SettingsPanel';
import { ProjectHeader } from '../panels/ProjectHeader';
import { ShortcutsSheet } from '../panels/ShortcutsSheet';
import { ShotInspector } from '../panels/ShotInspector';
import { StartScreen } from '../panels/StartScreen';
import { StoryboardGrid } from '../panels/StoryboardGrid';
import { PlayerPanel } from '../player/PlayerPanel';
import { useAppState } from './context';
import { TimelineMount } from './TimelineMount';
import { useEditorUi } from './useEditor';
import { useShortcuts } from './useShortcuts';

export function App() {
  useShortcuts();
  const hasProject = useAppState((s) => s.snapshot !== null);
  const view = useEditorUi((s) => s.view);
  return (
    <>
      <ConnectionBanner />
      {hasProject ? (
        <div className="workspace editor">
          <ProjectHeader />
          <ErrorMessage place="app" />
          <div className="editor-body">
            <main className="editor-main" data-view={view}>
              {view === 'grid' ? <StoryboardGrid /> : <TimelineMount />}
              <div className="dock">
                <div className="dock-col">
                  <AddShotForm />
                  <ElementsPanel />
                </div>
                <div className="dock-col">
                  <ExportPanel />
                  <JobsPanel />
                </div>
              </div>
            </main>
            <aside className="editor-side">
              <PlayerPanel />
              <div className="side-scroll">
                <ShotInspector />
              </div>
            </aside>
          </div>
          <ContextMenu />
          <GenerateDialog />
        </div>
      ) : (
        <StartScreen />
      )}
      <CommandPalette />
      <ShortcutsSheet />
      <SettingsPanel />
    </>
  );
}
