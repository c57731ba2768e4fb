/** Layout only: the start screen, or the project workspace. */
import { ConnectionBanner } from '../components/ConnectionBanner';
import { ErrorMessage } from '../components/ErrorMessage';
import { AddShotForm } from '../panels/AddShotForm';
import { ExportPanel } from '../panels/ExportPanel';
import { ProjectHeader } from '../panels/ProjectHeader';
import { ShotDetail } from '../panels/ShotDetail';
import { ShotStrip } from '../panels/ShotStrip';
import { StartScreen } from '../panels/StartScreen';
import { useAppState } from './context';
import { useShortcuts } from './useShortcuts';

export function App() {
  useShortcuts();
  const hasProject = useAppState((s) => s.snapshot !== null);
  return (
    <>
      <ConnectionBanner />
      {hasProject ? (
        <div className="workspace">
          <ProjectHeader />
          <ErrorMessage place="app" />
          <main className="workspace-main">
            <ShotStrip />
            <div className="columns">
              <ShotDetail />
              <aside className="sidebar">
                <AddShotForm />
                <ExportPanel />
              </aside>
            </div>
          </main>
        </div>
      ) : (
        <StartScreen />
      )}
    </>
  );
}
