/** The start screen, or the editor's workspace; the overlays (dialogs, palette, menus) over either. */
import { ConnectionBanner } from '../components/ConnectionBanner';
import { CommandPalette } from '../panels/CommandPalette';
import { ContextMenu } from '../panels/ContextMenu';
import { ContinuityReport } from '../panels/ContinuityReport';
import { GenerateDialog } from '../panels/GenerateDialog';
import { SettingsPanel } from '../panels/SettingsPanel';
import { ShortcutsSheet } from '../panels/ShortcutsSheet';
import { StartScreen } from '../panels/StartScreen';
import { TakeRunDialogs } from '../panels/takeRuns/TakeRunDialogs';
import { VariantsReview } from '../panels/variants/VariantsReview';
import { FolderBrowser } from '../panels/recovery/FolderBrowser';
import { RelinkDialog } from '../panels/recovery/RelinkDialog';
import { SaveCopyDialog } from '../panels/recovery/SaveCopyDialog';
import { ExportDialog } from '../workspace/ExportDialog';
import { JobsPopover } from '../workspace/JobsPopover';
import { Workspace } from '../workspace/Workspace';
import { useAppState } from './context';
import { useShortcuts } from './useShortcuts';

export function App() {
  useShortcuts();
  const hasProject = useAppState((s) => s.snapshot !== null);
  return (
    <>
      <ConnectionBanner />
      {hasProject ? (
        <>
          <Workspace />
          <ContextMenu />
          <GenerateDialog />
          <ContinuityReport />
          <TakeRunDialogs />
          <ExportDialog />
          <JobsPopover />
          <RelinkDialog />
          <SaveCopyDialog />
        </>
      ) : (
        <StartScreen />
      )}
      <FolderBrowser />
      <CommandPalette />
      <ShortcutsSheet />
      <SettingsPanel />
      <VariantsReview />
    </>
  );
}
