/**
 * The inspector's "Elements" field: chips of the elements the shot picks (each detachable), a
 * menu to attach another, the ones its prompt names by @tag, and how many reference pictures
 * the shot's provider and model will take. Each attach/detach is one undo step.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { modelCapabilities } from '../../../shared/generation/capabilities';
import { shotElements } from '../../../shared/model/elements';
import type { ProjectSnapshot, Shot } from '../../../shared/model/entities';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { ElementChip } from './elements/ElementThumb';
import type { ShotProvider } from './ShotProviderFields';

/** What the chosen model will take, as a sentence (null while the providers are unknown). */
export function useReferenceNote(
  shot: Shot,
  snapshot: ProjectSnapshot,
  provider: ShotProvider,
  pictures: number,
): { text: string; warn: boolean } | null {
  const { t } = useTranslation();
  if (!provider.caps) return null;
  const caps = modelCapabilities(provider.caps, shot.model);
  const modelLabel = provider.caps.models.find((m) => m.id === shot.model)?.label ?? provider.label;
  const max = caps.referenceImagesMax;
  if (max === 0) return { text: t('elements.field.takesNone', { model: modelLabel }), warn: pictures > 0 };
  if (pictures > max)
    return { text: t('elements.field.tooMany', { model: modelLabel, count: max, have: pictures }), warn: true };
  return { text: t('elements.field.takes', { model: modelLabel, count: max, have: pictures }), warn: false };
}

export function ShotElementsField({
  shot,
  snapshot,
  provider,
}: {
  shot: Shot;
  snapshot: ProjectSnapshot;
  provider: ShotProvider;
}) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const labelId = useId();
  const byId = new Map(snapshot.elements.map((e) => [e.id, e]));
  const picked = shot.elementIds.flatMap((id) => byId.get(id) ?? []);
  const used = shotElements(shot, snapshot.elements);
  const mentioned = used.filter((e) => !shot.elementIds.includes(e.id));
  const pictures = used.reduce((n, e) => n + e.refAssetIds.length, 0) + snapshot.project.styleRefAssetIds.length;
  const note = useReferenceNote(shot, snapshot, provider, pictures);
  const set = (elementIds: string[]) =>
    void runAction(ctx, actions['shot.setElements'], { shotId: shot.id, elementIds });
  const free = snapshot.elements.filter((e) => !shot.elementIds.includes(e.id));
  return (
    <div className="field shot-elements" role="group" aria-labelledby={labelId} data-testid="shot-elements">
      <span id={labelId} className="field-label">
        {t('elements.field.label')}
      </span>
      <div className="chips">
        {picked.map((e) => (
          <ElementChip key={e.id} element={e} snapshot={snapshot}>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('elements.field.detach', { name: e.name })}
              data-testid="element-detach"
              onClick={() => set(shot.elementIds.filter((id) => id !== e.id))}
            >
              ×
            </button>
          </ElementChip>
        ))}
        {picked.length === 0 && <span className="muted small">{t('elements.field.none')}</span>}
      </div>
      {mentioned.length > 0 && (
        <p className="small muted" data-testid="shot-elements-mentioned">
          {t('elements.field.mentioned', { tags: mentioned.map((e) => e.tag).join(' ') })}
        </p>
      )}
      {snapshot.elements.length === 0 ? (
        <p className="small muted">{t('elements.field.noLibrary')}</p>
      ) : (
        free.length > 0 && (
          <select
            value=""
            aria-label={t('elements.field.attach')}
            data-testid="element-attach"
            onChange={(e) => e.target.value && set([...shot.elementIds, e.target.value])}
          >
            <option value="">{t('elements.field.attach')}</option>
            {free.map((e) => (
              <option key={e.id} value={e.id}>
                {e.tag} · {e.name}
              </option>
            ))}
          </select>
        )
      )}
      {note && (
        <small className={note.warn ? 'hint warn' : 'hint'} data-testid="reference-note">
          {note.text}
        </small>
      )}
    </div>
  );
}
