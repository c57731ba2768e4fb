/**
 * The variant review sheet: choose a `storyboard variants` output folder (typed, browsed, or the
 * open template's last run), then the grid of every variant with a status filter. Entries of
 * variants.json that point outside the folder or do not fit its format are listed, not shown.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { actions, runAction } from '../../actions';
import { useAppContext, useAppState } from '../../app/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Sheet } from '../../components/Sheet';
import { setVariantsUi, variantsUi, type VariantFilter } from '../../store/variantsUi';
import { VariantGrid } from './VariantGrid';
import { reviewCounts } from './variantsModel';
import './variants.css';

const MANIFEST = 'variants.json';
const FILTERS: readonly VariantFilter[] = ['all', 'pending', 'approved', 'rejected'];

export function VariantsReview() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const id = useId();
  const open = useStore(variantsUi, (s) => s.open);
  const review = useStore(variantsUi, (s) => s.review);
  const filter = useStore(variantsUi, (s) => s.filter);
  const busy = useAppState((s) => s.busy.variants === true);
  const hasProject = useAppState((s) => s.snapshot !== null);
  const [dir, setDir] = useState('');
  if (!open) return null;
  const openDir = (d: string) => void runAction(ctx, actions['variants.open'], { dir: d });
  const counts = review ? reviewCounts(review.items) : null;
  return (
    <Sheet
      title={t('variants.title')}
      testId="variants-review"
      className="variants-sheet"
      onClose={() => setVariantsUi({ open: false })}
    >
      <div className="variants-toolbar">
        <label htmlFor={`${id}-dir`} className="small">
          {t('variants.folder')}
        </label>
        <input
          id={`${id}-dir`}
          value={dir}
          placeholder={review?.dir ?? t('variants.folderPlaceholder', { command: 'storyboard variants --out' })}
          data-testid="variants-dir"
          onChange={(e) => setDir(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && dir.trim() && openDir(dir.trim())}
        />
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || !dir.trim()}
          data-testid="variants-open"
          onClick={() => openDir(dir.trim())}
        >
          {t('variants.open')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-secondary"
          disabled={busy}
          onClick={() =>
            void runAction(ctx, actions['folders.browse'], {
              ...(dir.trim() ? { path: dir.trim() } : {}),
              onChoose: (path) => {
                setDir(path);
                openDir(path);
              },
            })
          }
        >
          {t('variants.browse')}
        </button>
        {hasProject && (
          <button
            type="button"
            className="btn btn-small btn-secondary"
            disabled={busy}
            data-testid="variants-last-run"
            onClick={() => void runAction(ctx, actions['variants.open'], {})}
          >
            {t('variants.lastRun')}
          </button>
        )}
      </div>
      <ErrorMessage place="variants" />
      {review && counts && (
        <>
          <div className="variants-toolbar">
            <span className="small muted" data-testid="variants-folder">
              {review.dir}
            </span>
            <label className="small" htmlFor={`${id}-filter`}>
              {t('variants.filter')}
            </label>
            <select
              id={`${id}-filter`}
              value={filter}
              data-testid="variants-filter"
              onChange={(e) => setVariantsUi({ filter: e.target.value as VariantFilter })}
            >
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t(`variants.filterOption.${f}`, { count: counts[f] })}
                </option>
              ))}
            </select>
            <span className="small muted">{t('variants.keys')}</span>
          </div>
          {review.refused.length > 0 && (
            <div role="alert" className="warn small" data-testid="variants-refused">
              {t('variants.refused', { count: review.refused.length, manifest: MANIFEST })}
              <ul>
                {review.refused.map((r) => (
                  <li key={r.file}>
                    <code>{r.file}</code> — {t(`variants.refusedReason.${r.reason}`, { manifest: MANIFEST })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <VariantGrid items={review.items} />
        </>
      )}
    </Sheet>
  );
}
