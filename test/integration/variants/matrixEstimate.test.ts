/**
 * variants.estimate through the contract (dispatch, validation included), as the app calls it:
 * a 16:9 template whose one changed shot is on Vidu Q3 Turbo (priced; makes 16:9, 9:16, 1:1)
 * × 2 rows × 9:16 and 4:5. The estimate counts the 16:9 clip and the native 9:16 take per row
 * and notes the 4:5 reframe; over the budget (the given one, else the project's cap) it is
 * refused with svc.variants.overBudget, shown translated in en and zh-CN, and nothing is sent
 * (the fake Vidu API gets no request, no job row is written).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch.js';
import { localizedMessage } from '../../../shared/errors.js';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { startFakeVidu, type FakeVidu } from '../../fakes/vidu.js';
import { call, services } from '../../helpers/services.js';
import { REPO } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const tpl = join(root, 'template');
const data = join(root, 'rows.csv');
let fake: FakeVidu;

beforeAll(async () => {
  fake = await startFakeVidu({ runMs: 50 });
  process.env.STORYBOARD_CONFIG_DIR = join(root, 'config');
  process.env.STORYBOARD_VIDU_BASE_URL = fake.baseUrl;
  process.env.STORYBOARD_VIDU_API_KEY = 'test-key';
  const store = ProjectStore.create(tpl, {
    name: 'Ad',
    aspect: '16:9',
    resolution: '720p',
    fps: { num: 8, den: 1 },
  });
  try {
    const hero = store.shots.add({ prompt: '{{product}} on a desk', durationFrames: 16 });
    store.shots.update(hero.id, { provider: 'vidu', model: 'viduq3-turbo' });
    store.template.set({ name: 'product', kind: 'text', value: 'Sample', assetId: null, firstFrameShotIds: [] });
  } finally {
    store.close();
  }
  writeFileSync(data, 'id,product\nlumo,Lumo 2\nnova,Nova Pro\n');
});
afterAll(async () => {
  await fake.close();
  delete process.env.STORYBOARD_VIDU_BASE_URL;
  delete process.env.STORYBOARD_VIDU_API_KEY;
});

/** The message as the renderer shows it: t(key, params) over the app's own translation file (variants domain). */
async function shown(lng: 'en' | 'zh-CN', message: { key: string; params: Record<string, string | number> } | null) {
  const file = join(REPO, 'renderer/src/i18n', lng, 'variants.json');
  const i18n = createInstance();
  await i18n.init({
    resources: { [lng]: { translation: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> } },
    lng,
    interpolation: { escapeValue: false },
  });
  if (!message || !i18n.exists(message.key)) return 'untranslated';
  return i18n.t(message.key, message.params);
}

describe('variants.estimate', () => {
  it('counts each native generation, notes the reframes, and refuses a matrix over the budget sending nothing', async () => {
    const s = services();
    await call(s, 'project.open', { dir: tpl });
    const input = { data, aspects: ['9:16' as const, '4:5' as const] };
    const est = await call(s, 'variants.estimate', input);
    const clipsOnly = await call(s, 'variants.estimate', { data, aspects: ['16:9'] });
    expect(clipsOnly).toMatchObject({ rows: 2, skipped: 0, outputs: 2, generationsPerRow: 1, notes: [] });
    expect(clipsOnly.perRow).toBeGreaterThan(0);
    // The 9:16 take is a second Vidu generation per row; 4:5 is reframed from it (no third).
    expect(est).toMatchObject({ rows: 2, outputs: 4, generationsPerRow: 2, currency: 'USD', budgetCap: null });
    expect(est.perRow).toBeCloseTo(2 * clipsOnly.perRow, 9);
    expect(est.total).toBeCloseTo(4 * clipsOnly.perRow, 9);
    expect(est.notes).toEqual([
      { aspect: '9:16', note: '1 shot(s) generated at 9:16' },
      { aspect: '4:5', note: 'shot 1 (Vidu viduq3-turbo) cannot make 4:5: reframed from 9:16' },
    ]);

    const cap = Number((est.total / 2).toFixed(2));
    const refused = await dispatch(s.handlers, 'variants.estimate', { ...input, budget: cap });
    if (refused.ok) throw new Error('a matrix over the budget was not refused');
    expect(refused.error.code).toBe('FORBIDDEN');
    const message = localizedMessage(refused.error);
    expect(message?.key).toBe('svc.variants.overBudget');
    const total = est.total.toFixed(2);
    expect(await shown('en', message)).toBe(
      `The variant matrix (about ${total} USD) is over the budget (${cap.toFixed(2)} USD); nothing was copied or sent.`,
    );
    expect(await shown('zh-CN', message)).toBe(
      `变体矩阵（约 ${total} USD）超出预算（${cap.toFixed(2)} USD）；未复制或发送任何内容。`,
    );

    // The project's own cap refuses the same way when no budget is given.
    await call(s, 'project.setBudget', { budgetCap: cap });
    const byProject = await dispatch(s.handlers, 'variants.estimate', input);
    expect(byProject.ok ? null : localizedMessage(byProject.error)?.key).toBe('svc.variants.overBudget');

    // Nothing was sent or written: no request reached Vidu, no job row, no take.
    expect(fake.creates).toBe(0);
    expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(await call(s, 'jobs.list', {})).toEqual([]);
    expect((await call(s, 'project.current', {}))?.takes).toEqual([]);
  });
});
