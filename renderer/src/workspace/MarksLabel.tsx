/** The in and out marks (I / O), shown as timecodes while set; Alt+X clears them. */
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/context';
import { useEditorUi } from '../app/useEditor';
import { timecode } from '../player/cutPosition';

export function MarksLabel() {
  const { t } = useTranslation();
  const marks = useEditorUi((s) => s.marks);
  const fps = useAppState((s) => s.snapshot?.project.fps);
  if (!fps || (marks.in === null && marks.out === null)) return null;
  return (
    <span className="marks mono small" data-testid="marks" data-in={marks.in ?? ''} data-out={marks.out ?? ''}>
      {t('workspace.marks.in')} {marks.in === null ? '—' : timecode(marks.in, fps)} · {t('workspace.marks.out')}{' '}
      {marks.out === null ? '—' : timecode(marks.out, fps)}
    </span>
  );
}
