/**
 * Settings: the consistency check's drift threshold per element kind (app-wide). Shown on the
 * 0–100 scale the badges and the report use; a take drifts when its score is below its
 * element kind's threshold. Saved through the action registry; saving re-flags the open
 * project's report at once (no new check needed: the scores do not change).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKED_KINDS, DEFAULT_DRIFT_THRESHOLDS, type DriftThresholds } from '../../../shared/continuity/score';
import { actions, runAction } from '../actions';
import { useAppContext, useAppState } from '../app/context';
import { useLoadWhenIdle } from '../app/useLoadWhenIdle';
import './continuity.css';

type Fields = Record<keyof DriftThresholds, string>;

const toFields = (t: DriftThresholds): Fields => ({
  character: String(Math.round(t.character * 100)),
  location: String(Math.round(t.location * 100)),
  prop: String(Math.round(t.prop * 100)),
});

/** A field as a threshold 0..1, or null when it is not a whole number from 0 to 100. */
export function fieldThreshold(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n <= 100 ? n / 100 : null;
}

/** Names joined as the UI's language lists them ("Characters and Props", "角色和道具"). */
export function listOf(language: string, names: readonly string[]): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
}

export function SettingsContinuity() {
  const { t, i18n } = useTranslation();
  const ctx = useAppContext();
  const busy = useAppState((s) => s.busy.settings === true);
  const [saved, setSaved] = useState<DriftThresholds | null>(null);
  const [fields, setFields] = useState<Fields | null>(null);
  // Asked once Settings is not busy (the export-cache section loads under the same place).
  useLoadWhenIdle(actions['continuity.thresholds'], {
    onDone: (th) => {
      setSaved(th);
      setFields(toFields(th));
    },
  });
  if (!fields || !saved) return null;
  const parsed = CHECKED_KINDS.map((k) => [k, fieldThreshold(fields[k])] as const);
  const invalid = parsed.filter(([, v]) => v === null).map(([k]) => k);
  const next = Object.fromEntries(parsed) as DriftThresholds;
  const changed = !invalid.length && CHECKED_KINDS.some((k) => next[k] !== saved[k]);
  const save = (thresholds: DriftThresholds) =>
    void runAction(ctx, actions['continuity.setThresholds'], {
      thresholds,
      onDone: (th) => {
        setSaved(th);
        setFields(toFields(th));
      },
    });
  return (
    <section
      className="provider-settings"
      data-testid="settings-continuity"
      aria-labelledby="settings-continuity-title"
    >
      <h3 id="settings-continuity-title">{t('consistency.settings.title')}</h3>
      <p className="muted small">{t('consistency.settings.explain')}</p>
      <form
        className="continuity-thresholds"
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) save(next);
        }}
      >
        {CHECKED_KINDS.map((kind) => (
          <div className="settings-row" key={kind}>
            <label htmlFor={`threshold-${kind}`}>{t(`consistency.settings.kinds.${kind}`)}</label>
            <input
              id={`threshold-${kind}`}
              type="number"
              min={0}
              max={100}
              step={5}
              inputMode="numeric"
              value={fields[kind]}
              disabled={busy}
              aria-invalid={invalid.includes(kind)}
              data-testid={`threshold-${kind}`}
              onChange={(e) => setFields({ ...fields, [kind]: e.target.value })}
            />
            <span className="muted small">
              {t('consistency.settings.default', { value: Math.round(DEFAULT_DRIFT_THRESHOLDS[kind] * 100) })}
            </span>
          </div>
        ))}
        {invalid.length > 0 && (
          <p className="warn small" role="alert" data-testid="threshold-invalid">
            {t('consistency.settings.invalid', {
              kinds: listOf(
                i18n.language,
                invalid.map((k) => t(`consistency.settings.kinds.${k}`)),
              ),
            })}
          </p>
        )}
        <div className="row">
          <button type="submit" disabled={busy || !changed} data-testid="threshold-save">
            {t('consistency.settings.save')}
          </button>
          <button
            type="button"
            disabled={busy || CHECKED_KINDS.every((k) => saved[k] === DEFAULT_DRIFT_THRESHOLDS[k])}
            data-testid="threshold-defaults"
            onClick={() => save(DEFAULT_DRIFT_THRESHOLDS)}
          >
            {t('consistency.settings.defaults')}
          </button>
        </div>
      </form>
    </section>
  );
}
