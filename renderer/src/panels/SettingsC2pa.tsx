/**
 * Settings → C2PA signing: the PEM certificate chain and private key that sign the C2PA
 * manifest of every delivered MP4/MOV. Kept like the providers' keys (the system keychain);
 * the services check them before saving (a refusal shows in Settings, translated). Without
 * them the deliverables carry no C2PA manifest and their provenance sidecars say "unsigned".
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { C2paSigningView } from '../../../shared/api/c2pa';
import { useAction, useAppContext } from '../app/context';

export function SettingsC2pa() {
  const { t } = useTranslation();
  const { api } = useAppContext();
  const [view, setView] = useState<C2paSigningView | null>(null);
  const [chain, setChain] = useState('');
  const [key, setKey] = useState('');
  const load = (v: C2paSigningView): void => {
    setView(v);
    setChain(v.paths?.certChainPath ?? '');
    setKey(v.paths?.privateKeyPath ?? '');
  };
  useEffect(() => {
    void api.call('c2pa.signing', {}).then(load, () => undefined);
  }, [api]);
  const save = useAction(
    'c2pa.saveSigning',
    useMemo(() => ({ paths: { certChainPath: chain, privateKeyPath: key }, onSaved: load }), [chain, key]),
  );
  const remove = useAction(
    'c2pa.saveSigning',
    useMemo(() => ({ paths: null, onSaved: load }), []),
  );
  if (!view) return null;
  const fromEnv = view.source === 'env';
  const editable = view.canStore && !fromEnv;
  return (
    <section className="provider-settings" data-testid="settings-c2pa">
      <h3>{t('c2pa.settings.title')}</h3>
      <p className="muted small">{t('c2pa.settings.explain')}</p>
      <p data-testid="c2pa-state" className={view.problem ? 'warn small' : 'small'}>
        {view.signer
          ? t('c2pa.settings.signsAs', {
              subject: view.signer.subject,
              alg: view.signer.alg.toUpperCase(),
              until: view.signer.notAfter.slice(0, 10),
            })
          : view.problem
            ? t('c2pa.settings.problem', {
                problem: view.problem.localized
                  ? t(view.problem.localized.key, view.problem.localized.params)
                  : view.problem.message,
              })
            : t('c2pa.settings.unsigned')}
      </p>
      {fromEnv && <p className="muted small">{t('c2pa.settings.fromEnv', { vars: view.env.join(', ') })}</p>}
      {!view.canStore && !fromEnv && (
        <p className="muted small">{t('c2pa.settings.envOnly', { vars: view.env.join(', ') })}</p>
      )}
      {(
        [
          ['chain', chain, setChain, '/path/to/chain.pem'],
          ['key', key, setKey, '/path/to/signer.key'],
        ] as const
      ).map(([field, value, set, placeholder]) => (
        <label key={field}>
          {t(`c2pa.settings.${field}`)}{' '}
          <input
            className="mono"
            value={value}
            disabled={!editable}
            placeholder={placeholder}
            onChange={(e) => set(e.target.value)}
            data-testid={`c2pa-${field}`}
          />
        </label>
      ))}
      {editable && (
        <p>
          <button
            type="button"
            className="btn btn-small"
            disabled={!save.enabled}
            onClick={() => void save.run()}
            data-testid="c2pa-save"
          >
            {save.label}
          </button>{' '}
          {view.configured && (
            <button
              type="button"
              className="btn btn-small"
              disabled={!remove.enabled}
              onClick={() => void remove.run()}
              data-testid="c2pa-remove"
            >
              {t('c2pa.settings.remove')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
