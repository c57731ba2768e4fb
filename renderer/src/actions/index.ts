/** All actions by id: the registry that buttons, shortcuts and tests dispatch through. */
import { appLoad, historyRedo, historyUndo, projectClose, projectCreate, projectOpen } from './projectActions';
import { registerActions, type ActionMap } from './registry';
import { shotAdd, shotMove, shotRemove, shotSelectTake, shotsPaste, shotUpdate } from './shotActions';
import {
  editCopy,
  editDelete,
  editDuplicate,
  editPaste,
  editSplit,
  markClear,
  markIn,
  markOut,
  shotsMoveMany,
  trimIn,
  trimOut,
} from './shotEditActions';
import { viewActions } from './viewActions';
import {
  sceneAdd,
  sceneRemove,
  sceneRename,
  shotSetFrame,
  shotSetScene,
  shotSetTrim,
  takeExtend,
  takeExtendSelected,
  takeGenerate,
  takeRate,
  takeRemove,
} from './sceneTakeActions';
import { timelineActions } from './timelineActions';
import { exportCancel, exportStart } from './exportActions';
import { generateAll, generationActions } from './generationActions';
import { elementActions } from './elementActions';
import { styleActions } from './styleActions';
import { templateActions } from './templateActions';
import { variantActions } from './variantActions';
import { audioActions } from './audioActions';
import { trackActions } from './trackActions';
import { dialogueActions } from './dialogueActions';
import { framingActions } from './framingActions';
import { handoffActions } from './handoffActions';
import { recoveryActions } from './recoveryActions';
import { folderActions } from './folderActions';
import { continuityActions } from './continuityActions';
import { cacheActions } from './cacheActions';
import { c2paActions } from './c2paActions';
import {
  breakdownSaveSettings,
  promptApplyEnhanced,
  promptEnhance,
  scriptApply,
  scriptBreakdown,
  scriptImport,
} from './scriptActions';
import { deliveryActions } from './deliveryActions';
import { generateRunMultiShot } from './multiShotActions';
import { bridgeActions } from './bridgeActions';
import { takeRunActions } from './takeRunActions';
import { keyframeActions } from './keyframeActions';

export const actions: ActionMap = registerActions<ActionMap>({
  'app.load': appLoad,
  'project.create': projectCreate,
  'project.open': projectOpen,
  'project.close': projectClose,
  'history.undo': historyUndo,
  'history.redo': historyRedo,
  'shot.add': shotAdd,
  'shots.paste': shotsPaste,
  'script.apply': scriptApply,
  'script.breakdown': scriptBreakdown,
  'script.import': scriptImport,
  'prompt.enhance': promptEnhance,
  'prompt.applyEnhanced': promptApplyEnhanced,
  'breakdown.saveSettings': breakdownSaveSettings,
  'shot.update': shotUpdate,
  'shot.remove': shotRemove,
  'shot.move': shotMove,
  'shot.selectTake': shotSelectTake,
  'generate.all': generateAll,
  'generate.runMultiShot': generateRunMultiShot,
  'export.start': exportStart,
  'export.cancel': exportCancel,
  ...viewActions,
  ...timelineActions,
  'edit.delete': editDelete,
  'edit.duplicate': editDuplicate,
  'edit.copy': editCopy,
  'edit.paste': editPaste,
  'edit.split': editSplit,
  'trim.in': trimIn,
  'trim.out': trimOut,
  'mark.in': markIn,
  'mark.out': markOut,
  'mark.clear': markClear,
  'shots.moveMany': shotsMoveMany,
  'scene.add': sceneAdd,
  'scene.rename': sceneRename,
  'scene.remove': sceneRemove,
  'shot.setScene': shotSetScene,
  'take.rate': takeRate,
  'take.remove': takeRemove,
  'take.generate': takeGenerate,
  'take.extend': takeExtend,
  'take.extendSelected': takeExtendSelected,
  'shot.setFrame': shotSetFrame,
  'shot.setTrim': shotSetTrim,
  ...generationActions,
  ...elementActions,
  ...styleActions,
  ...templateActions,
  ...variantActions,
  ...audioActions,
  ...trackActions,
  ...framingActions,
  ...dialogueActions,
  ...handoffActions,
  ...recoveryActions,
  ...folderActions,
  ...continuityActions,
  ...cacheActions,
  ...c2paActions,
  ...deliveryActions,
  ...bridgeActions,
  ...takeRunActions,
  ...keyframeActions,
});

export type { ActionId, ActionContext } from './registry';
export { actionForKey, canRun, registerActions, runAction } from './registry';
export { runMenuAction } from './menu';
