/**
 * Import a script (Fountain, a Chinese script, a text/Markdown outline) by choosing or dropping
 * the file: the services parse it into a proposal (nothing written), shown here for review —
 * every problem with its line, the characters (new or joining an existing one), each scene's
 * shots with a checkbox and an editable title and prompt. "Import all" or "Import selected"
 * applies it through the action registry as ONE undo step.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SCRIPT_BYTES, SCRIPT_EXTENSIONS } from '../../../shared/script/index';
import { decodeScriptBytes } from '../../../shared/script/decode';
import { proposalCounts, selectShots, type ScriptProposal } from '../../../shared/script/proposal';
import { useAction, useAppContext } from '../app/context';
import { ErrorMessage } from '../components/ErrorMessage';
import { localizedText, uiErrorOf } from '../components/serviceText';
import { FilePicker } from '../components/FilePicker';
import { SCRIPT_IMPORT_EVENT } from '../actions/scriptActions';
import { AiBreakdown } from './AiBreakdown';

type Edits = Record<string, { title?: string; prompt?: string }>;

function edited(p: ScriptProposal, edits: Edits): ScriptProposal {
  return {
    ...p,
    scenes: p.scenes.map((sc) => ({ ...sc, shots: sc.shots.map((sh) => ({ ...sh, ...edits[sh.key] })) })),
  };
}

export function ScriptImport() {
  const { t, i18n } = useTranslation();
  const { api } = useAppContext();
  const [file, setFile] = useState<File | null>(null);
  const [proposal, setProposal] = useState<ScriptProposal | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [edits, setEdits] = useState<Edits>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [script, setScript] = useState<{ text: string; fileName: string } | null>(null);
  const [opened, setOpened] = useState(false);
  const section = useRef<HTMLDetailsElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  // A service's refusal in the UI's language (its message key), never its English sentence.
  const failed = (err: unknown): void => {
    const e = uiErrorOf(err);
    setProblem(localizedText(i18n, e.localized, e.message));
  };
  const all = useMemo(() => (proposal ? edited(proposal, edits) : null), [proposal, edits]);
  const some = useMemo(() => (all ? selectShots(all, selected) : null), [all, selected]);
  const applyAll = useAction(
    'script.apply',
    useMemo(() => ({ proposal: all }), [all]),
  );
  const applySome = useAction(
    'script.apply',
    useMemo(() => ({ proposal: some }), [some]),
  );

  async function open(f: File | null): Promise<void> {
    setFile(f);
    setProposal(null);
    setProblem(null);
    setEdits({});
    setScript(null);
    if (!f) return;
    const ext = f.name.split('.').pop()?.toLowerCase() ?? '';
    if (!(SCRIPT_EXTENSIONS as readonly string[]).includes(ext))
      return setProblem(t('scriptImport.wrongKind', { file: f.name }));
    if (f.size > MAX_SCRIPT_BYTES) return setProblem(t('scriptImport.tooLarge', { file: f.name }));
    // UTF-8, UTF-16 with a byte-order mark, else GB18030 (GBK) as Chinese editors save it.
    const decoded = decodeScriptBytes(new Uint8Array(await f.arrayBuffer()));
    if (!decoded) return setProblem(t('pathErrors.script.encoding', { file: f.name }));
    const { text } = decoded;
    setScript({ text, fileName: f.name });
    showProposal(await api.call('script.propose', { text, fileName: f.name }));
  }
  function showProposal(p: ScriptProposal): void {
    setProposal(p);
    setEdits({});
    setSelected(new Set(p.scenes.flatMap((sc) => sc.shots.map((sh) => sh.key))));
  }
  const onAiProposal = useCallback((p: ScriptProposal) => showProposal(p), []);
  // File → Import script (the registry's script.import): open this section and its picker.
  useEffect(() => {
    const onOpen = (): void => {
      setOpened(true);
      section.current?.scrollIntoView({ block: 'nearest' });
      picker.current?.focus();
    };
    window.addEventListener(SCRIPT_IMPORT_EVENT, onOpen);
    return () => window.removeEventListener(SCRIPT_IMPORT_EVENT, onOpen);
  }, []);
  // A script file dropped anywhere on the window opens the same review (other drops are left alone).
  useEffect(() => {
    const isScript = (name: string): boolean =>
      (SCRIPT_EXTENSIONS as readonly string[]).includes(name.split('.').pop()?.toLowerCase() ?? '');
    const onWindowDrop = (e: globalThis.DragEvent): void => {
      const f = e.dataTransfer?.files[0];
      if (e.defaultPrevented || !f || !isScript(f.name)) return;
      e.preventDefault();
      setOpened(true);
      void open(f).catch(failed);
    };
    const onWindowDragOver = (e: globalThis.DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('drop', onWindowDrop);
    window.addEventListener('dragover', onWindowDragOver);
    return () => {
      window.removeEventListener('drop', onWindowDrop);
      window.removeEventListener('dragover', onWindowDragOver);
    };
  });
  const done = (ok: boolean): void => {
    if (ok) {
      void open(null);
      setOpened(false);
    }
  };
  const onDrop = (e: DragEvent): void => {
    const f = e.dataTransfer.files[0];
    if (!f) return;
    e.preventDefault();
    void open(f).catch(failed);
  };
  const counts = all ? proposalCounts(all) : null;
  const toggle = (key: string, on: boolean): void =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <details
      className="script-import"
      data-testid="script-import"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      ref={section}
      open={proposal !== null || opened || undefined}
      onToggle={(e) => setOpened(e.currentTarget.open)}
    >
      <summary>{t('scriptImport.title')}</summary>
      <p className="muted small">{t('scriptImport.drop')}</p>
      <FilePicker
        id="script-import-file"
        accept=".fountain,.spmd,.txt,.md,.markdown"
        file={file}
        onChange={(f) => void open(f).catch(failed)}
        inputRef={picker}
        testId="script-import-file"
      />
      {script && <AiBreakdown script={script} onProposal={onAiProposal} />}
      {problem && (
        <p className="field-error small" role="alert" data-testid="script-import-problem">
          {problem}
        </p>
      )}
      {all && counts && (
        <div className="script-proposal" data-testid="script-proposal">
          <p data-testid="script-summary">
            {t(`scriptImport.format.${all.format}`)}: {t('scriptImport.summary', { ...counts })}
          </p>
          {all.issues.length > 0 && (
            <ul className="field-error small" aria-label={t('scriptImport.problems')} data-testid="script-issues">
              {all.issues.slice(0, 20).map((i) => (
                <li key={`${i.key}-${i.line}`} data-severity={i.severity}>
                  {t(`scriptIssues.${i.key}`, i.values)}
                </li>
              ))}
            </ul>
          )}
          {counts.errors > 0 && <p className="field-error small">{t('scriptImport.blocked')}</p>}
          {all.characters.length > 0 && (
            <p className="small" data-testid="script-characters">
              {t('scriptImport.characters')}:{' '}
              {all.characters
                .map((c) => `${c.name} (${c.existingId ? t('scriptImport.merged') : t('scriptImport.newCharacter')})`)
                .join(', ')}
            </p>
          )}
          <div className="script-select">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setSelected(new Set(all.scenes.flatMap((sc) => sc.shots.map((sh) => sh.key))))}
            >
              {t('scriptImport.selectAll')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setSelected(new Set())}>
              {t('scriptImport.selectNone')}
            </button>
          </div>
          {all.scenes.map((sc) => (
            <fieldset key={sc.key} className="script-scene">
              <legend>{sc.heading ?? t('scriptImport.noScene')}</legend>
              {sc.shots.map((sh) => (
                <div key={sh.key} className="script-shot" data-testid={`script-shot-${sh.key}`}>
                  <input
                    type="checkbox"
                    checked={selected.has(sh.key)}
                    onChange={(e) => toggle(sh.key, e.target.checked)}
                    aria-label={`${sh.key} ${sh.title}`}
                  />
                  <input
                    value={sh.title}
                    aria-label={t('scriptImport.shotTitle')}
                    onChange={(e) => setEdits((x) => ({ ...x, [sh.key]: { ...x[sh.key], title: e.target.value } }))}
                  />
                  <textarea
                    rows={2}
                    value={sh.prompt}
                    aria-label={t('scriptImport.shotPrompt')}
                    onChange={(e) => setEdits((x) => ({ ...x, [sh.key]: { ...x[sh.key], prompt: e.target.value } }))}
                  />
                  <span className="muted small">
                    {sh.shotSize && sh.camera && (
                      <span data-testid="script-shot-camera">
                        {t('scriptImport.camera', {
                          size: t(`breakdown.shotSize.${sh.shotSize}`),
                          camera: t(`breakdown.camera.${sh.camera}`),
                        })}{' '}
                        ·{' '}
                      </span>
                    )}
                    {t('scriptImport.seconds', { value: sh.durationSec })} ·{' '}
                    {t('scriptImport.lines', { count: sh.dialogue.length })}
                  </span>
                </div>
              ))}
            </fieldset>
          ))}
          <ErrorMessage place="script" />
          <div className="script-actions">
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={!applyAll.enabled}
              onClick={() => void applyAll.run().then(done)}
              data-testid="script-accept-all"
            >
              {t('scriptImport.acceptAll')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={!applySome.enabled || selected.size === 0}
              onClick={() => void applySome.run().then(done)}
              data-testid="script-accept-some"
            >
              {t('scriptImport.acceptSelected', { count: selected.size })}
            </button>
            <button type="button" className="btn btn-small" onClick={() => void open(null)}>
              {t('scriptImport.cancel')}
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
