/**
 * Relink missing media (quality.md MEDIA-4): each missing file by its original name, where it is
 * used (shot and role), and a picker to choose it again; or a folder to search by name and
 * content hash. A file with other bytes is refused with what differs and can be relinked
 * anyway after the user confirms. Every choice runs an action (recoveryActions.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingMediaItem } from '../../../../shared/api/recovery';
import { actions, runAction } from '../../actions';
import { useAppContext } from '../../app/context';
import { ActionButton } from '../../components/ActionButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { FilePicker } from '../../components/FilePicker';
import { Sheet } from '../../components/Sheet';
import { setRecoveryUi, useRecoveryUi } from '../../store/recoveryUi';
import { FolderField } from './FolderField';
import './recovery.css';

const ACCEPT: Record<MissingMediaItem['kind'], string> = { video: 'video/*', image: 'image/*', audio: 'audio/*' };

function MissingRow({ item }: { item: MissingMediaItem }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const mismatch = useRecoveryUi((s) => (s.mismatch?.assetId === item.assetId ? s.mismatch : null));
  const [file, setFile] = useState<File | null>(null);
  const pick = (f: File | null) => {
    setFile(f);
    if (f) void runAction(ctx, actions['media.relink'], { assetId: item.assetId, file: f, confirm: false });
  };
  const uses = item.usedBy.map((u) =>
    [
      u.shotNumber !== null ? t('recovery.relink.shot', { number: u.shotNumber }) : t('recovery.relink.project'),
      t(`recovery.relink.role.${u.role}`),
    ].join(' · '),
  );
  return (
    <li className="relink-row" data-testid="missing-media" data-asset={item.assetId}>
      <div className="relink-name">
        <strong>{item.originalName}</strong>
        <span className="muted small"> — {t(`recovery.relink.problem.${item.problem}`)}</span>
      </div>
      <p className="muted small" data-testid="missing-used-by">
        {uses.join(', ')}
      </p>
      <FilePicker
        id={`relink-${item.assetId}`}
        accept={ACCEPT[item.kind]}
        file={file}
        onChange={pick}
        testId="relink-file"
      />
      {mismatch && (
        <div className="relink-mismatch" data-testid="relink-mismatch">
          <p>{t('recovery.relink.mismatch')}</p>
          <ActionButton
            action="media.relink"
            payload={{ assetId: item.assetId, file: mismatch.file, confirm: true }}
            variant="danger"
            className="btn-small"
            label={t('recovery.relink.confirm')}
            testId="relink-confirm"
          />
        </div>
      )}
    </li>
  );
}

export function RelinkDialog() {
  const { t } = useTranslation();
  const open = useRecoveryUi((s) => s.relinkOpen);
  const missing = useRecoveryUi((s) => s.missing);
  const relinked = useRecoveryUi((s) => s.relinked);
  const [folder, setFolder] = useState('');
  if (!open) return null;
  const close = () => setRecoveryUi({ relinkOpen: false, mismatch: null, relinked: [] });
  return (
    <Sheet title={t('recovery.relink.title')} testId="relink-dialog" className="relink-sheet" onClose={close}>
      {missing !== null && missing.length > 0 && <p className="muted">{t('recovery.relink.intro')}</p>}
      {missing !== null && missing.length === 0 && <p data-testid="relink-none">{t('recovery.relink.none')}</p>}
      <ul className="relink-list">
        {(missing ?? []).map((m) => (
          <MissingRow key={m.assetId} item={m} />
        ))}
      </ul>
      {relinked.length > 0 && (
        <p className="relink-done" data-testid="relinked">
          {t('recovery.relink.relinked')}: {relinked.join(', ')}
        </p>
      )}
      <ErrorMessage place="relink" />
      {missing !== null && missing.length > 0 && (
        <div className="relink-search">
          <Field label={t('recovery.relink.folder')}>
            <FolderField value={folder} onChange={setFolder} testId="relink-folder" />
          </Field>
          <ActionButton action="media.relinkFolder" payload={{ folder }} testId="relink-search" />
        </div>
      )}
    </Sheet>
  );
}
