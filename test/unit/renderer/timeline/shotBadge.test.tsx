import { describe, expect, it } from 'vitest';
import { badgeOf, statusKey, UNKNOWN_COLOR } from '../../../../renderer/src/timeline/shotBadge';
import { THEME } from '../../../../renderer/src/timeline/theme';
import { en, zhCN as zh, type Tree } from '../../../../renderer/src/i18n/resources';

const statusLabels = (tree: Tree) => (tree.timeline as Tree).status as Tree;
import { makeJob, makeShot, makeSnapshot } from '../fixtures';
import { newTake } from '../../../../shared/model/factories';

describe('timeline status badge', () => {
  const shot = makeShot('a');
  const withJob = (state: 'failed' | 'unknown' | 'running') =>
    makeSnapshot([shot], {
      jobs: [makeJob('j', 'a', { state, progress: 0.4, error: state === 'failed' ? 'boom' : null })],
    });

  it('shows a lost-answer job as unknown, in its own colour, not as failed', () => {
    expect(statusKey(shot, withJob('unknown'), undefined)).toBe('unknown');
    expect(statusKey(shot, withJob('failed'), undefined)).toBe('failed');
    const unknown = badgeOf('unknown', undefined);
    const failed = badgeOf('failed', undefined);
    expect(unknown.key).toBe('unknown');
    expect(unknown.color).toBe(UNKNOWN_COLOR);
    expect(new Set([failed.color, THEME.warn, THEME.accent, THEME.ok, THEME.textMuted]).has(unknown.color)).toBe(false);
  });

  it('a live event refines the stored state', () => {
    expect(
      statusKey(shot, withJob('running'), { jobId: 'j', shotId: 'a', state: 'unknown', progress: 0, error: null }),
    ).toBe('unknown');
    expect(statusKey(shot, withJob('unknown'), undefined)).not.toBe(statusKey(shot, withJob('running'), undefined));
    expect(badgeOf(statusKey(shot, withJob('running'), undefined), undefined)).toEqual({
      key: 'generating',
      color: THEME.accent,
      progress: 40,
    });
  });

  it('every badge key has a label in both languages', () => {
    for (const status of ['none', 'failed', 'unknown', 'queued', 'generating:5']) {
      const { key } = badgeOf(status, 'animatic');
      expect(statusLabels(en)).toHaveProperty(key);
      expect(statusLabels(zh)).toHaveProperty(key);
    }
    for (const p of ['animatic', 'import', 'veo']) expect(statusLabels(en)).toHaveProperty(badgeOf('take', p).key);
  });

  it('a take made from an older prompt shows the outdated badge, labelled in both languages', () => {
    const take = newTake({
      id: 't',
      shotId: 'a',
      assetId: 'clip',
      provider: 'kling',
      request: { shotId: 'a', prompt: 'an older prompt', firstFrame: null, lastFrame: null },
    });
    const doc = (prompt: string) => makeSnapshot([makeShot('a', { prompt, selectedTakeId: 't' })], { takes: [take] });
    const current = doc('an older prompt');
    expect(statusKey(current.shots[0]!, current, undefined)).toBe('take');
    const edited = doc('a newer prompt');
    expect(statusKey(edited.shots[0]!, edited, undefined)).toBe('outdated');
    const badge = badgeOf('outdated', 'kling');
    expect(badge).toMatchObject({ key: 'outdated', color: THEME.warn, labelKey: 'outdated.badge' });
    const label = (tree: Tree, key: string) => key.split('.').reduce<unknown>((n, k) => (n as Tree)[k], tree);
    expect(label(en, badge.labelKey!)).toBe('Outdated');
    expect(label(zh, badge.labelKey!)).toBe('已过时');
  });
});
