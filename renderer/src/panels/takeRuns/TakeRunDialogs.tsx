/** The open dialog of bridge, chain extend / long take, or upscale (one at a time), over the workspace. */
import { useStore } from 'zustand';
import { takeRunsUi } from '../../store/takeRunsUi';
import { BridgeDialog } from './BridgeDialog';
import { LongTakeDialog } from './LongTakeDialog';
import { UpscaleDialog } from './UpscaleDialog';
import './takeRuns.css';

export function TakeRunDialogs() {
  const dialog = useStore(takeRunsUi, (s) => s.dialog);
  if (!dialog) return null;
  if (dialog.kind === 'bridge') return <BridgeDialog key={dialog.afterShotId} afterShotId={dialog.afterShotId} />;
  if (dialog.kind === 'chain') return <LongTakeDialog key={dialog.takeId} takeId={dialog.takeId} long={dialog.long} />;
  return <UpscaleDialog key={dialog.takeId} takeId={dialog.takeId} />;
}
