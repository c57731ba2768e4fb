/** A scene's heading in the grid: rename in place (Enter or blur commits), remove. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../../shared/model/entities';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';

export function SceneHeading({ scene, count }: { scene: Scene | null; count: number }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const [draft, setDraft] = useState<string | null>(null);
  if (!scene) {
    return (
      <h3 className="scene-heading muted">
        {t('editor.scene.none')} <span className="count">{t('header.shots', { count })}</span>
      </h3>
    );
  }
  const commit = () => {
    if (draft !== null) void runAction(ctx, actions['scene.rename'], { sceneId: scene.id, heading: draft });
    setDraft(null);
  };
  return (
    <div className="scene-heading" data-testid="scene-heading">
      <input
        className="scene-title"
        value={draft ?? scene.heading}
        aria-label={t('editor.scene.heading')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      <span className="count muted small">{t('header.shots', { count })}</span>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={() => void runAction(ctx, actions['scene.remove'], { sceneId: scene.id })}
        title={t('editor.scene.removeHint')}
      >
        {t('editor.scene.remove')}
      </button>
    </div>
  );
}
