/**
 * The project's template variables, in the Elements panel under the style: `{{product}}`-style
 * text variables with their sample value (commits on blur or Enter: one undo step), picture
 * slots with their picture (a shot's first frame when bound), and the list of what is still
 * unresolved — which variable in which shot — that blocks generation and export.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot } from '../../../../shared/model/entities';
import { resolveTemplate, VARIABLE_NAME } from '../../../../shared/template/variables';
import { actions, runAction } from '../../actions';
import { projectFile } from '../../api/client';
import { useAppContext } from '../../app/context';
import { assetById } from '../../store/selectors';
import { CommitField } from '../CommitField';
import { PictureDrop } from './PictureDrop';

export function TemplateSection({ snapshot }: { snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'text' | 'picture'>('text');
  const variables = snapshot.templateVariables ?? [];
  const unresolved = resolveTemplate(snapshot).unresolved;
  const validName = VARIABLE_NAME.test(name) && !variables.some((v) => v.name === name);
  const add = () => {
    if (!validName) return;
    void runAction(ctx, actions['template.set'], { name, kind });
    setName('');
  };
  return (
    <div className="style-section" role="group" aria-labelledby={`${id}-title`} data-testid="template-section">
      <h3 id={`${id}-title`} className="small muted">
        {t('template.title')}
      </h3>
      <p className="muted small style-explain">
        {t('template.explain', { a: '{{product}}', b: '{{tagline}}', c: '{{price}}' })}
      </p>
      <ul className="template-list" aria-label={t('template.title')} data-testid="template-variables">
        {variables.map((v) => {
          const asset = v.assetId ? assetById(snapshot, v.assetId) : undefined;
          return (
            <li key={v.name} className="template-variable" data-variable={v.name}>
              <code>{`{{${v.name}}}`}</code> <span className="muted small">{t(`template.kind.${v.kind}`)}</span>
              {v.kind === 'text' ? (
                <CommitField
                  value={v.value}
                  placeholder={t('template.samplePlaceholder')}
                  testId={`template-value-${v.name}`}
                  onCommit={(value) => void runAction(ctx, actions['template.setValue'], { name: v.name, value })}
                />
              ) : (
                <div className="element-pictures">
                  {asset && (
                    <img
                      className="template-picture"
                      src={ctx.api.mediaUrl(projectFile(snapshot.dir, asset.path))}
                      alt={t('template.pictureAlt', { name: v.name })}
                    />
                  )}
                  <span className="muted small">
                    {t('template.firstFrameOf', { count: v.firstFrameShotIds.length })}
                  </span>
                  <PictureDrop
                    hint={t('template.dropPicture')}
                    testId={`template-picture-${v.name}`}
                    onAdd={(more) => {
                      const picture = more[0];
                      if (picture)
                        void runAction(ctx, actions['template.set'], {
                          name: v.name,
                          kind: 'picture',
                          picture,
                          firstFrameShotIds: v.firstFrameShotIds,
                        });
                    }}
                  />
                </div>
              )}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={t('template.removeNamed', { name: v.name })}
                onClick={() => void runAction(ctx, actions['template.remove'], { name: v.name })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <div className="template-add">
        <input
          value={name}
          aria-label={t('template.name')}
          placeholder={t('template.namePlaceholder', { example: 'product' })}
          data-testid="template-new-name"
          onChange={(e) => setName(e.target.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <select
          value={kind}
          aria-label={t('template.kindLabel')}
          onChange={(e) => setKind(e.target.value as 'text' | 'picture')}
        >
          <option value="text">{t('template.kind.text')}</option>
          <option value="picture">{t('template.kind.picture')}</option>
        </select>
        <button type="button" className="btn btn-small" disabled={!validName} onClick={add} data-testid="template-add">
          {t('template.add')}
        </button>
      </div>
      <button
        type="button"
        className="btn btn-small btn-secondary"
        data-testid="template-review-variants"
        onClick={() => void runAction(ctx, actions['variants.showReview'], undefined)}
      >
        {t('variants.menu')}
      </button>
      {unresolved.length > 0 && (
        <div role="alert" className="small template-unresolved" data-testid="template-unresolved">
          <p>{t('template.unresolvedTitle', { count: unresolved.length })}</p>
          <ul>
            {unresolved.map((u) => (
              <li key={`${u.shotId}-${u.field}-${u.variable}`}>
                {t('template.unresolvedItem', {
                  shot: u.shotNumber,
                  field: t(`template.field.${u.field}`),
                  name: `{{${u.variable}}}`,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
