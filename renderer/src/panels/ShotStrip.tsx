/** The storyboard strip: every shot as a card, in cut order, with the Generate command. */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { shotsToGenerate } from '../store/selectors';
import { ShotCard } from './ShotCard';

export function ShotStrip() {
  const { t } = useTranslation();
  const shotIds = useAppState((s) => s.snapshot?.shots.map((x) => x.id).join('|') ?? '');
  const pending = useAppState((s) => shotsToGenerate(s).length);
  const provider = useAppState((s) => s.snapshot?.project.defaultProvider ?? '');
  const providerLabel = useAppState((s) => s.appInfo?.providers.find((p) => p.id === provider)?.label ?? provider);
  const ids = shotIds === '' ? [] : shotIds.split('|');
  return (
    <section className="strip" aria-labelledby="strip-title">
      <div className="strip-toolbar">
        <h2 id="strip-title">{t('strip.title')}</h2>
        <div className="strip-tools">
          <span className="muted small">{t('strip.provider', { provider: t(`providers.${provider}`, { defaultValue: providerLabel }) })}</span>
          <ActionButton
            action="generate.all"
            payload={undefined}
            variant="primary"
            testId="generate"
            label={pending > 0 ? t('generate.count', { count: pending }) : t('generate.all')}
            busyLabel={t('generate.starting')}
          />
        </div>
      </div>
      <ErrorMessage place="generate" />
      {ids.length === 0 ? (
        <p className="empty" data-testid="empty-shots">{t('strip.empty')}</p>
      ) : (
        <ol className="cards" data-testid="shot-list">
          {ids.map((id, i) => (
            <ShotCard key={id} shotId={id} index={i} />
          ))}
        </ol>
      )}
    </section>
  );
}
