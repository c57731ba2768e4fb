/** One element in the library: a summary row that opens its editor (name, tag, kind, description, pictures, delete). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElementPatch } from '../../../../shared/api/elements';
import type { Element, ProjectSnapshot } from '../../../../shared/model/entities';
import { normalizeTag } from '../../../../shared/model/elements';
import { actions, runAction } from '../../actions';
import { useAppContext } from '../../app/context';
import { Field } from '../../components/Field';
import { CommitField } from '../CommitField';
import { ElementPictures } from './ElementPictures';
import { ElementThumb } from './ElementThumb';
import { KindSelect } from './NewElementForm';

export function ElementItem({ element, snapshot }: { element: Element; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const [open, setOpen] = useState(false);
  const update = (patch: ElementPatch) =>
    void runAction(ctx, actions['element.update'], { elementId: element.id, patch });
  const uses = snapshot.shots.filter((s) => s.elementIds.includes(element.id)).length;
  const editorId = `element-editor-${element.id}`;
  return (
    <li className="element-item" data-testid="element-item" data-element-id={element.id}>
      <button
        type="button"
        className="element-summary"
        aria-expanded={open}
        aria-controls={editorId}
        onClick={() => setOpen(!open)}
      >
        <ElementThumb element={element} snapshot={snapshot} size="large" />
        <span className="element-text">
          <strong>{element.name}</strong>
          <span className="muted small">
            {element.tag} · {t('elements.pictureCount', { count: element.refAssetIds.length })} ·{' '}
            {t('elements.shotCount', { count: uses })}
          </span>
        </span>
      </button>
      {open && (
        <div id={editorId} className="element-editor">
          <div className="row">
            <Field label={t('elements.name')}>
              <CommitField
                value={element.name}
                onCommit={(name) => name.trim() && update({ name: name.trim() })}
                testId="element-edit-name"
              />
            </Field>
            <Field label={t('elements.tag')} hint={t('elements.tagHint')}>
              <CommitField
                value={element.tag}
                invalid={(s) => normalizeTag(s) === null}
                onCommit={(tag) => update({ tag: normalizeTag(tag) ?? tag })}
                testId="element-edit-tag"
              />
            </Field>
          </div>
          <Field label={t('elements.kind')}>
            <KindSelect value={element.kind} onChange={(kind) => update({ kind })} />
          </Field>
          <Field label={t('elements.description')}>
            <CommitField
              multiline
              rows={2}
              value={element.description}
              placeholder={t('elements.descriptionPlaceholder')}
              onCommit={(description) => update({ description })}
            />
          </Field>
          <ElementPictures element={element} snapshot={snapshot} />
          <button
            type="button"
            className="btn btn-danger btn-small"
            data-testid="element-remove"
            onClick={() => void runAction(ctx, actions['element.remove'], { elementId: element.id })}
          >
            {uses > 0 ? t('elements.removeUsed', { count: uses }) : t('elements.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
