/**
 * The native menu as the renderer describes it (merged into `contract` in contract.ts): the
 * renderer owns the action registry and the translations, so it sends the menus — each
 * action's id, its label in the UI language and its shortcut — on start and on every language
 * change; Electron's main process only builds the Menu from it (electron/main/menuTemplate.ts).
 * The browser host and the CLI have no native menu and answer `applied: false`.
 */
import { z } from 'zod';

export const MENU_GROUPS = ['file', 'edit', 'view', 'playback', 'help'] as const;

/** Electron roles the menus use (native behaviour: text fields keep cut/copy/paste). */
export const MENU_ROLES = [
  'cut',
  'copy',
  'paste',
  'selectAll',
  'quit',
  'close',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'togglefullscreen',
  'minimize',
  'reload',
  'toggleDevTools',
  'about',
  'hide',
  'hideOthers',
  'unhide',
] as const;
export type MenuRole = (typeof MENU_ROLES)[number];

const Label = z.string().min(1).max(120);

export const MenuItemDescriptionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('action'),
      id: z
        .string()
        .regex(/^[\w.-]+$/)
        .max(64),
      label: Label,
      /** An Electron accelerator ('CmdOrCtrl+Shift+Z'), shown beside the label; null: none. */
      accelerator: z.string().max(64).nullable(),
    })
    .strict(),
  z.object({ kind: z.literal('role'), role: z.enum(MENU_ROLES), label: Label }).strict(),
  z.object({ kind: z.literal('separator') }).strict(),
]);
export type MenuItemDescription = z.infer<typeof MenuItemDescriptionSchema>;

export const MenuDescriptionSchema = z
  .object({
    menus: z
      .array(
        z
          .object({ group: z.enum(MENU_GROUPS), label: Label, items: z.array(MenuItemDescriptionSchema).max(120) })
          .strict(),
      )
      .max(MENU_GROUPS.length),
    /** The Window menu's title and the labels of the roles main adds by platform (macOS app menu, dev tools). */
    windowLabel: Label,
    roleLabels: z.record(z.enum(MENU_ROLES), Label),
  })
  .strict();
export type MenuDescription = z.infer<typeof MenuDescriptionSchema>;

export const menuMethods = {
  'menu.set': {
    input: MenuDescriptionSchema,
    output: z.object({ applied: z.boolean() }),
  },
} as const;

const KEY_CODES: Record<string, string> = {
  ' ': 'Space',
  space: 'Space',
  arrowleft: 'Left',
  arrowright: 'Right',
  arrowup: 'Up',
  arrowdown: 'Down',
  escape: 'Escape',
  delete: 'Delete',
  backspace: 'Backspace',
  enter: 'Enter',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  tab: 'Tab',
  '+': 'Plus',
};

/**
 * A registry shortcut ('Mod+Shift+Z', 'ArrowLeft', 'Shift+?') as an Electron accelerator
 * ('CmdOrCtrl+Shift+Z', 'Left', 'Shift+?'). Key names per Electron's accelerator reference
 * (https://www.electronjs.org/docs/latest/api/accelerator: CmdOrCtrl, Alt, Shift; Plus, Space,
 * Up/Down/Left/Right, Escape, Delete, Backspace, punctuation as typed). Null when the key is
 * not one Electron names (then the menu shows no accelerator rather than a wrong one).
 */
export function toAccelerator(spec: string): string | null {
  const parts = spec.split('+');
  // 'Mod++' ends with an empty part for the '+' key.
  const raw = spec.endsWith('++') ? '+' : (parts.pop() ?? '');
  if (spec.endsWith('++')) parts.splice(-2);
  const mods = parts.map((p) => p.toLowerCase());
  const lower = raw.toLowerCase();
  const key =
    KEY_CODES[lower] ??
    (/^[a-z0-9]$/i.test(raw) ? raw.toUpperCase() : /^f([1-9]|1\d|2[0-4])$/i.test(raw) ? raw.toUpperCase() : null) ??
    (/^[)!@#$%^&*(:;=<,_\->.?/~`{}[\]|\\"']$/.test(raw) ? raw : null);
  if (key === null) return null;
  const out = [
    mods.includes('mod') ? 'CmdOrCtrl' : '',
    mods.includes('alt') ? 'Alt' : '',
    mods.includes('shift') ? 'Shift' : '',
    key,
  ];
  return out.filter(Boolean).join('+');
}
