/**
 * The new-project folder field: it follows the host's suggestion (which arrives after load)
 * until the field is the user's, and the field is the user's from the moment it has focus.
 * The suggestion must never change the text under the cursor: CI saw it arrive while a path
 * was being typed, the typed path was appended to it, and the project landed in a nested folder.
 */

/** What the field shows: the user's own text once there is one, else the host's suggestion. */
export function shownFolder(own: string | null, suggested: string | null): string {
  return own ?? suggested ?? '';
}

/** On focus the field becomes the user's: what it shows now is kept, whatever arrives later. */
export function focusedFolder(own: string | null, suggested: string | null): string {
  return own ?? shownFolder(own, suggested);
}
