/**
 * Service messages reach the user in their language: a failed job's code and parameters in the
 * jobs panel and on the shot card, and an export that failed after it started (its error comes
 * with export.progress, not as the action's error) — in Chinese, not the English sentence.
 * Rows written before codes still show their stored sentence.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOB_ERROR_CODES, JOB_ERROR_PARAMS, jobErrorKey } from '../../../../shared/generation/jobErrors';
import { AppProvider } from '../../../../renderer/src/app/context';
import { en, flattenTree, zhCN } from '../../../../renderer/src/i18n/resources';
import { initI18n } from '../../../../renderer/src/i18n';
import { ExportPanel } from '../../../../renderer/src/panels/ExportPanel';
import { JobsPanel } from '../../../../renderer/src/panels/JobsPanel';
import { ShotCard } from '../../../../renderer/src/panels/ShotCard';
import { keyedError } from '../../../../shared/errors';
import i18next from 'i18next';
import { jobErrorText, localizedText, uiErrorOf } from '../../../../renderer/src/components/serviceText';
import { jobsUi, setJobsUi, resetJobsUi } from '../../../../renderer/src/store/jobsUi';
import { createAppStore, type AppStore } from '../../../../renderer/src/store/store';
import { fakeApi, makeJob, makeShot, makeSnapshot } from '../fixtures';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

function render(store: AppStore, node: ReactElement): string {
  vi.spyOn(store, 'getInitialState').mockImplementation(() => store.getState());
  vi.spyOn(jobsUi, 'getInitialState').mockImplementation(() => jobsUi.getState());
  return renderToStaticMarkup(<AppProvider value={{ api: fakeApi({}).api, store }}>{node}</AppProvider>);
}

const ENGLISH = 'Kling could not make this clip: GPU quota exhausted.';

function failedProject(): AppStore {
  const store = createAppStore();
  const jobs = [
    makeJob('j1', 'a', {
      state: 'failed',
      provider: 'kling',
      error: ENGLISH,
      errorInfo: { code: 'providerFailed', params: { provider: 'Kling', detail: 'GPU quota exhausted' } },
    }),
    makeJob('j2', 'b', { state: 'failed', error: 'An old row without a code.', createdAt: '2026-01-01T00:00:00Z' }),
  ];
  store.getState().setSnapshot(makeSnapshot([makeShot('a'), makeShot('b')], { jobs }));
  return store;
}

describe('job error codes', () => {
  const languages = { en: flattenTree(en), 'zh-CN': flattenTree(zhCN) };

  it('every code has an en and a zh-CN sentence that names exactly its parameters', () => {
    expect(JOB_ERROR_CODES.length).toBeGreaterThan(10);
    for (const code of JOB_ERROR_CODES) {
      // `service` shows the service's own key; its sentence is only the fallback headline.
      const want = code === 'service' ? [] : [...JOB_ERROR_PARAMS[code]].sort();
      for (const [lang, tree] of Object.entries(languages)) {
        const text = tree.get(jobErrorKey(code));
        expect(text, `${lang} ${code}`).toBeTypeOf('string');
        expect(placeholders(text!), `${lang} ${code}`).toEqual(want);
      }
    }
  });

  it('no stray keys: the translation files hold only the codes', () => {
    for (const tree of Object.values(languages)) {
      const keys = [...tree.keys()].filter((k) => k.startsWith('jobErrors.')).map((k) => k.slice('jobErrors.'.length));
      expect(keys.sort()).toEqual([...JOB_ERROR_CODES].sort());
    }
  });
});

describe('service messages in Chinese', () => {
  beforeAll(async () => {
    await initI18n('zh-CN');
  });
  afterAll(() => {
    vi.restoreAllMocks();
    resetJobsUi();
  });

  it('the jobs panel shows a failed job from its code, and an old row as stored', () => {
    const store = failedProject();
    setJobsUi({ jobsFilter: 'all' });
    const html = render(store, <JobsPanel />);
    expect(html).toContain('Kling 未能生成此片段。服务商给出的原因：“GPU quota exhausted”');
    expect(html).not.toContain(ENGLISH);
    expect(html).toContain('An old row without a code.');
  });

  it('the shot card shows the failure in Chinese', () => {
    const store = failedProject();
    const none = () => undefined;
    const html = render(
      store,
      <ShotCard
        shotId="a"
        index={0}
        seconds={4}
        className=""
        onSelect={none}
        onKeyDown={none}
        onDragStart={none}
        onDragOver={none}
        onContextMenu={none}
      />,
    );
    expect(html).toContain('Kling 未能生成此片段');
    expect(html).not.toContain('could not make this clip');
  });

  it('an export that failed after it started shows its keyed message in Chinese', () => {
    const store = createAppStore();
    store.getState().setSnapshot(makeSnapshot([makeShot('a')]));
    store.getState().setExportRun({
      exportId: 'e1',
      state: 'failed',
      progress: 0,
      outPath: '/nowhere/cut.mp4',
      error: 'Cannot export to /nowhere/cut.mp4: the folder /nowhere does not exist.',
      localized: {
        key: 'serviceErrors.exportFolderMissing',
        params: { outPath: '/nowhere/cut.mp4', folder: '/nowhere' },
      },
    });
    const html = render(store, <ExportPanel />);
    expect(html).toContain('无法导出到 /nowhere/cut.mp4：文件夹 /nowhere 不存在。');
    expect(html).not.toMatch(/Cannot export|does not exist/);
  });

  it('names a provider in Chinese when the service sends its id beside the English label', () => {
    // The bridge refusal as planBridge throws it (integration/keyframes/bridgeEstimate checks the id).
    const err = uiErrorOf(
      keyedError(
        'INVALID_INPUT',
        'bridges.errors.noLastFrame',
        {
          provider: 'Animatic (offline) (animatic)',
          providerId: 'animatic',
          model: 'animatic',
          models: 'Runway: Veo 3.1 [runway/veo3.1]',
        },
        'Animatic (offline) (animatic) cannot end a clip on a given frame.',
      ),
    );
    const text = localizedText(i18next, err.localized, err.message);
    expect(text).toContain('动态分镜（离线） (animatic) 无法让片段结束在指定帧上');
    expect(text).not.toContain('Animatic (offline)');
    // Without an id (an unknown provider), the label as sent.
    const plain = localizedText(
      i18next,
      { key: 'bridges.errors.noneCan', params: { provider: 'My Gateway' } },
      'My Gateway cannot end a clip on a given frame.',
    );
    expect(plain).toContain('My Gateway 无法');
  });

  it("a job error names its job's provider in Chinese (jobs panel and shot card)", () => {
    const info = { code: 'busy', params: { provider: 'Animatic (offline)' } } as const;
    expect(
      jobErrorText(i18next, 'Animatic (offline) is busy (rate limit); waiting to send.', info, 'animatic'),
    ).toContain('动态分镜（离线）');
    const store = createAppStore();
    const job = makeJob('j1', 'a', { state: 'failed', provider: 'animatic', error: 'x', errorInfo: info });
    store.getState().setSnapshot(makeSnapshot([makeShot('a')], { jobs: [job] }));
    setJobsUi({ jobsFilter: 'all' });
    const html = render(store, <JobsPanel />);
    expect(html).toContain('动态分镜（离线）');
    expect(html).not.toContain('Animatic (offline)');
  });
});

describe('numbers in service messages', () => {
  afterAll(async () => {
    await initI18n('en');
  });

  // Relink's size mismatch as relink.ts sends it: the byte counts as numbers.
  const sizeMismatch = uiErrorOf(
    keyedError(
      'MEDIA_MISMATCH',
      'pathErrors.relink.size',
      { name: 'kitten.mp4', originalName: 'horse.mp4', foundBytes: 881636, expectedBytes: 453387 },
      '"kitten.mp4" is not the file "horse.mp4" was (its size differs).',
    ),
  );

  it.each(['en', 'zh-CN'] as const)(
    'relink byte counts are grouped for the locale (%s), as Intl does',
    async (lang) => {
      await initI18n(lang);
      const nf = new Intl.NumberFormat(lang);
      const text = localizedText(i18next, sizeMismatch.localized, sizeMismatch.message);
      expect(nf.format(881636)).not.toBe('881636');
      expect(text).toContain(nf.format(881636));
      expect(text).toContain(nf.format(453387));
      expect(text).not.toMatch(/881636|453387/);
    },
  );

  // Relink's length mismatch as relink.ts sends it: the seconds already rounded, as text.
  const lengthMismatch = uiErrorOf(
    keyedError(
      'MEDIA_MISMATCH',
      'pathErrors.relink.length',
      { name: 'kitten.mp4', originalName: 'horse.mp4', foundSec: '3725.50', expectedSec: '4.25' },
      '"kitten.mp4" is not the file "horse.mp4" was (it lasts 3725.50 s instead of 4.25 s).',
    ),
  );

  it.each(['en', 'zh-CN'] as const)('relink seconds follow the locale (%s), as Intl does', async (lang) => {
    await initI18n(lang);
    const nf = new Intl.NumberFormat(lang);
    const text = localizedText(i18next, lengthMismatch.localized, lengthMismatch.message);
    expect(nf.format(3725.5)).not.toBe('3725.50');
    expect(text).toContain(nf.format(3725.5));
    expect(text).toContain(nf.format(4.25));
    expect(text).not.toContain('3725.50');
  });
});
