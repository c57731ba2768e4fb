/** The action registry refuses a key combination bound to two actions, however it is spelled. */
import { describe, expect, it } from 'vitest';
import { actions, registerActions } from '../../../../renderer/src/actions';
import type { Action } from '../../../../renderer/src/actions/registry';
import { canonicalShortcut } from '../../../../renderer/src/actions/shortcuts';

const action = (id: string, shortcuts: string[]) =>
  ({ id, labelKey: id, place: 'app', shortcuts, perform: async () => undefined }) as unknown as never;

describe('registerActions', () => {
  it('refuses the same shortcut on two actions, naming both', () => {
    expect(() =>
      registerActions({ 'edit.split': action('edit.split', ['Mod+K']), 'edit.copy': action('edit.copy', ['mod+k']) }),
    ).toThrow(/Mod\+K|mod\+k/);
    expect(() =>
      registerActions({ 'play.toggle': action('play.toggle', ['Space']), 'play.pause': action('play.pause', [' ']) }),
    ).toThrow(/play\.toggle and play\.pause/);
  });

  it('accepts distinct shortcuts, and one action listing the same keys twice', () => {
    const map = {
      'edit.split': action('edit.split', ['S', 'Mod+K']),
      'edit.copy': action('edit.copy', ['Mod+C', 'Mod+c']),
      'edit.paste': action('edit.paste', ['Mod+Shift+C']),
    };
    expect(registerActions(map)).toBe(map);
  });

  it('refuses an action registered under another id', () => {
    expect(() => registerActions({ 'edit.copy': action('edit.paste', []) })).toThrow(/edit\.paste/);
  });

  it('the app registry has every shortcut once', () => {
    const seen = (Object.values(actions) as Action[]).flatMap((a) => (a.shortcuts ?? []).map(canonicalShortcut));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
