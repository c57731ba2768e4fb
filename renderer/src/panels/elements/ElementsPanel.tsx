/**
 * The Elements library (design.md §6): characters, locations, props and styles with reference
 * pictures, grouped by kind. Shots pick them in the inspector or name them by @tag in the
 * prompt; their pictures go to models that take reference images. The project's style
 * (StyleSection) comes first: it applies to every shot.
 */
import { useTranslation } from 'react-i18next';
import { ELEMENT_KINDS } from '../../../../shared/model/entities';
import { useAppState } from '../../app/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ElementItem } from './ElementItem';
import { NewElementForm } from './NewElementForm';
import { StyleSection } from './StyleSection';
import { TemplateSection } from './TemplateSection';

export function ElementsPanel() {
  const { t } = useTranslation();
  const snapshot = useAppState((s) => s.snapshot);
  if (!snapshot) return null;
  const { elements } = snapshot;
  return (
    <section className="panel elements-panel" aria-labelledby="elements-title" data-testid="elements-panel">
      <h2 id="elements-title">{t('elements.title')}</h2>
      <StyleSection snapshot={snapshot} />
      {elements.length === 0 && (
        <div className="elements-empty" data-testid="elements-empty">
          <p>{t('elements.emptyTitle')}</p>
          <p className="muted small">{t('elements.emptyBody')}</p>
        </div>
      )}
      {ELEMENT_KINDS.map((kind) => {
        const ofKind = elements.filter((e) => e.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <div key={kind} className="element-group" role="group" aria-label={t(`elements.groups.${kind}`)}>
            <h3 className="small muted">{t(`elements.groups.${kind}`)}</h3>
            <ul className="element-list">
              {ofKind.map((e) => (
                <ElementItem key={e.id} element={e} snapshot={snapshot} />
              ))}
            </ul>
          </div>
        );
      })}
      <ErrorMessage place="elements" />
      <NewElementForm />
      <TemplateSection snapshot={snapshot} />
    </section>
  );
}
