/**
 * The native menu, described from the action registry (shared/api/menu.ts): one menu per
 * action group (the groups of the shortcuts sheet), each global action under its group with
 * its label in the UI language and its first shortcut as the accelerator, then the native
 * roles of that menu. Sent to Electron's main process on start and on every language change
 * (bindApi.ts); main only builds it, so menu and keys can never disagree. Pure.
 */
import {
  MENU_GROUPS,
  MENU_ROLES,
  toAccelerator,
  type MenuDescription,
  type MenuItemDescription,
  type MenuRole,
} from '../../../shared/api/menu';
import type { Action, ActionGroup } from './registry';

/** Commands that head a menu though the palette does not list them (they run without a payload). */
export const MENU_LEADS: Readonly<Partial<Record<ActionGroup, readonly string[]>>> = {
  file: ['project.close'],
  edit: ['history.undo', 'history.redo'],
};

/** Global actions that are not menu commands (Escape closes whatever overlay is open). */
const NOT_IN_MENU: ReadonlySet<string> = new Set(['overlay.close']);

/** The native roles closing each menu (text fields keep their own cut/copy/paste). */
const ROLES_AFTER: Readonly<Partial<Record<ActionGroup, readonly MenuRole[]>>> = {
  file: ['quit'],
  edit: ['cut', 'copy', 'paste', 'selectAll'],
  view: ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'],
};

export function menuDescription(all: readonly Action[], t: (key: string) => string): MenuDescription {
  const byId = new Map(all.map((a) => [a.id as string, a]));
  const item = (a: Action): MenuItemDescription => {
    const first = a.shortcuts?.[0];
    return { kind: 'action', id: a.id, label: t(a.labelKey), accelerator: first ? toAccelerator(first) : null };
  };
  const roleLabel = (r: MenuRole): string => t(`nativeMenu.roles.${r}`);
  const menus = MENU_GROUPS.map((group) => {
    const leads = (MENU_LEADS[group] ?? []).flatMap((id) => byId.get(id) ?? []);
    const globals = all.filter((a) => a.global === true && (a.group ?? 'edit') === group && !NOT_IN_MENU.has(a.id));
    const roles = ROLES_AFTER[group] ?? [];
    const sections: MenuItemDescription[][] = [
      leads.map(item),
      globals.map(item),
      roles.map((role): MenuItemDescription => ({ kind: 'role', role, label: roleLabel(role) })),
    ].filter((s) => s.length > 0);
    const items = sections.flatMap((s, i) => (i === 0 ? s : [{ kind: 'separator' } as const, ...s]));
    return { group, label: t(`editor.groups.${group}`), items };
  }).filter((m) => m.items.length > 0);
  const roleLabels = Object.fromEntries(MENU_ROLES.map((r) => [r, roleLabel(r)])) as Record<MenuRole, string>;
  return { menus, windowLabel: t('nativeMenu.window'), roleLabels };
}
