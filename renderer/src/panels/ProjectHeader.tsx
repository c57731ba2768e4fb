/**
 * The top bar: project name and format, Grid | Viewer, Generate (and its dialog), Export…, the
 * jobs popover with its badge, budget, undo/redo, palette, shortcuts, settings, language, close.
 */
import { useTranslation } from 'react-i18next';
import { fpsToString, fpsValue } from '../../../shared/model/time';
import { useAppState } from '../app/context';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { BudgetChip } from './BudgetBar';
import { formatSeconds } from './format';
import { ViewSwitch } from './ViewSwitch';
import { shotsToGenerate, totalSeconds } from '../store/selectors';
import { JobsButton } from '../workspace/JobsPopover';

export function ProjectHeader() {
  const { t } = useTranslation();
  const project = useAppState((s) => s.snapshot?.project);
  const shots = useAppState((s) => s.snapshot?.shots.length ?? 0);
  const total = useAppState((s) => (s.snapshot ? totalSeconds(s.snapshot) : 0));
  const pending = useAppState((s) => shotsToGenerate(s).length);
  if (!project) return null;
  const fps = fpsValue(project.fps);
  const fpsText = project.fps.den === 1 ? fpsToString(project.fps) : fps.toFixed(3).replace(/0+$/, '');
  return (
    <header className="topbar" data-testid="project-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div
        className="project-title"
        title={`${project.width}×${project.height} · ${t('header.fps', { fps: fpsText })} · ${project.aspect}`}
      >
        <h1 data-testid="project-name">{project.name}</h1>
        <p className="project-meta" data-testid="project-meta">
          <span>
            {project.width}×{project.height}
          </span>
          <span>{t('header.fps', { fps: fpsText })}</span>
          <span>{project.aspect}</span>
          <span>{t('header.shots', { count: shots })}</span>
          <span>{formatSeconds(total)}</span>
        </p>
      </div>
      <ViewSwitch />
      <div className="topbar-actions">
        <ActionButton
          action="generate.all"
          payload={undefined}
          variant="primary"
          className="btn-small"
          testId="generate"
          label={pending > 0 ? t('generate.count', { count: pending }) : t('generate.all')}
          busyLabel={t('generate.starting')}
        />
        <ActionButton
          action="generate.open"
          payload={undefined}
          variant="secondary"
          className="btn-small"
          testId="generate-open"
          label={t('workspace.generateDialog')}
        />
        <ActionButton
          action="export.open"
          payload={undefined}
          variant="secondary"
          className="btn-small"
          testId="open-export"
          label={t('workspace.exportDialog')}
        />
        <JobsButton />
        <BudgetChip />
        <div className="btn-group" role="group" aria-label={t('header.history')}>
          <ActionButton
            action="history.undo"
            payload={undefined}
            variant="ghost"
            className="btn-icon"
            label="↶"
            testId="undo"
          />
          <ActionButton
            action="history.redo"
            payload={undefined}
            variant="ghost"
            className="btn-icon"
            label="↷"
            testId="redo"
          />
        </div>
        <ActionButton
          action="palette.open"
          payload={undefined}
          variant="ghost"
          className="btn-icon"
          label="⌕"
          testId="open-palette"
        />
        <ActionButton
          action="help.shortcuts"
          payload={undefined}
          variant="ghost"
          className="btn-icon"
          label="?"
          testId="open-shortcuts"
        />
        <ActionButton
          action="settings.open"
          payload={undefined}
          variant="ghost"
          className="btn-icon"
          label="⚙"
          testId="open-settings"
        />
        <LanguageSwitch />
        <ActionButton
          action="project.close"
          payload={undefined}
          variant="ghost"
          className="btn-icon"
          label="✕"
          testId="close-project"
        />
      </div>
      <ErrorMessage place="history" />
      <ErrorMessage place="generate" />
    </header>
  );
}
