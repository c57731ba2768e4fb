/**
 * The new-project folder field once the user has focused it: a host suggestion that arrives
 * later must not change what the field shows (CI's film20 run: the suggestion arrived while a
 * path was being typed, and the typed path was appended to it). The steps are those of
 * CreateProjectForm: `dir` is its state, `suggested` the host's appInfo.suggestedDir.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../renderer/src/i18n';
import { focusedFolder, shownFolder } from '../../../../renderer/src/panels/projectFolder';
import { createAppStore } from '../../../../renderer/src/store/store';
import { CreateProjectForm } from '../../../../renderer/src/panels/CreateProjectForm';
import { renderInApp } from '../fixtures';

const SUGGESTED = '/home/mara/Storyboard/Untitled';

beforeAll(async () => {
  await initI18n('en');
});

describe('the new-project folder field', () => {
  it('follows the host suggestion while untouched', () => {
    expect(shownFolder(null, null)).toBe('');
    expect(shownFolder(null, SUGGESTED)).toBe(SUGGESTED);
  });

  it('focused before the suggestion arrived: a late suggestion does not change it', () => {
    let dir: string | null = null;
    let suggested: string | null = null;
    dir = focusedFolder(dir, suggested); // the user clicks into the empty field
    suggested = SUGGESTED; // the host answers afterwards
    expect(shownFolder(dir, suggested)).toBe('');
    dir = '/tmp/film'; // what the user typed, not appended to anything
    expect(shownFolder(dir, suggested)).toBe('/tmp/film');
  });

  it('focused after the suggestion arrived: the suggestion is kept as the user’s text', () => {
    const dir = focusedFolder(null, SUGGESTED);
    expect(shownFolder(dir, '/elsewhere/Later')).toBe(SUGGESTED);
  });

  it('typed text is never replaced by a focus or a suggestion', () => {
    expect(focusedFolder('/tmp/mine', SUGGESTED)).toBe('/tmp/mine');
    expect(shownFolder('/tmp/mine', SUGGESTED)).toBe('/tmp/mine');
  });

  it('the form shows the suggestion in the folder field until it is touched', () => {
    const store = createAppStore();
    store
      .getState()
      .setAppInfo({ version: '0', host: 'browser', ffmpeg: null, suggestedDir: SUGGESTED, providers: [] });
    const html = renderInApp(store, <CreateProjectForm />);
    const field = /<input[^>]*data-testid="create-folder"[^>]*>/.exec(html)?.[0] ?? '';
    expect(field).toContain(`value="${SUGGESTED}"`);
  });
});
