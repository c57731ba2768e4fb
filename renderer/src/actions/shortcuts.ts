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
  const key = (parts.pop() ?? '').toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return { key, mod: mods.has('mod'), shift: mods.has('shift'), alt: mods.has('alt') };
}

/** Mod is Cmd on macOS and Ctrl elsewhere; every other modifier must match exactly. */
export function matchShortcut(spec: string, e: KeyLike, mac: boolean): boolean {
  const s = parse(spec);
  const mod = mac ? e.metaKey : e.ctrlKey;
  const other = mac ? e.ctrlKey : e.metaKey;
  return e.key.toLowerCase() === s.key && mod === s.mod && !other && e.shiftKey === s.shift && e.altKey === s.alt;
}

/** 'Mod+Shift+Z' -> '⌘⇧Z' on macOS, 'Ctrl+Shift+Z' elsewhere. */
export function formatShortcut(spec: string, mac: boolean): string {
  const s = parse(spec);
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key;
  if (mac) return `${s.mod ? '⌘' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${key}`;
  return [s.mod ? 'Ctrl' : '', s.alt ? 'Alt' : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}
