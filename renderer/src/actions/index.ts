/** All actions by id: the registry that buttons, shortcuts and tests dispatch through. */
import { appLoad, historyRedo, historyUndo, projectClose, projectCreate, projectOpen } from './projectActions';
import type { ActionMap } from './registry';
import { shotAdd, shotMove, shotRemove, shotSelectTake, shotUpdate } from './shotActions';
import { exportCancel, exportStart, generateAll } from './workActions';

export const actions: ActionMap = {
  'app.load': appLoad,
  'project.create': projectCreate,
  'project.open': projectOpen,
  'project.close': projectClose,
  'history.undo': historyUndo,
  'history.redo': historyRedo,
  'shot.add': shotAdd,
  'shot.update': shotUpdate,
  'shot.remove': shotRemove,
  'shot.move': shotMove,
  'shot.selectTake': shotSelectTake,
  'generate.all': generateAll,
  'export.start': exportStart,
  'export.cancel': exportCancel,
};

export type { ActionId, ActionContext } from './registry';
export { actionForKey, canRun, runAction } from './registry';
