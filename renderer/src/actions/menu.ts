/**
 * Native menu choices (the menu menuDescription.ts describes; electron/main/menu.ts builds it)
 * dispatched through the registry: global actions and the menus' lead commands. New/Open go
 * back to the start screen, where both forms are.
 */
import { actions } from '.';
import type { Action, ActionContext } from './registry';
import { runAction } from './registry';
import { MENU_LEADS } from './menuDescription';

const ALIASES: Record<string, string> = {};

export function runMenuAction(ctx: ActionContext, id: string): Promise<boolean> {
  if (id === 'project.new' || id === 'project.open') {
    return ctx.store.getState().snapshot ? runAction(ctx, actions['project.close'], undefined) : Promise.resolve(false);
  }
  const action = (actions as Record<string, Action | undefined>)[ALIASES[id] ?? id];
  const lead = Object.values(MENU_LEADS).some((ids) => ids.includes(id));
  if (!action || (!action.global && !lead)) return Promise.resolve(false);
  return runAction(ctx, action, undefined as never);
}
