/**
 * Mounts the Konva timeline (renderer/src/timeline/Timeline.tsx) when it is part of the build.
 * The glob is resolved by Vite at build time: without the file the view says so instead of
 * failing the whole app.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

const found = import.meta.glob<{ Timeline: ComponentType }>('../timeline/Timeline.tsx');
const load = Object.values(found)[0];
const LazyTimeline = load ? lazy(async () => ({ default: (await load()).Timeline })) : null;

export function TimelineMount() {
  const { t } = useTranslation();
  if (!LazyTimeline)
    return (
      <p className="empty" data-testid="timeline-missing">
        {t('editor.view.timelineMissing')}
      </p>
    );
  return (
    <Suspense fallback={<p className="empty muted">{t('editor.loading')}</p>}>
      <div className="timeline-host" data-testid="timeline">
        <LazyTimeline />
      </div>
    </Suspense>
  );
}
