/**
 * The Inspector region shows whatever the one selection names (store/selection.ts): an audio
 * item, an element, a take, a transition, else the primary shot, else the project.
 */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import { useSelection } from '../app/useEditor';
import { ShotInspector } from '../panels/ShotInspector';
import { TransitionFields } from '../panels/TransitionFields';
import { ElementItem } from '../panels/elements/ElementItem';
import { primaryShot } from '../store/selection';
import { AudioInspector } from './AudioInspector';
import { ProjectInspector } from './ProjectInspector';
import { PaneHeader } from './Splitter';

function Body() {
  const { t } = useTranslation();
  const snapshot = useAppState((s) => s.snapshot);
  const item = useSelection((s) => s.item);
  const shotId = useSelection(primaryShot);
  if (!snapshot) return null;
  if (item?.kind === 'audio') {
    const audio = snapshot.audioItems.find((a) => a.id === item.id);
    if (audio) return <AudioInspector item={audio} snapshot={snapshot} />;
  }
  if (item?.kind === 'element') {
    const el = snapshot.elements.find((e) => e.id === item.id);
    if (el)
      return (
        <ul className="element-list inspector-body" data-testid="element-inspector">
          <ElementItem element={el} snapshot={snapshot} />
        </ul>
      );
  }
  if (item?.kind === 'transition') {
    const shot = snapshot.shots.find((s) => s.id === item.shotId);
    if (shot) {
      return (
        <section
          className="inspector-body"
          data-testid="transition-inspector"
          aria-label={t('workspace.inspector.transition')}
        >
          <h2>{t('workspace.inspector.transition')}</h2>
          <TransitionFields shot={shot} snapshot={snapshot} />
        </section>
      );
    }
  }
  if (shotId !== null && snapshot.shots.some((s) => s.id === shotId)) return <ShotInspector />;
  return <ProjectInspector snapshot={snapshot} />;
}

export function InspectorPane() {
  const { t } = useTranslation();
  return (
    <div className="pane-column">
      <PaneHeader pane="inspector" title={t('workspace.regions.inspector')} />
      <div className="pane-scroll">
        <Body />
      </div>
    </div>
  );
}
