/** Keyboard shortcuts as text ('Mod+Shift+Z'), matched against key events. Pure. */

/** The fields of a KeyboardEvent a shortcut looks at. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Parsed {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

function parse(spec: string): Parsed {
  const parts = spec.split('+');
  // 'Shift++' would split badly; a spec's key is what follows the last '+' ('Space' = ' ').
  const raw = parts.pop() ?? '';
  const key = raw.toLowerCase() === 'space' ? ' ' : raw.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return { key, mod: mods.has('mod'), shift: mods.has('shift'), alt: mods.has('alt') };
}

/** One spelling per key combination ('mod+shift+z'), so two specs for the same keys compare equal. */
export function canonicalShortcut(spec: string): string {
  const s = parse(spec);
  return [s.mod ? 'mod' : '', s.alt ? 'alt' : '', s.shift ? 'shift' : '', s.key === ' ' ? 'space' : s.key]
    .filter(Boolean)
    .join('+');
}

/** Mod is Cmd on macOS and Ctrl elsewhere; every other modifier must match exactly. */
export function matchShortcut(spec: string, e: KeyLike, mac: boolean): boolean {
  const s = parse(spec);
  const mod = mac ? e.metaKey : e.ctrlKey;
  const other = mac ? e.ctrlKey : e.metaKey;
  return e.key.toLowerCase() === s.key && mod === s.mod && !other && e.shiftKey === s.shift && e.altKey === s.alt;
}

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  arrowleft: '←',
  arrowright: '→',
  arrowup: '↑',
  arrowdown: '↓',
  delete: 'Del',
  backspace: '⌫',
  escape: 'Esc',
  home: 'Home',
  end: 'End',
};

/** 'Mod+Shift+Z' -> '⌘⇧Z' on macOS, 'Ctrl+Shift+Z' elsewhere. */
export function formatShortcut(spec: string, mac: boolean): string {
  const s = parse(spec);
  const key = KEY_NAMES[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  // '?' is typed with Shift on most layouts: showing "Shift+?" would suggest a third key.
  if (s.key === '?') s.shift = false;
  if (mac) return `${s.mod ? '⌘' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${key}`;
  return [s.mod ? 'Ctrl' : '', s.alt ? 'Alt' : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}
