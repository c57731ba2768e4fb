/**
 * Where a shot is shown as a label or card text, its @tags read as element names (unknown tags
 * as written, the title first where there is one): the viewer's card for a shot without a take,
 * the storyboard cards, the Generate dialog's shot list and the jobs panel. The timeline's clip
 * labels are checked end to end (promptTags.spec.ts), the canvas being Konva.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newElement } from '../../../../shared/model/factories';
import { initI18n } from '../../../../renderer/src/i18n';
import { GenerateDialog } from '../../../../renderer/src/panels/GenerateDialog';
import { JobsPanel } from '../../../../renderer/src/panels/JobsPanel';
import { StoryboardGrid } from '../../../../renderer/src/panels/StoryboardGrid';
import { PlayerPanel } from '../../../../renderer/src/player/PlayerPanel';
import { jobsUi, resetJobsUi, setJobsUi } from '../../../../renderer/src/store/jobsUi';
import { createAppStore, type AppStore } from '../../../../renderer/src/store/store';
import { viewport } from '../../../../renderer/src/store/uiEditor';
import { fakeApi, makeJob, makeShot, makeSnapshot, renderInApp } from '../fixtures';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
  resetJobsUi();
});

const elements = [
  newElement({ id: 'e1', kind: 'character', name: 'Mara Lee', tag: '@Mara_Lee' }),
  newElement({ id: 'e2', kind: 'character', name: '小明', tag: '@小明' }),
];

function store(): AppStore {
  const s = createAppStore();
  s.getState().setSnapshot(
    makeSnapshot(
      [
        makeShot('a', { prompt: '@Mara_Lee waves at @小明 and @Nobody' }),
        makeShot('b', { title: 'Harbour with @Mara_Lee', prompt: '@小明走进厨房' }),
      ],
      { elements, jobs: [makeJob('j1', 'a'), makeJob('j2', 'b')] },
    ),
  );
  return s;
}

describe('element names on shot labels', () => {
  it('the viewer card of a shot without a take shows the prompt with names', () => {
    viewport.getState().setPlayhead(0);
    const html = renderInApp(store(), <PlayerPanel />, [viewport]);
    expect(html).toContain('data-testid="player-card-text">Mara Lee waves at 小明 and @Nobody<');
    expect(html).not.toContain('@Mara_Lee');
  });

  it('the viewer card puts the title first', () => {
    viewport.getState().setPlayhead(96);
    const html = renderInApp(store(), <PlayerPanel />, [viewport]);
    expect(html).toMatch(/player-card-title">Harbour with Mara Lee<.*player-card-text">小明走进厨房</s);
  });

  it('the storyboard cards show names', () => {
    const html = renderInApp(store(), <StoryboardGrid />);
    expect(html).toContain('Mara Lee waves at 小明 and @Nobody');
    expect(html).toContain('小明走进厨房');
    expect(html).not.toContain('@Mara_Lee');
    expect(html).not.toContain('@小明');
  });

  it('the Generate dialog names the shots it runs on with element names', () => {
    setJobsUi({ generateOpen: true, generateScope: 'missing' });
    const html = renderInApp(store(), <GenerateDialog />, [jobsUi], fakeApi({}).api);
    expect(html).toContain('Mara Lee waves at 小明 and @Nobody');
    expect(html).toContain('Harbour with Mara Lee');
    expect(html).not.toContain('@Mara_Lee');
  });

  it('the jobs panel labels each job with the shot title, else its prompt, with names', () => {
    setJobsUi({ jobsFilter: 'all' });
    const html = renderInApp(store(), <JobsPanel />, [jobsUi], fakeApi({}).api);
    expect(html).toContain('Mara Lee waves at 小明 and @Nobody');
    expect(html).toContain('Harbour with Mara Lee');
    expect(html).not.toContain('@Mara_Lee');
  });
});
