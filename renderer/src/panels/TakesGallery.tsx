/**
 * A shot's takes: play each, pick the one the cut uses, rate it, delete it, generate another,
 * and compare two side by side with synchronised play.
 */
import { formatSeconds } from './format';
import { useTranslation } from 'react-i18next';
import type { ProjectSnapshot, Shot, Take } from '../../../shared/model/entities';
import { actions, runAction } from '../actions';
import { canExtendTake } from '../actions/sceneTakeActions';
import { projectFile } from '../api/client';
import { useAppContext, useAppState } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { assetById, takesOf } from '../store/selectors';
import { setEditorUi } from '../store/uiEditor';
import { CompareTakes } from './CompareTakes';
import { Stars } from './Stars';
import { ContinuityBadge } from './ContinuityBadge';
import { OutdatedBadge } from './OutdatedBadge';
import { BridgeButton, TakeRunButtons } from './takeRuns/TakeRunButtons';
import { KeyframeTakeTile } from './KeyframeTakeTile';
import { takeKind } from '../../../shared/model/entities';

export function TakesGallery({ shot, snapshot }: { shot: Shot; snapshot: ProjectSnapshot }) {
  const { t } = useTranslation();
  const takes = takesOf(snapshot, shot.id);
  const compare = useEditorUi((s) => s.compare).filter((id) => takes.some((x) => x.id === id));
  const toggleCompare = (id: string) =>
    setEditorUi({ compare: compare.includes(id) ? compare.filter((x) => x !== id) : [...compare, id].slice(-2) });
  return (
    <section className="takes-gallery" aria-labelledby="takes-title">
      <div className="detail-head">
        <h3 id="takes-title">
          {t('takes.title')} <span className="muted small">{takes.length}</span>
        </h3>
        <ActionButton
          action="take.generate"
          payload={{ shotId: shot.id }}
          variant="secondary"
          testId="generate-take"
          busyLabel={t('generate.starting')}
        />
        <ActionButton
          action="continuity.check"
          payload={{ shotIds: [shot.id] }}
          label={t('consistency.checkShot')}
          variant="ghost"
          testId="check-takes"
          busyLabel={t('consistency.checking')}
        />
        <BridgeButton shotId={shot.id} />
      </div>
      <ErrorMessage place="generate" />
      {takes.length === 0 ? (
        <p className="muted small empty-teach" data-testid="takes">
          {t('takes.none')}
        </p>
      ) : (
        <ul className="takes" data-testid="takes">
          {/* Keyed by place, not id: another shot's takes update these tiles instead of
              unmounting and mounting each one (a selection change in the inspector, UI-3). */}
          {takes.map((take, i) =>
            takeKind(take) === 'image' ? (
              <KeyframeTakeTile key={i} take={take} number={i + 1} shot={shot} snapshot={snapshot} />
            ) : (
              <TakeTile
                key={i}
                take={take}
                number={i + 1}
                shot={shot}
                snapshot={snapshot}
                comparing={compare.includes(take.id)}
                onCompare={() => toggleCompare(take.id)}
              />
            ),
          )}
        </ul>
      )}
      {compare.length === 2 && (
        <CompareTakes takeIds={compare} snapshot={snapshot} onClose={() => setEditorUi({ compare: [] })} />
      )}
    </section>
  );
}

function TakeTile({
  take,
  number,
  shot,
  snapshot,
  comparing,
  onCompare,
}: {
  take: Take;
  number: number;
  shot: Shot;
  snapshot: ProjectSnapshot;
  comparing: boolean;
  onCompare(): void;
}) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const asset = assetById(snapshot, take.assetId);
  const selected = take.id === shot.selectedTakeId;
  // Offered only where the take's provider and model can extend their own clips.
  const extendable = useAppState((s) => canExtendTake(s, take.id));
  return (
    <li className={selected ? 'take selected' : 'take'} data-testid="take" data-selected={selected}>
      {/* The media fragment shows a frame from the middle instead of a black box before play. */}
      {asset ? (
        <video
          className="preview"
          src={`${ctx.api.mediaUrl(projectFile(snapshot.dir, asset.path))}#t=${(asset.info.durationSec / 2).toFixed(3)}`}
          controls
          playsInline
          preload="metadata"
        />
      ) : (
        <div className="preview preview-text">{t('takes.missing')}</div>
      )}
      <div className="take-meta">
        <span className="take-name">
          {t('takes.label', { number, provider: t(`providers.${take.provider}`, { defaultValue: take.provider }) })}
        </span>
        {asset && (
          <span className="muted small">
            {formatSeconds(asset.info.durationSec)} · {asset.info.width}×{asset.info.height}
          </span>
        )}
        <ContinuityBadge takeId={take.id} />
        <OutdatedBadge takeId={take.id} />
        <Stars
          value={take.rating ?? 0}
          onChange={(rating) => void runAction(ctx, actions['take.rate'], { takeId: take.id, rating })}
        />
      </div>
      <div className="take-tools">
        {selected ? (
          <span className="status status-ok">{t('takes.selected')}</span>
        ) : (
          <ActionButton
            action="shot.selectTake"
            payload={{ shotId: shot.id, takeId: take.id }}
            variant="secondary"
            testId="use-take"
          />
        )}
        <label className="check small">
          <input type="checkbox" checked={comparing} onChange={onCompare} data-testid="compare-take" />
          {t('editor.takes.compare')}
        </label>
        {extendable && (
          <ActionButton action="take.extend" payload={{ takeId: take.id }} variant="secondary" testId="extend-take" />
        )}
        <TakeRunButtons take={take} />
        <ActionButton action="take.remove" payload={{ takeId: take.id }} variant="ghost" testId="remove-take" />
      </div>
    </li>
  );
}
