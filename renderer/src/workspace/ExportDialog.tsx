/** Export as a dialog of the top bar (Ctrl/Cmd+E): the export panel in a sheet; closing it never stops a running export. */
import { useTranslation } from 'react-i18next';
import { useEditorUi } from '../app/useEditor';
import { Sheet } from '../components/Sheet';
import { DeliveryExport } from '../panels/DeliveryExport';
import { ExportPanel } from '../panels/ExportPanel';
import { setEditorUi } from '../store/uiEditor';

export function ExportDialog() {
  const { t } = useTranslation();
  const open = useEditorUi((s) => s.exportOpen);
  if (!open) return null;
  return (
    <Sheet
      title={t('export.title')}
      testId="export-dialog"
      className="export-sheet"
      onClose={() => setEditorUi({ exportOpen: false })}
    >
      <ExportPanel />
      <DeliveryExport />
    </Sheet>
  );
}
