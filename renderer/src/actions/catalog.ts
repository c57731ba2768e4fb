/** The actions that run without a payload: what the palette, the sheet and menus list. */
import { actions } from '.';
import type { Action, ActionGroup } from './registry';

export const GROUPS: readonly ActionGroup[] = ['file', 'edit', 'view', 'playback', 'help'];

export function globalActions(): Action[] {
  return (Object.values(actions) as Action[]).filter((a) => a.global === true);
}

/** The shot context menu (grid and timeline), in order; null is a separator. */
export const SHOT_MENU: readonly (string | null)[] = [
  'play.toggle',
  null,
  'edit.split',
  'edit.duplicate',
  'edit.copy',
  'edit.paste',
  null,
  'trim.in',
  'trim.out',
  null,
  'take.extendSelected',
  'bridge.open',
  null,
  'edit.delete',
];
