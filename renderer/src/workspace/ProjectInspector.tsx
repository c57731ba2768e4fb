/** The inspector with nothing selected: the project's format and length, and how to select. */
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import { fpsValue } from '../../../shared/model/time';
import { formatSeconds } from '../panels/format';
import { totalSeconds } from '../store/selectors';

export function ProjectInspector({ snapshot }: { snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const p = snapshot.project;
  const rows: [string, string][] = [
    [t('workspace.project.format'), `${p.width}×${p.height} · ${p.aspect}`],
    [t('workspace.project.fps'), String(Number(fpsValue(p.fps).toFixed(3)))],
    [t('workspace.project.shots'), String(snapshot.shots.length)],
    [t('workspace.project.length'), formatSeconds(totalSeconds(snapshot))],
    [t('workspace.project.folder'), snapshot.dir],
  ];
  return (
    <section className="inspector-body" data-testid="project-inspector" aria-labelledby="project-inspector-title">
      <h2 id="project-inspector-title">{p.name}</h2>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt className="muted small">{k}</dt>
            <dd className="small">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small" data-testid="shot-detail-empty">
        {snapshot.shots.length > 0 ? t('shot.pick') : t('shot.none')}
      </p>
    </section>
  );
}
