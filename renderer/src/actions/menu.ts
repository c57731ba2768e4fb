/**
 * Native menu choices (electron/main/menu.ts MENU_ACTION_IDS) dispatched through the registry.
 * New/Open go back to the start screen, where both forms are; Export focuses the export panel.
 */
import { actions } from '.';
import type { Action, ActionContext } from './registry';
import { runAction } from './registry';

const ALIASES: Record<string, string> = {};

export function runMenuAction(ctx: ActionContext, id: string): Promise<boolean> {
  if (id === 'project.new' || id === 'project.open') {
    return ctx.store.getState().snapshot ? runAction(ctx, actions['project.close'], undefined) : Promise.resolve(false);
  }
  const action = (actions as Record<string, Action | undefined>)[ALIASES[id] ?? id];
  if (!action || (!action.global && action.id !== 'history.undo' && action.id !== 'history.redo'))
    return Promise.resolve(false);
  return runAction(ctx, action, undefined as never);
}
